import ArgumentParser
import BriefingCore
import BriefingJobs
import Foundation

// MARK: - schedule

struct ScheduleJob: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Print a crontab entry and an equivalent systemd timer for a job; --install adds the entry.")

  @Argument(help: "The job file (YAML) with a `schedule:` mapping.")
  var job: String

  @Flag(help: "Add (or replace) the entry in the current user's crontab.")
  var install = false

  func run() throws {
    try reportingFailures {
      let (loaded, findings) = JobLoader.load(file: job)
      guard let jobFile = loaded else { throw Failure(loading: findings) }
      let binary =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
      let path = URL(fileURLWithPath: job).standardizedFileURL.path
      let entry: String
      let units: Schedule.SystemdUnits
      do {
        entry = try Schedule.crontabEntry(job: jobFile, jobPath: path, binary: binary).text
        units = try Schedule.systemdUnits(job: jobFile, jobPath: path, binary: binary)
      } catch {
        throw Failure.data([Finding(.error, .noSchedule("\(error)"), at: SourceLocation(file: job))])
      }
      print("# crontab entry\n" + entry)
      print("# systemd service\n" + units.service)
      if let timer = units.timer { print("# systemd timer\n" + timer) }
      for note in units.notes { print("# note: " + note) }
      if install { try installCrontab(entry) }
    }
  }

  /// `crontab -l` → replace our block → `crontab -`.
  private func installCrontab(_ entry: String) throws(Failure) {
    let current = (try? shell("crontab -l", input: nil)) ?? ""
    _ = try shell("crontab -", input: Schedule.install(entry: entry, into: current))
    print("# installed into the crontab of \(NSUserName())")
  }

  /// Runs `command` with `/bin/sh`, feeding it `input`; its standard output, or `.io` when it
  /// cannot be started or exits non-zero.
  private func shell(_ command: String, input: String?) throws(Failure) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let out = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardInput = inPipe
    do {
      try process.run()
      if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
      try inPipe.fileHandleForWriting.close()
    } catch {
      throw .io("\(command): \(error.localizedDescription)")
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw .io("\(command) exited \(process.terminationStatus)") }
    return String(decoding: data, as: UTF8.self)
  }
}

// MARK: - Messages

extension Finding.Message {
  static func noSchedule(_ text: String) -> Self { Self(code: "no-schedule", text: text) }
}
