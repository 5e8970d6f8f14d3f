import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - The one safe write

/// How Briefing writes every file it publishes outside a run's staging (`render`, chart sets,
/// `analyze --out`): readers see the old file or the complete new one, never a part, and
/// nothing outside the output folder is ever opened for writing.
///
/// - The folders below the output folder are created (mode 0755) and walked with `openat` and
///   `O_NOFOLLOW`: a symbolic link planted among them is an error, never followed.
/// - The bytes go to a new file with a random name (`.briefing-<16 hex>.tmp`) created with
///   `O_CREAT | O_EXCL | O_NOFOLLOW` relative to its folder, mode 0644 whatever the umask; it is
///   flushed (when durable) and renamed over the destination with `renameat`, which replaces a
///   link at the destination instead of writing through it.
/// - A destination that is a device or pipe (`/dev/null`, a FIFO) is written in place:
///   renaming over it would replace the node itself.
///
/// It lives in BriefingJobs with the other POSIX helpers (`Posix`, `FileFailure`): the CLI
/// imports it, BriefingCore stays free of I/O, and neither Ingest nor Render writes files.
public enum AtomicFile {
  /// The most one `write` call is given (1 MiB). Linux 6.18 on ext4 here spent 2.11 s of system
  /// time writing 1.5 GB as fifteen 100 MB calls, 2.29 s in 16 MiB calls, but 0.42 s in 1 or
  /// 4 MiB calls and 0.64 s in 64 KiB calls (the cost is in `copy_folio_from_iter_atomic`).
  /// The township analyze (1.5 GB of CSV in 100 MB parts) spent 2.7 s of system time instead of 5.7 s.
  public static let writeChunk = 1 << 20

  /// Writes `bytes` to `relative` (a path like `a/b.png`) under the output folder `folder`,
  /// creating `folder` (as given, links followed) and the folders of `relative` (links refused).
  /// - Parameter durable: flush the file to disk before the rename. Default: true. Chart sets
  ///   pass false: thousands of regenerable charts would wait on the disk one by one (about
  ///   15 ms each here); a reader still never sees a partial file.
  public static func write(_ bytes: [UInt8], to relative: String, in folder: String, durable: Bool = true)
    throws(FileFailure)
  {
    let stream = try Stream(relative, in: folder, durable: durable)
    try stream.write(bytes)
    try stream.commit()
  }

  /// Writes `bytes` to the file at `path`; its folder is the output folder.
  public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(FileFailure) {
    let stream = try Stream(path: path, durable: durable)
    try stream.write(bytes)
    try stream.commit()
  }

  // MARK: - Stream

  /// A file written piece by piece (large exports never held whole) and published by `commit`:
  /// until then the destination keeps its old content. A stream released without `commit`
  /// (an error on the way) removes its temporary file.
  public final class Stream {
    /// The destination, for messages.
    private let path: String
    /// The destination's folder (a descriptor), or -1 when the destination is written in place.
    private let folder: Int32
    private let name: String
    private let temporary: String
    private let durable: Bool
    private var descriptor: Int32 = -1
    private var committed = false

    /// A stream to the file at `path`, whose folder is the output folder.
    public convenience init(path: String, durable: Bool = true) throws(FileFailure) {
      let slash = path.lastIndex(of: "/")
      let folder = slash.map { String(path[..<$0]) } ?? "."
      let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
      try self.init(name, in: folder.isEmpty ? "/" : folder, durable: durable)
    }

    /// A stream to `relative` under the output folder `root`; `durable` as for `write`.
    public init(_ relative: String, in root: String, durable: Bool = true) throws(FileFailure) {
      var parts = relative.split(separator: "/").map(String.init)
      path = root + "/" + relative
      name = parts.popLast() ?? ""
      self.durable = durable
      temporary = ".briefing-" + String(format: "%016llx", UInt64.random(in: .min ... .max)) + ".tmp"
      if AtomicFile.isDeviceOrPipe(path) {
        folder = -1
        descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw FileFailure("open", path, code: errno) }
        return
      }
      folder = try AtomicFile.openFolder(root, below: parts)
      descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, Posix.fileMode)
      guard descriptor >= 0 else { throw FileFailure("create", path, code: errno) }
      if fchmod(descriptor, Posix.fileMode) != 0 { throw FileFailure("chmod", path, code: errno) }
    }

    /// Appends `bytes` (retrying short and interrupted writes).
    public func write(_ bytes: [UInt8]) throws(FileFailure) {
      if let failed = Posix.writeAll(descriptor, bytes) { throw FileFailure("write", path, code: failed) }
    }

    /// Flushes (when durable), closes and renames the temporary file over the destination.
    public func commit() throws(FileFailure) {
      if durable, folder >= 0, fsync(descriptor) != 0 { throw FileFailure("fsync", path, code: errno) }
      let closed = close(descriptor)
      descriptor = -1
      guard closed == 0 else { throw FileFailure("close", path, code: errno) }
      guard folder >= 0 else { return committed = true }
      if renameat(folder, temporary, folder, name) != 0 { throw FileFailure("rename", path, code: errno) }
      committed = true
      if durable { _ = fsync(folder) }
    }

    deinit {
      if descriptor >= 0 { close(descriptor) }
      guard folder >= 0 else { return }
      if !committed { unlinkat(folder, temporary, 0) }
      close(folder)
    }
  }

  // MARK: - Pieces

  /// True when `path` exists (links followed) and is a device, pipe or socket.
  static func isDeviceOrPipe(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    let kind = info.st_mode & S_IFMT
    return kind == S_IFCHR || kind == S_IFBLK || kind == S_IFIFO || kind == S_IFSOCK
  }

  /// A descriptor of `root`/`parts` (created with mode 0755 where missing). `root` is the
  /// caller's folder; each of `parts` is opened with `O_NOFOLLOW | O_DIRECTORY`, so a link
  /// among them fails (ENOTDIR or ELOOP) and the error names it.
  static func openFolder(_ root: String, below parts: [String]) throws(FileFailure) -> Int32 {
    try Posix.makeDirectories(root)
    var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw FileFailure("open folder", root, code: errno) }
    var current = root
    for part in parts {
      current += "/" + part
      do {
        try Posix.makeDirectory(part, at: fd)
      } catch {
        close(fd)
        throw FileFailure(error.operation, current, code: error.code)
      }
      let next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      let code = errno
      close(fd)
      guard next >= 0 else {
        throw FileFailure("open folder (links are not followed)", current, code: code)
      }
      fd = next
    }
    return fd
  }
}

// MARK: - Appending to a log

/// Appends to a log file (`briefing.log`) without ever following a link or touching anything
/// that is not a regular file: opened with `O_APPEND | O_NOFOLLOW`, created with mode 0644
/// (whatever the umask) and its folder 0755.
public enum LogFile {
  public static func append(_ bytes: [UInt8], to path: String) throws(FileFailure) {
    let slash = path.lastIndex(of: "/")
    if let slash, slash != path.startIndex { try Posix.makeDirectories(String(path[..<slash])) }
    let flags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
    var fd = open(path, flags | O_CREAT | O_EXCL, Posix.fileMode)
    if fd >= 0 {
      _ = fchmod(fd, Posix.fileMode)
    } else if errno == EEXIST {
      fd = open(path, flags)
    }
    guard fd >= 0 else { throw FileFailure("open log", path, code: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw FileFailure("open log (not a regular file)", path, code: EINVAL)
    }
    if let failed = Posix.writeAll(fd, bytes) { throw FileFailure("write", path, code: failed) }
  }
}
