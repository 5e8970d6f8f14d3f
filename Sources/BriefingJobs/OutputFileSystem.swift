// MARK: - Writing the output folder

/// Every change `run` makes under the job's output folder: staged files, manifests, folders,
/// renames. Tests inject a full disk or a failing rename here; everything else is `PosixFileSystem`.
public protocol OutputFileSystem: Sendable {
  /// Creates `path` (never replacing or following anything), writes all of `bytes` and fsyncs.
  func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure)
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
  public func makeDirectory(_ path: String) throws(FileFailure) { try Posix.makeDirectory(path) }
  public func rename(_ from: String, _ to: String) throws(FileFailure) { try Posix.rename(from, to) }
  public func link(_ existing: String, _ new: String) throws(FileFailure) { try Posix.link(existing, new) }
}
