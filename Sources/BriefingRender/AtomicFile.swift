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
    let stream = try Stream(path: path, durable: durable)
    try stream.write(bytes)
    try stream.commit()
  }

  // MARK: - Stream

  /// A file written piece by piece (large exports never held whole) and published by `commit`:
  /// until then the destination keeps its old content. A stream released without `commit`
  /// (an error on the way) removes its temporary file.
  public final class Stream {
    private let path: String
    /// nil when the destination is written in place (a device or pipe).
    private let temporary: String?
    private let durable: Bool
    private var descriptor: Int32
    private var committed = false

    /// Opens the temporary file next to `path` (creating missing folders), or `path` itself
    /// when it is a device or pipe. `durable`: as for `AtomicFile.write`.
    public init(path: String, durable: Bool = true) throws(RenderError) {
      self.path = path
      self.durable = durable
      var status = stat()
      let isSpecial =
        stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG
        && status.st_mode & S_IFMT != S_IFDIR
      if isSpecial {
        temporary = nil
        descriptor = open(path, O_WRONLY | O_CLOEXEC)
      } else {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporaryPath = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        temporary = temporaryPath
        do {
          try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
          throw .io(path: path, reason: error.localizedDescription)
        }
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      }
      guard descriptor >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Appends `bytes` (retrying short and interrupted writes).
    public func write(_ bytes: [UInt8]) throws(RenderError) {
      let failed = bytes.withUnsafeBytes { buffer -> Int32? in
        var offset = 0
        while offset < buffer.count {
          let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            return errno
          }
          offset += written
        }
        return nil
      }
      if let failed { throw .io(path: path, reason: String(cString: strerror(failed))) }
    }

    /// Flushes (when durable), closes and renames the temporary file over the destination.
    public func commit() throws(RenderError) {
      if durable, temporary != nil, fsync(descriptor) != 0 {
        throw .io(path: path, reason: String(cString: strerror(errno)))
      }
      let closed = close(descriptor)
      descriptor = -1
      guard closed == 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
      if let temporary, rename(temporary, path) != 0 {
        throw .io(path: path, reason: String(cString: strerror(errno)))
      }
      committed = true
    }

    deinit {
      if descriptor >= 0 { close(descriptor) }
      if !committed, let temporary { unlink(temporary) }
    }
  }
}
