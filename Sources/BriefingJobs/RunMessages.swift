import BriefingCore
import Foundation

// MARK: - Messages of `run`

extension Finding.Message {
  static func unsafeOutput(_ path: String, why: String) -> Self {
    Self(code: "unsafe-output", text: "refusing to write to '\(path)': \(why)")
  }
  static func outputIO(_ detail: String) -> Self {
    Self(code: "output-io", text: "cannot write the output folder: \(detail)")
  }
  static func unknownRegion(_ id: String) -> Self {
    Self(code: "unknown-region", text: "region '\(id)' is not in the data")
  }
  static func nameCollision(_ name: String, first: String, second: String) -> Self {
    Self(code: "name-collision", text: "output name '\(name)' is produced for both '\(first)' and '\(second)'; add {region} or {layout} to name")
  }
  static func reservedName(_ name: String) -> Self {
    Self(code: "reserved-name", text: "output name '\(name)' collides with the run bookkeeping (runs/, manifest.json, briefing.log)")
  }
  static func inputMissing(_ path: String, what: String) -> Self {
    Self(code: "input-missing", text: "\(what) '\(path)' does not exist")
  }
  static func inputUnreadable(_ path: String, _ detail: String) -> Self {
    Self(code: "input-unreadable", text: "cannot read '\(path)': \(detail)")
  }
  static func unitFailed(_ name: String, _ detail: String) -> Self {
    Self(code: "unit-failed", text: "'\(name)' was not rendered: \(detail)")
  }
  static func locked(_ lock: String, holder: Int32?) -> Self {
    let who = holder.map { "another run (pid \($0))" } ?? "another run"
    return Self(code: "locked", text: "\(who) holds '\(lock)'; nothing was done, try again later")
  }

  static let hookFailedCode = "hook-failed"
  static func hookFailed(_ hook: String, _ ending: HookRunner.Ending) -> Self {
    let how: String
    switch ending {
    case .exited(let code): how = "exited \(code)"
    case .signalled(let signal): how = "was killed by signal \(signal)"
    case .timedOut: how = "ran past hook_timeout and was terminated with its process group"
    case .notStarted(let code): how = "could not start: \(String(cString: strerror(code)))"
    case .lost(let code): how = "could not be waited for: \(String(cString: strerror(code)))"
    }
    return Self(code: hookFailedCode, text: "\(hook) \(how); the published files stay, the next run delivers again")
  }
}
