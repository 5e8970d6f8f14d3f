import ArgumentParser
import BriefingCore
import Foundation

// MARK: - Failures and exit codes

/// Everything that stops a command, mapped to the BSD `sysexits` codes cron and scripts rely on:
/// 64 usage (argument-parser's own), 65 bad data or layout, 70 internal, 74 I/O.
enum Failure: Error {
  /// Input data or a layout has errors; every finding is printed.
  case data([Finding])
  /// Reading or writing a file failed.
  case io(String)
  /// A bug or an environment problem (fonts missing, cairo failure).
  case `internal`(String)

  var exitCode: ExitCode {
    switch self {
    case .data: ExitCode(65)
    case .io: ExitCode(74)
    case .internal: ExitCode(70)
    }
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
    throw failure.exitCode
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
