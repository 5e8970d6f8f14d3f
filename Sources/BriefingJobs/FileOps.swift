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

  /// Mode of every file Briefing creates (`rw-r--r--`), whatever the umask.
  static let fileMode: mode_t = 0o644
  /// Mode of every folder Briefing creates (`rwxr-xr-x`), whatever the umask.
  static let folderMode: mode_t = 0o755

  /// Creates a new file (never follows or replaces) with `fileMode`, writes everything and, when
  /// `durable` (default), fsyncs.
  static func writeNewFile(_ path: String, _ bytes: [UInt8], durable: Bool = true) throws(FileFailure) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, fileMode)
    guard fd >= 0 else { throw FileFailure("create", path, code: errno) }
    if fchmod(fd, fileMode) != 0 {
      let code = errno
      close(fd)
      throw FileFailure("chmod", path, code: code)
    }
    if let code = writeAll(fd, bytes) {
      close(fd)
      throw FileFailure("write", path, code: code)
    }
    if durable, fsync(fd) != 0 {
      let code = errno
      close(fd)
      throw FileFailure("fsync", path, code: code)
    }
    if close(fd) != 0 { throw FileFailure("close", path, code: errno) }
  }

  /// `syncfs(2)` on the file system holding `folder`: every dirty page of it reaches the disk,
  /// and an earlier failed writeback is reported.
  static func syncFileSystem(of folder: String) throws(FileFailure) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw FileFailure("open", folder, code: errno) }
    defer { close(fd) }
    guard let syncfs = syncfsFunction else { throw FileFailure("syncfs", folder, code: ENOSYS) }
    if syncfs(fd) != 0 { throw FileFailure("syncfs", folder, code: errno) }
  }

  /// glibc's `syncfs` (since 2.14), looked up once: Swift's Glibc module leaves out the
  /// `_GNU_SOURCE` declarations.
  private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
    guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "syncfs") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
  }()

  /// Writes all of `bytes` to `fd` in calls of at most `AtomicFile.writeChunk` bytes, retrying short and
  /// interrupted writes (and EAGAIN); nil when done, else the errno.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBytes { buffer -> Int32? in
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, buffer.baseAddress! + offset, min(buffer.count - offset, AtomicFile.writeChunk))
        if written < 0 {
          if errno == EINTR || errno == EAGAIN { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
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

  /// Creates one folder with `folderMode` (whatever the umask); an existing one is fine.
  static func makeDirectory(_ path: String) throws(FileFailure) {
    try makeDirectory(path, at: AT_FDCWD)
  }

  /// Creates `name` in the folder `parent` (a descriptor, or `AT_FDCWD`) with `folderMode`; an
  /// existing one is left as it is. The mode is set through a descriptor opened without
  /// following links, so a link swapped in after `mkdir` is never changed.
  static func makeDirectory(_ name: String, at parent: Int32) throws(FileFailure) {
    guard mkdirat(parent, name, folderMode) == 0 else {
      if errno == EEXIST { return }
      throw FileFailure("mkdir", name, code: errno)
    }
    let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { throw FileFailure("open folder", name, code: errno) }
    defer { close(fd) }
    if fchmod(fd, folderMode) != 0 { throw FileFailure("chmod", name, code: errno) }
  }

  /// Creates `path` and its missing parents (`mkdir -p`), each with `folderMode`. The path is
  /// the caller's own (a job's output, `--out`): links on the way to it are followed.
  static func makeDirectories(_ path: String) throws(FileFailure) {
    var current = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
      try makeDirectory(current)
    }
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
