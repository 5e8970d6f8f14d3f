// MARK: - Writing the output folder

/// Every change `run` makes under the job's output folder: staged files, manifests, folders,
/// renames. Tests inject a full disk or a failing rename here; everything else is `PosixFileSystem`.
///
/// Durability: a file written with `writeNewFile` is on disk when the call returns (fsync). A
/// staged file (`writeStagedFile`) is not: a run stages thousands of them (a national burst,
/// 45,520 files) and makes them durable together with one `flushFileSystem` before the first
/// rename publishes any of them, so a crash never leaves a published name on data that is not
/// on disk. Measured on a 150-unit national job (2,400 files): one fsync per file was 2.8 % of
/// the process's CPU samples (ext4 writeback in the calling thread); one `syncfs` leaves the
/// writeback to the kernel's flusher threads and waits once.
public protocol OutputFileSystem: Sendable {
  /// Creates `path` (never replacing or following anything), writes all of `bytes` and fsyncs.
  func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure)
  /// Like `writeNewFile`, without the fsync: for the staging folder, flushed by `flushFileSystem`.
  func writeStagedFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure)
  /// Makes every file written so far on the file system holding `folder` durable (`syncfs(2)`,
  /// which also reports a failed earlier writeback), before staged files are renamed.
  func flushFileSystem(of folder: String) throws(FileFailure)
  /// Creates one folder; an existing one is fine.
  func makeDirectory(_ path: String) throws(FileFailure)
  /// `rename(2)`: atomically replaces `to`.
  func rename(_ from: String, _ to: String) throws(FileFailure)
  /// `link(2)`: a second name for the file at `existing`.
  func link(_ existing: String, _ new: String) throws(FileFailure)
}

/// The real file system, through the POSIX calls (errors carry errno).
public struct PosixFileSystem: OutputFileSystem {
  public init() {}
  public func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) { try Posix.writeNewFile(path, bytes) }
  public func writeStagedFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) {
    try Posix.writeNewFile(path, bytes, durable: false)
  }
  public func flushFileSystem(of folder: String) throws(FileFailure) { try Posix.syncFileSystem(of: folder) }
  public func makeDirectory(_ path: String) throws(FileFailure) { try Posix.makeDirectory(path) }
  public func rename(_ from: String, _ to: String) throws(FileFailure) { try Posix.rename(from, to) }
  public func link(_ existing: String, _ new: String) throws(FileFailure) { try Posix.link(existing, new) }
}
