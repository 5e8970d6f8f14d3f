import Foundation
import Testing

/// The Chinese user guide (`docs/zh-CN/*.md`) shows commands the reader types; every one of them
/// still works. The chapters run in file-name order in one scratch folder holding copies of
/// `Samples/`, `Layouts/` and the intake-fixture script (as a checkout has them), with `briefing`
/// on the PATH:
///
/// - every command of a ```` ```sh ```` block runs, and must exit 0, or the code its line names
///   with a comment `# 退出码 N` (a block showing a failure);
/// - a line `cd DIR` in such a block changes the folder the chapter's later commands run in
///   (each chapter starts in the scratch folder);
/// - a block right after a line `<!-- file: NAME -->` is a file the reader writes with an editor:
///   it is written to NAME in the current folder before the commands after it run.
///
/// Blocks of any other language (`text`, `console`, `yaml` without the marker) are not run. A
/// command whose program is not installed (`sqlite3` on a machine without it) ends its chapter's
/// run with a line saying so, as the other tests that need an optional package do.
@Suite(.serialized) struct GuideCommandsTests {
  /// The guide's folder in the checkout.
  static let guide = CLI.root + "/docs/zh-CN"

  // MARK: - Reading the guide

  /// One thing the guide asks the reader to do, with the line of the Markdown file it is on.
  enum Step {
    /// A shell command (continuation lines joined) and the exit code it must end with.
    case command(String, expected: Int32)
    /// A file the reader creates: its name and its text.
    case file(String, text: String)
  }

  struct Located {
    var file: String
    var line: Int
    var step: Step
  }

  /// The guide's Markdown files, sorted by name (the chapters' order).
  static func chapters() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: guide).filter { $0.hasSuffix(".md") }.sorted()
  }

  /// The steps of one Markdown file, in the order they appear.
  static func steps(of name: String) throws -> [Located] {
    let lines = try String(contentsOfFile: guide + "/" + name, encoding: .utf8).components(separatedBy: "\n")
    var steps: [Located] = []
    var index = 0
    var previous = ""
    while index < lines.count {
      let fence = lines[index].trimmingCharacters(in: .whitespaces)
      guard fence.hasPrefix("```") else {
        if !fence.isEmpty { previous = fence }
        index += 1
        continue
      }
      let language = fence.dropFirst(3).trimmingCharacters(in: .whitespaces)
      let start = index + 1
      var end = start
      while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("```") { end += 1 }
      let body = Array(lines[start..<min(end, lines.count)])
      if let target = fileMarker(previous) {
        steps.append(Located(file: name, line: start, step: .file(target, text: body.joined(separator: "\n") + "\n")))
      } else if language == "sh" {
        steps += commands(body, firstLine: start + 1, file: name)
      }
      previous = ""
      index = end + 1
    }
    return steps
  }

  /// `NAME` from a line `<!-- file: NAME -->`, else nil.
  static func fileMarker(_ line: String) -> String? {
    guard line.hasPrefix("<!-- file:"), line.hasSuffix("-->") else { return nil }
    return line.dropFirst("<!-- file:".count).dropLast(3).trimmingCharacters(in: .whitespaces)
  }

  /// The commands of a ```sh block: blank and comment lines left out, `\` continuations joined,
  /// each located at its first line (`firstLine` is the block's first line, 1-based).
  static func commands(_ body: [String], firstLine: Int, file: String) -> [Located] {
    var found: [Located] = []
    var pending: (text: String, line: Int)?
    for (offset, raw) in body.enumerated() {
      let text = raw.trimmingCharacters(in: .whitespaces)
      if pending == nil, text.isEmpty || text.hasPrefix("#") { continue }
      let joined = (pending?.text ?? "") + (text.hasSuffix("\\") ? String(text.dropLast()) : text)
      let line = pending?.line ?? firstLine + offset
      if text.hasSuffix("\\") {
        pending = (joined, line)
      } else {
        found.append(Located(file: file, line: line, step: .command(joined, expected: expectedStatus(joined))))
        pending = nil
      }
    }
    return found
  }

  /// The exit code a command's comment `# 退出码 N` names; 0 without one.
  static func expectedStatus(_ command: String) -> Int32 {
    guard let range = command.range(of: #"#\s*退出码\s*[0-9]+"#, options: .regularExpression) else { return 0 }
    return Int32(command[range].filter(\.isNumber)) ?? 0
  }

  // MARK: - Running it

  /// A scratch folder laid out as a checkout for the guide's commands, with its own HOME.
  static func workspace() throws -> String {
    let folder = try CLI.scratch()
    let fixtures = "Tests/BriefingIngestTests/Fixtures"
    try FileManager.default.createDirectory(atPath: folder + "/" + fixtures, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
    for path in ["Samples", "Layouts", fixtures + "/make_intake_fixtures.py"] {
      try FileManager.default.copyItem(atPath: CLI.root + "/" + path, toPath: folder + "/" + path)
    }
    return folder
  }

  /// The program a command starts when it is neither `briefing` nor installed (e.g. `sqlite3`,
  /// which `make test` does not install), else nil.
  static func missingTool(_ command: String) throws -> String? {
    guard let tool = command.split(separator: " ").first.map(String.init), tool != "briefing" else { return nil }
    return try CLI.shell(["-c", "command -v '\(tool)'"]).status == 0 ? nil : tool
  }

  @Test func everyCommandInTheGuideRuns() throws {
    let folder = try Self.workspace()
    var ran = 0
    for chapter in try Self.chapters() {
      var cwd = folder  // every chapter starts in the source folder
      chapterSteps: for located in try Self.steps(of: chapter) {
        let place = "docs/zh-CN/\(located.file):\(located.line)"
        switch located.step {
        case .file(let name, let text):
          try text.write(toFile: cwd + "/" + name, atomically: true, encoding: .utf8)
        case .command(let command, let expected):
          if command.hasPrefix("cd ") {
            let target = command.dropFirst(3).trimmingCharacters(in: .whitespaces)
            cwd = URL(fileURLWithPath: target, relativeTo: URL(fileURLWithPath: cwd + "/")).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: cwd), "\(place): no folder \(cwd)")
            continue
          }
          if let tool = try Self.missingTool(command) {
            print("GuideCommandsTests: \(place): `\(tool)` is not installed; the rest of \(chapter) is skipped")
            break chapterSteps
          }
          let result = try CLI.shell(
            ["-c", "cd '\(cwd)' && " + command], environment: ["HOME": folder + "/home", "COLUMNS": "80"])
          #expect(
            result.status == expected,
            "\(place): `\(command)` exited \(result.status), the guide expects \(expected)\n\(result.stderr)")
          ran += 1
        }
      }
    }
    #expect(ran >= 40, "only \(ran) commands found in the guide")
  }

  @Test func everyPictureExistsAndIsSmall() throws {
    for chapter in try Self.chapters() {
      let text = try String(contentsOfFile: Self.guide + "/" + chapter, encoding: .utf8)
      let links = text.matches(of: /\]\((images\/[^)\s]+\.png)\)/).map { String($0.1) }
      for link in links {
        let size = (try? FileManager.default.attributesOfItem(atPath: Self.guide + "/" + link)[.size] as? Int) ?? nil
        #expect(size != nil, "docs/zh-CN/\(chapter): \(link) is missing")
        #expect((size ?? 0) < 150_000, "docs/zh-CN/\(chapter): \(link) is \(size ?? 0) bytes, above 150 KB")
      }
    }
  }
}
