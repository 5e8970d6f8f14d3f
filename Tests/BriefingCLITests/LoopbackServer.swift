import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Servers on 127.0.0.1 for the delivery and page tests

/// A helper server (Debian's `/usr/bin/python3`: `http.server`, an HTTP receiver, an SMTP
/// receiver) listening on 127.0.0.1 on a port the system picked. The server must print that
/// port (`… port 40123 …`) on its first line of standard output; its standard error goes to
/// `log`. Stopped (SIGTERM, then waited for) by `stop()` or when released.
final class LoopbackServer {
  static let python = "/usr/bin/python3"

  let port: Int
  let log: String
  private let process: Process

  struct StartFailure: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts `python3 -u ARGUMENTS` in `folder`, standard error into `folder/server.log`.
  init(python arguments: [String], in folder: String) throws {
    log = folder + "/server.log"
    FileManager.default.createFile(atPath: log, contents: nil)
    process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python)
    process.arguments = ["-u"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle(forWritingAtPath: log)
    try process.run()
    var line = Data()
    while !line.contains(0x0A) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }  // the server ended before saying where it listens
      line.append(chunk)
    }
    let first = String(decoding: line, as: UTF8.self)
    guard let match = first.range(of: #"port (\d+)"#, options: .regularExpression),
      let port = Int(first[match].dropFirst(5))
    else {
      process.terminate()
      let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      throw StartFailure(description: "server did not start: \(first) \(errors)")
    }
    self.port = port
  }

  /// SIGKILL: a child of the test process may start with SIGTERM blocked, and the servers keep
  /// nothing unwritten (a message is on disk before the server acknowledges it).
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  deinit { stop() }
}
