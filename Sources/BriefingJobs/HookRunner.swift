import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Hooks

/// Runs a job hook (`/bin/sh -c COMMAND`) in a process group of its own, bounded in time.
///
/// After `timeout` seconds the whole group (the shell and everything it started) gets SIGTERM;
/// whatever is left `grace` seconds later gets SIGKILL. The wait after SIGKILL is bounded by
/// `grace` too, so a run always ends and releases its lock. The hook inherits standard output
/// and error (cron mails them) and none of the run's descriptors: they are all close-on-exec.
struct HookRunner {
  /// Seconds the hook may run (the job's `hook_timeout`).
  var timeout: Double
  /// Seconds between SIGTERM and SIGKILL.
  var grace: Double

  enum Ending: Hashable {
    case exited(Int32)
    case signalled(Int32)
    /// Still running after `timeout`: terminated with its group.
    case timedOut
    /// `posix_spawn` failed (errno).
    case notStarted(Int32)
    /// `waitpid` failed (errno): the hook's end could not be observed.
    case lost(Int32)

    /// As a shell reports it: the exit status, 128 + signal, 124 timed out, 127 not started.
    var status: Int32 {
      switch self {
      case .exited(let code): code
      case .signalled(let signal): 128 + signal
      case .timedOut: 124
      case .notStarted, .lost: 127
      }
    }
  }

  func run(_ command: String, environment: [String: String], directory: String) -> Ending {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Own process group (pgid = the hook's pid); default handlers and an empty signal mask,
    // whatever the run itself ignores or blocks.
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)

    // The outer shell changes folder and execs the hook's own `sh -c`, which keeps the pid and
    // so the process group (glibc's addchdir is not visible to Swift).
    let words: [String] = ["/bin/sh", "-c", "cd -- \"$1\" && exec /bin/sh -c \"$2\"", "briefing-hook", directory, command]
    let arguments = words.map { strdup($0) }
    let variables = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
    defer { (arguments + variables).forEach { free($0) } }
    var pid: pid_t = 0
    let started = (arguments + [nil]).withUnsafeBufferPointer { argv in
      (variables + [nil]).withUnsafeBufferPointer { envp in
        posix_spawn(&pid, "/bin/sh", nil, &attributes, argv.baseAddress!, envp.baseAddress!)
      }
    }
    guard started == 0 else { return .notStarted(started) }

    if let ending = wait(pid, seconds: timeout) { return ending }
    kill(-pid, SIGTERM)
    if wait(pid, seconds: grace) != nil { return .timedOut }
    kill(-pid, SIGKILL)
    _ = wait(pid, seconds: grace)
    return .timedOut
  }

  /// Waits up to `seconds` for `pid` to end, polling every 1 ms at first and at most every
  /// 50 ms; nil when it is still running.
  private func wait(_ pid: pid_t, seconds: Double) -> Ending? {
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
    var pause: UInt32 = 1_000
    while true {
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
      }
      if result < 0, errno != EINTR { return .lost(errno) }
      if DispatchTime.now().uptimeNanoseconds >= deadline { return nil }
      usleep(pause)
      pause = min(pause * 2, 50_000)
    }
  }
}
