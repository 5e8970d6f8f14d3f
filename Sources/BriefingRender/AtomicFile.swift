import Foundation

// MARK: - Atomic writes

/// Writes files so that readers see either the old file or the complete new one, never a part:
/// the bytes go to a temporary file in the same directory, are flushed to disk, then renamed.
///
/// A destination that exists and is not a regular file (`/dev/null`, a FIFO, a terminal) is
/// written in place: renaming over it would replace the device node itself.
public enum AtomicFile {
  /// - Parameter durable: flush the file to disk (`fsync`) before the rename. Default: true.
  ///   Chart sets pass false: thousands of regenerable charts would wait on the disk one by one
  ///   (about 15 ms each here); a reader still never sees a partial file.
  public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true)
    throws(RenderError)
  {
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
      try writeInPlace(bytes, to: path)
      return
    }
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let created = FileManager.default.createFile(atPath: temporary.path, contents: nil)
      guard created, let handle = FileHandle(forWritingAtPath: temporary.path) else {
        throw RenderError.io(path: path, reason: String(cString: strerror(errno)))
      }
      defer { try? handle.close() }
      try handle.write(contentsOf: bytes)
      if durable { try handle.synchronize() }
      guard rename(temporary.path, url.path) == 0 else {
        throw RenderError.io(path: path, reason: String(cString: strerror(errno)))
      }
    } catch let error as RenderError {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .io(path: path, reason: error.localizedDescription)
    }
  }

  /// Writes to a device or pipe that already exists, without a temporary file.
  private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(RenderError) {
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw .io(path: path, reason: String(cString: strerror(errno)))
    }
    defer { try? handle.close() }
    do {
      try handle.write(contentsOf: bytes)
    } catch {
      throw .io(path: path, reason: error.localizedDescription)
    }
  }
}
