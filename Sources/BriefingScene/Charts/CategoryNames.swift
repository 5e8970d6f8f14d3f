import BriefingCore

// MARK: - Names under a row of bars

/// The names under vertical bars, every one in full where it can be. Names alternate over
/// 1…3 staggered lines (name i on line i mod lines, the first line nearest the plot); each is
/// centred under its band, moved inside the bounds at the ends, and must keep 2 pt from the
/// next name on its line. The text keeps its theme size if any number of lines fits, else it
/// shrinks in 0.5 pt steps down to the theme's `minTextSize`, fewest lines first at each size.
/// When not even that names everyone, each name gets a slot of `lines × step − 2` points
/// centred under its band, and those too long for it are shortened with `…` (listed in one
/// warning by the caller). Points throughout.
struct CategoryNames {
  /// One placed name: its text, style, left edge and line.
  struct Name {
    let text: String
    let style: TextStyle
    let x: Double
    let line: Int
  }

  // MARK: - Properties
  let names: [Name]
  /// Lines of names (1…3).
  let lines: Int
  /// Distance between two lines: the taller of the regular and focus styles, points.
  let lineHeight: Double
  /// Height of a line in the regular style, points.
  private let regularHeight: Double
  /// The full names that were shortened.
  let shortened: [String]

  /// Most staggered lines tried before text shrinks.
  static let maxLines = 3
  /// Least space between two names on one line, points.
  static let spacing = 2.0

  // MARK: - Initialization

  /// - Parameters:
  ///   - labels: each band's name and whether it is the focus (drawn in `focus` style).
  ///   - bands: the band scale under which the names sit.
  ///   - bounds: names stay inside these x limits.
  init(
    _ labels: [(text: String, isFocus: Bool)], bands: BandScale, bounds: ClosedRange<Double>,
    regular: TextStyle, focus: TextStyle, minimum: Double, kit: TextKit<some TextMeasuring>
  ) {
    func style(_ index: Int, _ factor: Double) -> TextStyle {
      (labels[index].isFocus ? focus : regular).scaled(factor)
    }
    /// Left edges of `widths` centred under their bands, moved inside `bounds`.
    func lefts(_ widths: [Double]) -> [Double] {
      widths.enumerated().map { index, width in
        min(max(bands.center(index) - width / 2, bounds.lowerBound), bounds.upperBound - width)
      }
    }
    func fits(lines: Int, factor: Double) -> Bool {
      let widths = labels.indices.map { kit.size(labels[$0].text, style($0, factor)).width }
      let xs = lefts(widths)
      let inside = widths.allSatisfy { $0 <= bounds.upperBound - bounds.lowerBound }
      return inside
        && xs.indices.dropLast(lines).allSatisfy {
          xs[$0 + lines] >= xs[$0] + widths[$0] + Self.spacing - 1e-9
        }
    }
    // Scales of the smaller style: its theme size, then 0.5 pt less each time, then the minimum.
    let smallest = min(regular.size, focus.size)
    let lowest = min(1, minimum / smallest)
    let steps = stride(from: smallest - 0.5, to: minimum, by: -0.5).map { $0 / smallest }
    let factors = [1] + steps + (lowest < 1 ? [lowest] : [])
    let fitting = factors.lazy
      .flatMap { factor in (1...Self.maxLines).lazy.map { (lines: $0, factor: factor) } }
      .first { fits(lines: $0.lines, factor: $0.factor) }
    let (lines, factor) = fitting ?? (Self.maxLines, lowest)

    // Each name's room: the bounds when all fit. Otherwise, line by line from the left, from
    // the previous name's right edge (+ 2 pt) to the right end of a slot `lines × step − 2` wide
    // centred under the band (the bounds for the last name of a line): the next name's slot is
    // kept free, so a name too long for its room is shortened and never pushes the others.
    var lineEnds = [Double](repeating: bounds.lowerBound - Self.spacing, count: lines)
    var shortened: [String] = []
    names = labels.indices.map { index in
      let style = style(index, factor)
      let line = index % lines
      let center = bands.center(index)
      let start = lineEnds[line] + Self.spacing
      let end =
        index + lines < labels.count
        ? min(bounds.upperBound, center + (Double(lines) * bands.step - Self.spacing) / 2)
        : bounds.upperBound
      let room = fitting != nil ? bounds : start...max(start, end)
      let roomWidth = max(0, room.upperBound - room.lowerBound)
      var (text, isCut) = kit.measurer.truncated(
        labels[index].text, style: style, maxWidth: roomWidth)
      if isCut {
        shortened.append(labels[index].text)
        if kit.size(text, style).width > roomWidth { text = "" }
      }
      let width = kit.size(text, style).width
      let x = min(max(center - width / 2, room.lowerBound), room.upperBound - width)
      lineEnds[line] = text.isEmpty ? lineEnds[line] : x + width
      return Name(text: text, style: style, x: x, line: line)
    }
    self.lines = lines
    self.shortened = shortened
    regularHeight = kit.size("国", regular.scaled(factor)).height
    lineHeight = max(regularHeight, kit.size("国", focus.scaled(factor)).height)
  }

  // MARK: - Methods

  /// The height the name lines take, points: the last line in the regular style's height (a
  /// bold focus name may rise into the gap above), the others a `lineHeight` each.
  var height: Double { Double(lines - 1) * lineHeight + regularHeight }

  /// The runs of the names, the last line's bottom at `bottom`.
  func runs(bottom: Double, measurer: some TextMeasuring) -> [TextRun] {
    names.compactMap { name in
      guard !name.text.isEmpty else { return nil }
      let y = bottom - Double(lines - 1 - name.line) * lineHeight
      var run = measurer.run(
        name.text, style: name.style, at: Point(x: name.x, y: y), alignment: .center,
        vertical: .bottom)
      run.origin.x = name.x
      return run
    }
  }
}

// MARK: - Findings

extension Finding.Message {
  /// Category names that did not fit in full even on staggered lines at the minimum size.
  static func namesShortened(_ component: String, _ names: [String]) -> Self {
    let quoted = names.map { "“\($0)”" }.joined(separator: ", ")
    return Self(
      code: "names-shortened",
      text: "\(component): \(names.count) name(s) shortened with … (no room at the minimum "
        + "text size on \(CategoryNames.maxLines) lines): \(quoted)")
  }
}
