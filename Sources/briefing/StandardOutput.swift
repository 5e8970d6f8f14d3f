// `stdout` is a C global: read through a preconcurrency import, as it is only passed to stdio,
// which locks the stream itself.
@preconcurrency import Glibc
import BriefingJobs
import Foundation
import Synchronization

// MARK: - Standard output

/// Standard output, checked like every other write: a full disk, a closed pipe (with SIGPIPE
/// ignored) or any other write error is an I/O failure (74) with a message on standard error,
/// never dropped.
///
/// Everything goes through C `stdout`: Swift's `print` (paths, listings, argument-parser's help
/// and version) and `write(_:)` (streamed tables) share its buffer, so output stays in order.
/// `write(_:)` fails as soon as the stream has failed; `checkAtExit` flushes the buffer when the
/// process ends and checks it (gnulib's `close_stdout`), so whatever `print` left there is
/// checked too.
///
/// A closed pipe with the default SIGPIPE disposition ends the process by the signal, quietly,
/// as it ends `cat` or `grep`: `briefing analyze | head` is ordinary use, the reader has what it
/// wanted, a message would be noise, and a shell with `set -o pipefail` still sees the status
/// (141). The disposition is inherited and never changed here: under a parent that ignores
/// SIGPIPE the write fails with EPIPE, which is reported as any write error (74).
enum StandardOutput {
  /// Set once a write failure was reported, so that the exit check does not report it again.
  private static let failureReported = Atomic(false)

  /// Appends `bytes` to standard output (buffered); `.io` when the stream has failed. Handed to
  /// stdio in slices of `AtomicFile.writeChunk`: `fwrite` passes a large buffer to one `write`
  /// call, which is five times slower into a file than 1 MiB calls.
  static func write(_ bytes: [UInt8]) throws(Failure) {
    let written = bytes.withUnsafeBufferPointer { buffer in
      var written = 0
      while written < buffer.count {
        let count = min(AtomicFile.writeChunk, buffer.count - written)
        let done = fwrite(buffer.baseAddress! + written, 1, count, stdout)
        written += done
        if done < count { break }
      }
      return written
    }
    let code = errno
    guard written == bytes.count, ferror(stdout) == 0 else {
      failureReported.store(true, ordering: .relaxed)
      throw .io(message(code: written == bytes.count ? nil : code))
    }
  }

  /// Makes the process check standard output when it exits (also after `exit` and
  /// argument-parser's own exits): call once, first thing.
  static func checkAtExit() {
    atexit { StandardOutput.flushOrFail() }
  }

  /// Flushes standard output; on failure prints the error and ends the process with 74, unless
  /// the failure was reported already (the process is then exiting with 74).
  private static func flushOrFail() {
    let flushFailed = fflush(stdout) != 0
    let code = errno
    guard flushFailed || ferror(stdout) != 0, !failureReported.load(ordering: .relaxed) else { return }
    printError("briefing: I/O error: \(message(code: flushFailed ? code : nil))")
    _exit(ExitStatus.ioError.rawValue)
  }

  /// `standard output: <reason>`; the reason is unknown when the error was recorded earlier.
  private static func message(code: Int32?) -> String {
    "standard output: " + (code.map { String(cString: strerror($0)) } ?? "write error")
  }
}
