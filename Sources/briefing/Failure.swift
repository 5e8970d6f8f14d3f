import ArgumentParser
import BriefingCore
import BriefingJobs
import Foundation

// MARK: - Failures and exit codes

/// Everything that stops a command, mapped to its row of the one `ExitStatus` table (shared with
/// `run`'s outcomes): 65 bad data or layout, 70 internal, 74 I/O; argument-parser gives 64 itself.
enum Failure: Error {
  /// Input data or a layout has errors; every finding is printed.
  case data([Finding])
  /// Reading or writing a file failed, or an input is missing.
  case io(String)
  /// A bug or an environment problem (fonts missing, cairo failure).
  case `internal`(String)

  /// Codes of the loaders' findings that mean "the file (or database) could not be read", not
  /// "it is wrong".
  static let unreadableCodes: Set<String> = ["unreadable-file", "missing-file", "job-unreadable", "database-unavailable"]

  /// Why an input did not load, from the loader's findings: I/O when a file or folder is
  /// missing or unreadable, else bad data.
  init(loading findings: [Finding]) {
    let errors = findings.filter { $0.severity == .error }
    if errors.contains(where: { Self.unreadableCodes.contains($0.message.code) }) {
      self = .io(errors.map(\.description).joined(separator: "; "))
    } else {
      self = .data(findings)
    }
  }

  var exitStatus: ExitStatus {
    switch self {
    case .data: .dataError
    case .io: .ioError
    case .internal: .internalError
    }
  }

  /// `--strict`: every warning among `findings` as an error (a `.data` failure, exit 65);
  /// nothing when there is none.
  static func refusingWarnings(_ findings: [Finding]) throws(Failure) {
    let warnings = findings.filter { $0.severity == .warning }
    guard !warnings.isEmpty else { return }
    throw .data(
      warnings.map { warning in
        var strict = warning
        strict.severity = .error
        strict.notes.append("an error under --strict")
        return strict
      })
  }

  /// One line per problem, `briefing: ` prefixed, for stderr.
  var lines: [String] {
    switch self {
    case .data(let findings): findings.filter { $0.severity == .error }.map { "briefing: \($0)" }
    case .io(let message): ["briefing: I/O error: \(message)"]
    case .internal(let message): ["briefing: internal error: \(message)"]
    }
  }
}

/// Runs a command body, printing failures to stderr and turning them into exit codes.
func reportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let failure as Failure {
    for line in failure.lines { printError(line) }
    throw ExitCode(failure.exitStatus.rawValue)
  }
}

/// Writes one line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints warnings (errors go through `Failure`) to stderr unless `quiet`; notices only when
/// `BRIEFING_VERBOSE` is set, since they are informational (a label shortened with `…`, rows
/// continued, values shown as missing).
func printFindings(_ findings: [Finding], quiet: Bool = false) {
  guard !quiet else { return }
  let verbose = ProcessInfo.processInfo.environment["BRIEFING_VERBOSE"] != nil
  for finding in findings where finding.severity == .warning || (verbose && finding.severity == .notice) {
    printError("briefing: \(finding)")
  }
}
