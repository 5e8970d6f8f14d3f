import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Run lock

/// The `flock(2)` locks a run holds on its output folder; the kernel drops them when the process
/// ends, however it ends.
///
/// - A whole run and a shard merge take `.briefing.lock` exclusively and write their pid into it.
/// - A shard takes `.briefing.lock` shared (the shards of a job run side by side, but never next
///   to a whole run or a merge) and `.briefing-shard-i-of-n.lock` exclusively, with its pid (the
///   same shard never runs twice at once).
struct RunLock {
  enum Problem: Error {
    /// Another run holds `lock`; `holder` is its pid when known.
    case held(lock: String, holder: Int32?)
    case failed(FileFailure)
  }

  private let descriptors: [Int32]

  static func acquire(out: String, shard: Shard?, pid: Int32) -> Result<RunLock, Problem> {
    let main = out + "/" + JobRunner.lockName
    var held: [Int32] = []
    func fail(_ problem: Problem) -> Result<RunLock, Problem> {
      for fd in held { close(fd) }
      return .failure(problem)
    }
    let mainFD = open(main, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard mainFD >= 0 else { return fail(.failed(FileFailure("open lock", main, code: errno))) }
    held.append(mainFD)
    if flock(mainFD, (shard == nil ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
      let code = errno
      guard code == EWOULDBLOCK else { return fail(.failed(FileFailure("flock", main, code: code))) }
      let holder = shard == nil ? (heldShardPid(out: out) ?? readPid(mainFD)) : readPid(mainFD)
      return fail(.held(lock: main, holder: holder))
    }
    guard let shard else {
      writePid(pid, to: mainFD)
      return .success(RunLock(descriptors: held))
    }
    let path = out + "/" + shard.lockName
    let shardFD = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard shardFD >= 0 else { return fail(.failed(FileFailure("open lock", path, code: errno))) }
    held.append(shardFD)
    if flock(shardFD, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      guard code == EWOULDBLOCK else { return fail(.failed(FileFailure("flock", path, code: code))) }
      return fail(.held(lock: path, holder: readPid(shardFD)))
    }
    writePid(pid, to: shardFD)
    return .success(RunLock(descriptors: held))
  }

  /// Unlocks before closing: a child another thread is starting holds a copy of each descriptor
  /// until it executes, and closing ours alone would leave the lock held until then.
  func release() {
    for fd in descriptors.reversed() {
      flock(fd, LOCK_UN)
      close(fd)
    }
  }

  // MARK: - Pids

  private static func writePid(_ pid: Int32, to fd: Int32) {
    let text = Array("\(pid)\n".utf8)
    _ = ftruncate(fd, 0)
    _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }

  private static func readPid(_ fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// The pid of a shard currently holding its lock in `out`, if any (the whole-run lock then
  /// holds a stale pid, because shards only share it).
  private static func heldShardPid(out: String) -> Int32? {
    let names = Posix.list(out).filter { $0.hasPrefix(".briefing-shard-") && $0.hasSuffix(".lock") }.sorted()
    for name in names {
      let fd = open(out + "/" + name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      if flock(fd, LOCK_SH | LOCK_NB) != 0, errno == EWOULDBLOCK { return readPid(fd) }
      flock(fd, LOCK_UN)
    }
    return nil
  }
}
