import BriefingCore
import BriefingIngest
import BriefingJobs
import BriefingSpec

// MARK: - libFuzzer entry point

/// Feeds one fuzzer input to the readers of untrusted files: observations as CSV and as XLSX,
/// region metadata with observations, layouts and job files. The first byte picks the reader;
/// the rest is the file. Built with `-sanitize=fuzzer` (see `make fuzz`), libFuzzer supplies
/// `main` and calls this for every input it generates.
///
/// A crash, a trap or a broken invariant (a dataset together with an error finding, or no dataset
/// and no error) is a finding of the fuzzer; returning normally means the input was handled.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  FuzzedReader(selector: bytes[0]).read(Array(bytes.dropFirst()))
  return 0
}

// MARK: - Driver

/// libFuzzer's driver (from the `-sanitize=fuzzer` runtime). SwiftPM links an executable's entry
/// point as `<module>_main`, so that symbol starts the driver with our callback; every libFuzzer
/// flag works (`-max_total_time=600`, a corpus folder, a crash file to replay).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("briefing_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> Int32
{
  var argumentCount = argc
  var arguments = argv
  return runFuzzerDriver(&argumentCount, &arguments, fuzzOneInput)
}

// MARK: - Readers under test

/// The reader an input goes to, chosen by its first byte.
enum FuzzedReader: CaseIterable {
  case observationsCSV, observationsXLSX, regionsAndObservations, layoutYAML, jobYAML

  init(selector: UInt8) {
    self = Self.allCases[Int(selector) % Self.allCases.count]
  }

  func read(_ bytes: [UInt8]) {
    switch self {
    case .observationsCSV:
      check(DatasetLoader.load(observations: InputFile(path: "fuzz.csv", bytes: bytes)))
    case .observationsXLSX:
      check(DatasetLoader.load(observations: InputFile(path: "fuzz.xlsx", bytes: bytes)))
    case .regionsAndObservations:
      // Two files in one input, split at the first NUL byte.
      let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
      let regions = InputFile(path: "regions.csv", bytes: Array(bytes[..<split]))
      let observations = InputFile(path: "fuzz.csv", bytes: Array(bytes[split...].dropFirst()))
      check(DatasetLoader.load(observations: observations, regions: regions))
    case .layoutYAML:
      _ = LayoutLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
    case .jobYAML:
      let (job, findings) = JobLoader.load(
        yaml: String(decoding: bytes, as: UTF8.self), file: "job.yaml")
      precondition((job == nil) == findings.hasErrors, "job file: result and findings disagree")
    }
  }

  /// A load returns a dataset without errors, or no dataset and at least one error.
  private func check(_ result: LoadResult) {
    precondition(
      (result.dataset == nil) == result.findings.hasErrors, "dataset: result and findings disagree")
  }
}
