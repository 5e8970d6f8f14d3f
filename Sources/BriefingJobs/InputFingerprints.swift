import BriefingCore
import Foundation

// MARK: - Input fingerprints

/// An input of the job (job file, data, layout) that is missing or cannot be read.
struct InputProblem: Error {
  var message: Finding.Message
}

/// An input read from somewhere other than a file — a database's rows — fingerprinted by the
/// loader that read it, since there is no file to hash again.
///
/// A database source is queried on every run; the run is skipped as unchanged when the rows
/// it fetched (every table, column name and cell as text, in the order returned) hash the same
/// as last time. A query without `ORDER BY` may return the same rows in another order after
/// the table was written to: that renders again, which is safe, never stale.
public struct FetchedInput: Hashable, Sendable {
  /// What the manifest names: the source as findings name it (never a password).
  public var name: String
  /// Bytes hashed.
  public var size: Int
  /// Lower-case hex SHA-256.
  public var sha256: String

  /// The fingerprint of `bytes`, fetched from `name`.
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.size = bytes.count
    self.sha256 = SHA256.hex(bytes)
  }
}

extension ReportProducing {
  public var fetchedInputs: [FetchedInput] { [] }
}

extension Run {
  /// The job file, every file of the data (folder or file; for a database, its metadata
  /// files), its intake map and the layouts, in that order.
  func inputPaths() throws(InputProblem) -> [String] {
    var paths: [String] = [job.file]
    if let database = job.database {
      for file in database.files {
        guard FileManager.default.fileExists(atPath: file) else {
          throw InputProblem(message: .inputMissing(file, what: "metadata"))
        }
        paths.append(file)
      }
      try appendMapAndLayouts(to: &paths)
      return paths
    }
    switch try? Posix.kind(job.data) {
    case .directory:
      let enumerator = FileManager.default.enumerator(atPath: job.data)
      var found: [String] = []
      while let relative = enumerator?.nextObject() as? String {
        let full = job.data + "/" + relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
          found.append(full)
        }
      }
      paths += found.sorted()
    case .other, .symlink:
      paths.append(job.data)
    default:
      throw InputProblem(message: .inputMissing(job.data, what: "data"))
    }
    try appendMapAndLayouts(to: &paths)
    return paths
  }

  /// The intake map and the layouts, each of which must exist (a layout name found nowhere says
  /// where it was looked for: `JobFile.layoutsNotFound`).
  private func appendMapAndLayouts(to paths: inout [String]) throws(InputProblem) {
    if let map = job.map {
      guard FileManager.default.fileExists(atPath: map) else {
        throw InputProblem(message: .inputMissing(map, what: "intake map"))
      }
      paths.append(map)
    }
    for layout in job.layouts {
      guard FileManager.default.fileExists(atPath: layout) else {
        throw InputProblem(message: job.layoutsNotFound[layout].map { .layoutNotFound($0) } ?? .inputMissing(layout, what: "layout"))
      }
      paths.append(layout)
    }
  }

  /// Size and SHA-256 of every input file, then the `fetched` inputs.
  func fingerprintInputs(fetched: [FetchedInput] = []) throws(InputProblem) -> [Manifest.Input] {
    var inputs: [Manifest.Input] = []
    for path in try inputPaths() {
      let bytes = try readWithRetry(path)
      inputs.append(Manifest.Input(path: path, size: bytes.count, sha256: SHA256.hex(bytes)))
    }
    inputs += fetched.map { Manifest.Input(path: $0.name, size: $0.size, sha256: $0.sha256) }
    return inputs
  }

  /// Reads a file, retrying transient errors (`RunOptions.readAttempts`, back-off from 0.5 s).
  func readWithRetry(_ path: String) throws(InputProblem) -> [UInt8] {
    var attempt = 1
    var delay = 0.5
    while true {
      do {
        return try options.readFile(path)
      } catch let failure as FileFailure where failure.isTransient && attempt < options.readAttempts {
        log.emit(.warning, "retry", [("path", path), ("attempt", "\(attempt)"), ("error", failure.description)])
        options.sleeper.sleep(seconds: delay)
        delay *= 2
        attempt += 1
      } catch {
        throw InputProblem(message: .inputUnreadable(path, "\(error)"))
      }
    }
  }
}
