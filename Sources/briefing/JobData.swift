import BriefingCore
import BriefingIngest
import BriefingJobs

// MARK: - A job's data

extension Run {
  /// The job's data set, read from its folder or file, or fetched from its database; for a
  /// database also the fingerprint of the rows fetched (the manifest's input in place of a
  /// file's hash).
  static func loadData(_ jobFile: JobFile) -> (result: LoadResult, fetched: [FetchedInput]) {
    guard let database = jobFile.database else {
      return (DatasetLoader.load(jobFile.data, options: LoadOptions(mapPath: jobFile.map)), [])
    }
    let source = DatabaseSource(
      address: database.address, observations: database.observations, regionsTable: database.regionsTable,
      indicatorsTable: database.indicatorsTable, passwordFile: database.passwordFile)
    let options = LoadOptions(
      regionsPath: database.regionsFile, indicatorsPath: database.indicatorsFile, mapPath: jobFile.map)
    let (result, fetched) = DatasetLoader.load(source, options: options)
    let fingerprint = fetched.map { FetchedInput(name: $0.observations.file, bytes: $0.fingerprintBytes) }
    return (result, fingerprint.map { [$0] } ?? [])
  }
}
