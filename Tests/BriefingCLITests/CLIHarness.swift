import Foundation
import TestSupport

// MARK: - Running the built CLI

/// Runs the `briefing` binary built by `swift build` (or `BRIEFING_BIN`) from the repository root.
enum CLI {
  typealias Result = ChildProcess.Result

  /// The repository root, found from this file's path (Tests/BriefingCLITests/…).
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static var binary: String {
    ProcessInfo.processInfo.environment["BRIEFING_BIN"] ?? root + "/.build/debug/briefing"
  }

  /// Runs the CLI with `arguments` in the repository root; extra environment merged in.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    try execute(binary, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
  }

  /// Runs `shell` (default `/bin/bash`) with `arguments` in the repository root, `environment`
  /// merged in and the CLI's folder put first on its PATH (as `briefing`).
  static func shell(
    _ arguments: [String], shell: String = "/bin/bash", environment: [String: String] = [:]
  ) throws -> Result {
    let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().path
    let path = folder + ":" + (environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging(["PATH": path]) { $1 }
    return try execute(shell, arguments, environment: merged)
  }

  /// Runs `executable` in the repository root and collects its exit status and output.
  private static func execute(_ executable: String, _ arguments: [String], environment: [String: String])
    throws -> Result
  {
    try ChildProcess.run(executable, arguments, directory: root, environment: environment)
  }

  /// A job over the Jiuquan sample, a sheet per region and a chart per region × main
  /// indicator, written to `dir/job.yaml` (output `dir/out`); returns its path.
  static func jiuquanJob(in dir: String) throws -> String {
    let job = """
      version: 1
      data: \(root)/Samples/jiuquan-2024h1
      layouts: [\(root)/Layouts/half-year-comparison.yaml, \(root)/Layouts/region-charts.yaml]
      regions: every
      period: 2024-H1
      output: out
      """
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    return dir + "/job.yaml"
  }

  /// Published report files (PDF, PNG) under `folder` by relative path, without the run's
  /// bookkeeping files.
  static func reports(in folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
      guard path.hasSuffix(".pdf") || path.hasSuffix(".png") else { continue }
      files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
    }
    return files
  }

  /// Starts the CLI in the repository root without waiting; its output is discarded.
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Runs an external tool (pdftotext, pdffonts, qpdf) and returns its standard output.
  static func tool(_ name: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// A new empty directory, removed with the test run's scratch folder.
  static func scratch() throws -> String { try TestScratch.folder("cli") }
}
