import BriefingJobs
import Foundation

// MARK: - Progress bar on a terminal

/// Draws `ProgressLine` on standard error, redrawn in place, when standard error is a terminal
/// and the run is not `--quiet`. While it is shown, warnings and errors are printed above the bar
/// and info lines go only to the log file, so the terminal stays readable; without a terminal
/// (cron, pipes, CI) every log line is printed as before and no bar is drawn.
final class TerminalProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var current = ""

  /// A progress bar, or nil when standard error is not a terminal or the run is quiet.
  static func forStandardError(quiet: Bool) -> TerminalProgress? {
    guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
    return TerminalProgress()
  }

  /// Redraws the bar for `done` of `total` units.
  func update(done: Int, total: Int, label: String) {
    lock.withLock {
      current = ProgressLine.text(done: done, total: total, label: label)
      FileHandle.standardError.write(Data(("\r\u{1B}[K" + current).utf8))
      if done >= total {
        FileHandle.standardError.write(Data("\n".utf8))
        current = ""
      }
    }
  }

  /// Prints `line` above the bar and draws the bar again.
  func printAbove(_ line: String) {
    lock.withLock {
      let redraw = current.isEmpty ? "" : current
      FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + "\n" + redraw).utf8))
    }
  }
}
