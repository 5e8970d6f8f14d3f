import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Low-level file operations

/// Plain POSIX helpers; errors carry errno.
enum Posix {
  static func readFile(_ path: String) throws(FileFailure) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileFailure("open", path, code: errno) }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileFailure("read", path, code: errno)
      }
      if count == 0 { break }
      result.append(contentsOf: chunk[0..<count])
    }
    return result
  }

  /// Creates a new file (never follows or replaces), writes everything and fsyncs.
  static func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard fd >= 0 else { throw FileFailure("create", path, code: errno) }
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if count < 0 {
        if errno == EINTR { continue }
        let code = errno
        close(fd)
        throw FileFailure("write", path, code: code)
      }
      offset += count
    }
    if fsync(fd) != 0 {
      let code = errno
      close(fd)
      throw FileFailure("fsync", path, code: code)
    }
    if close(fd) != 0 { throw FileFailure("close", path, code: errno) }
  }

  static func fsyncDirectory(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  enum Kind { case missing, directory, symlink, other }

  static func kind(_ path: String) throws(FileFailure) -> Kind {
    var info = stat()
    if lstat(path, &info) != 0 {
      if errno == ENOENT { return .missing }
      throw FileFailure("lstat", path, code: errno)
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return .other
    }
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func makeDirectory(_ path: String) throws(FileFailure) {
    if mkdir(path, 0o755) != 0, errno != EEXIST { throw FileFailure("mkdir", path, code: errno) }
  }

  static func rename(_ from: String, _ to: String) throws(FileFailure) {
    if Glibc.rename(from, to) != 0 { throw FileFailure("rename", to, code: errno) }
  }

  /// A second name for an existing file (`link(2)`); never replaces `new`.
  static func link(_ existing: String, _ new: String) throws(FileFailure) {
    if Glibc.link(existing, new) != 0 { throw FileFailure("link", new, code: errno) }
  }

  /// Removes a file (not a folder); a missing file is fine.
  static func unlink(_ path: String) throws(FileFailure) {
    if Glibc.unlink(path) != 0, errno != ENOENT { throw FileFailure("unlink", path, code: errno) }
  }

  /// Removes an empty folder; false when it is not empty or cannot be removed.
  @discardableResult
  static func removeEmptyDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

  /// Entries of a directory (names), empty when it cannot be read.
  static func list(_ path: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
  }

  static func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}
