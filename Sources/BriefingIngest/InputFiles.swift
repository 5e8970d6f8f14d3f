import BriefingCore
import Foundation

// MARK: - Messages

extension Finding.Message {
  static func unreadableFile(_ reason: String) -> Self {
    .init(code: "unreadable-file", text: reason)
  }
  static let noObservations = Self(
    code: "missing-file",
    text: "folder has no observations.csv, observations.tsv, observations.xlsx or observations.xls")
  static func severalObservationFiles(_ names: [String]) -> Self {
    .init(
      code: "ambiguous-file",
      text: "several observation files: \(names.joined(separator: ", ")); keep one")
  }
}

// MARK: - Files of a dataset

/// The files of a dataset as read from disk: observations, and the metadata and intake map
/// when there are.
public struct DatasetFiles: Sendable {
  public var observations: InputFile
  public var regions: InputFile?
  public var indicators: InputFile?
  public var map: InputFile?
}

extension DatasetLoader {
  /// Reads the files `path` (a folder or an observations file) and `options` name; nil and the
  /// findings (`unreadable-file`, `missing-file`) when one cannot be read.
  public static func files(_ path: String, options: LoadOptions) -> (files: DatasetFiles?, findings: [Finding]) {
    switch InputFiles.read(path, options: options) {
    case .failure(let failure): return (nil, failure.findings)
    case .success(let files): return (files, [])
    }
  }
}

// MARK: - File system edge

/// The only place that touches the file system: finds the dataset files and reads their bytes.
enum InputFiles {
  struct Failure: Error {
    var findings: [Finding]
  }

  static let observationNames = ["observations.csv", "observations.tsv", "observations.xlsx", "observations.xls"]
  static let regionNames = ["regions.csv", "regions.tsv"]
  static let indicatorNames = ["indicators.csv", "indicators.tsv"]

  static func read(_ path: String, options: LoadOptions) -> Result<DatasetFiles, Failure> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(Failure(findings: [unreadable(path, "no such file or folder")]))
    }
    var observationsPath = path
    var regionsPath = options.regionsPath
    var indicatorsPath = options.indicatorsPath
    if isDirectory.boolValue {
      let listing = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      let found = observationNames.filter { name in listing.contains { $0.lowercased() == name } }
      guard let first = found.first else {
        return .failure(Failure(findings: [Finding(.error, .noObservations, at: .init(file: path))]))
      }
      guard found.count == 1 else {
        let finding = Finding(.error, .severalObservationFiles(found), at: .init(file: path))
        return .failure(Failure(findings: [finding]))
      }
      observationsPath = join(path, actual(first, in: listing))
      regionsPath = regionsPath ?? find(regionNames, in: listing).map { join(path, $0) }
      indicatorsPath = indicatorsPath ?? find(indicatorNames, in: listing).map { join(path, $0) }
    }
    var findings: [Finding] = []
    let observations = load(observationsPath, &findings)
    let regions = regionsPath.flatMap { load($0, &findings) }
    let indicators = indicatorsPath.flatMap { load($0, &findings) }
    let map = options.mapPath.flatMap { load($0, &findings) }
    guard let observations, findings.isEmpty else { return .failure(Failure(findings: findings)) }
    return .success(DatasetFiles(observations: observations, regions: regions, indicators: indicators, map: map))
  }

  /// The files at `paths`, in order (nil stays nil), and a finding for each that cannot be
  /// read: the metadata files and intake map beside a database source.
  static func readEach(_ paths: [String?]) -> (files: [InputFile?], findings: [Finding]) {
    var findings: [Finding] = []
    let files = paths.map { path in path.flatMap { load($0, &findings) } }
    return (files, findings)
  }

  private static func load(_ path: String, _ findings: inout [Finding]) -> InputFile? {
    guard let bytes = readAll(path) else {
      findings.append(unreadable(path, "cannot read file"))
      return nil
    }
    return InputFile(path: path, bytes: bytes)
  }

  /// The whole file, read straight into the array: `FileManager.contents` reads into `Data`,
  /// and copying that into `[UInt8]` cost a second allocation and copy (a fifth of the start-up
  /// of a 31 MB national file). Bytes beyond the size first seen (a file still growing) are
  /// read too. Nil when the file cannot be opened or read.
  static func readAll(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    let size = max(Int(status.st_size), 0)
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while count < size {
        let got = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
        if got > 0 {
          count += got
        } else if got == 0 || errno != EINTR {
          failed = got < 0
          return
        }
      }
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while !failed {
      let got = Foundation.read(descriptor, &chunk, chunk.count)
      if got > 0 {
        bytes += chunk[..<got]
      } else if got == 0 {
        break
      } else if errno != EINTR {
        failed = true
      }
    }
    return failed ? nil : bytes
  }

  private static func find(_ names: [String], in listing: [String]) -> String? {
    names.lazy.compactMap { name in listing.first { $0.lowercased() == name } }.first
  }

  private static func actual(_ name: String, in listing: [String]) -> String {
    listing.first { $0.lowercased() == name } ?? name
  }

  private static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  private static func unreadable(_ path: String, _ reason: String) -> Finding {
    Finding(.error, .unreadableFile(reason), at: .init(file: path))
  }
}
