import BriefingCore
import Foundation

// MARK: - Input fingerprints

/// An input of the job (job file, data, layout) that is missing or cannot be read.
struct InputProblem: Error {
  var message: Finding.Message
}

extension Run {
  /// The job file, every file of the data (folder or file), its intake map and the layouts, in
  /// that order.
  func inputPaths() throws(InputProblem) -> [String] {
    var paths: [String] = [job.file]
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
    if let map = job.map {
      guard FileManager.default.fileExists(atPath: map) else {
        throw InputProblem(message: .inputMissing(map, what: "intake map"))
      }
      paths.append(map)
    }
    for layout in job.layouts {
      guard FileManager.default.fileExists(atPath: layout) else {
        throw InputProblem(message: .inputMissing(layout, what: "layout"))
      }
      paths.append(layout)
    }
    return paths
  }

  /// Size and SHA-256 of every input.
  func fingerprintInputs() throws(InputProblem) -> [Manifest.Input] {
    var inputs: [Manifest.Input] = []
    for path in try inputPaths() {
      let bytes = try readWithRetry(path)
      inputs.append(Manifest.Input(path: path, size: bytes.count, sha256: SHA256.hex(bytes)))
    }
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
