import ArgumentParser

// MARK: - `briefing render` without reflection

/// Reads the usual `briefing render --name value … --flag …` line directly. ArgumentParser
/// builds its option tables by reflecting over every command and parses the line several times
/// (about 15 M instructions, as much as drawing two charts); this takes only lines it reads
/// exactly as ArgumentParser would: every token a known long option followed by a value that
/// does not start with `-`, or a known flag; each at most once; `--data` present; values
/// converted by the same `ExpressibleByArgument` initializers; both `validate()`s passing.
/// Anything else (help, `--name=value`, short or unknown names, repeats, bad values) gives nil,
/// and ArgumentParser parses the line and words any error itself.
enum RenderFastPath {
  /// Long options that take a value, as ArgumentParser names `DataOptions`', `SheetOptions`' and `Render`'s.
  static let optionNames: Set<String> = [
    "--data", "--encoding", "--sheet", "--regions", "--indicators", "--map", "--as-of",
    "--layout", "--focus", "--period", "--group", "--out", "--dpi", "--focus-list", "--format",
    "--jobs",
  ]
  /// `Render`'s flags.
  static let flagNames: Set<String> = ["--every-region", "--transparent", "--quiet", "--strict"]

  /// The command for `arguments` (without the program name), or nil to leave it to
  /// ArgumentParser.
  static func parse(_ arguments: [String]) -> Render? {
    guard arguments.first == "render", let (values, given) = tokens(arguments.dropFirst()),
      let path = values["--data"]
    else { return nil }
    // Every property must be set: a wrapper left as declared cannot be read.
    var data = DataOptions()
    data.data = path
    data.encoding = values["--encoding"] ?? DataOptions.defaultEncoding
    data.sheet = values["--sheet"]
    data.regions = values["--regions"]
    data.indicators = values["--indicators"]
    data.map = values["--map"]
    data.asOf = values["--as-of"]
    var sheet = SheetOptions()
    sheet.layout = values["--layout"] ?? SheetOptions.defaultLayout
    sheet.focus = values["--focus"]
    sheet.period = values["--period"]
    sheet.group = values["--group"]
    var render = Render()
    render.data = data
    render.sheet = sheet
    render.out = values["--out"] ?? Render.defaultOut
    render.everyRegion = given.contains("--every-region")
    render.transparent = given.contains("--transparent")
    render.quiet = given.contains("--quiet")
    render.strict = given.contains("--strict")
    render.focusList = values["--focus-list"]
    guard let dpi: Double? = value(values["--dpi"]),
      let format: ChartFormat? = value(values["--format"]), let jobs: Int? = value(values["--jobs"])
    else { return nil }
    render.dpi = dpi ?? Render.defaultDPI
    render.format = format ?? Render.defaultFormat
    render.jobs = jobs
    do {
      try data.validate()
      try render.validate()
    } catch {
      return nil
    }
    return render
  }

  /// Option values and flags given, by name; nil for a token this path does not take.
  private static func tokens(_ arguments: ArraySlice<String>) -> ([String: String], Set<String>)? {
    var values: [String: String] = [:]
    var given: Set<String> = []
    var rest = arguments
    while let name = rest.popFirst() {
      if flagNames.contains(name) {
        guard given.insert(name).inserted else { return nil }
      } else if optionNames.contains(name), values[name] == nil, let value = rest.popFirst(),
        !value.hasPrefix("-")
      {
        values[name] = value
      } else {
        return nil
      }
    }
    return (values, given)
  }

  /// `text` converted as ArgumentParser converts it: `.some(nil)` when absent, nil when invalid.
  private static func value<Value: ExpressibleByArgument>(_ text: String?) -> Value?? {
    guard let text else { return .some(nil) }
    return Value(argument: text).map { .some($0) }
  }
}
