import BriefingCore
import Foundation

// MARK: - Staging

/// A unit the renderer could not make, with the findings that say why (a layout's errors with
/// file:line:column). The runner copies them into the manifest; the other units go on.
public struct UnitFailure: Error, CustomStringConvertible {
  public var findings: [Finding]
  public init(_ findings: [Finding]) { self.findings = findings }
  public var description: String { findings.map(\.description).joined(separator: "; ") }
}

/// What staging left behind in the staging folder.
struct StagedUnits {
  /// One per unit, in planned order: `ok`, `failed` or `not-run` (after an I/O failure).
  var records: [Manifest.UnitRecord] = []
  /// Every staged file, in unit order.
  var outputs: [Manifest.Output] = []
  /// The first write that failed: it stops staging, and the run publishes nothing.
  var ioFailure: String?

  /// `ok` when every unit staged, `partial` when some did, `failed` when none did.
  var outcome: RunOutcome {
    let ok = records.filter { $0.status == "ok" }.count
    return ok == records.count ? .ok : (ok > 0 ? .partial : .failed)
  }

  /// The records once the run gave up publishing: units that rendered are `not-published`.
  var unpublished: [Manifest.UnitRecord] {
    records.map { record in
      guard record.status == "ok" else { return record }
      var kept = record
      kept.status = "not-published"
      kept.outputs = []
      return kept
    }
  }
}

/// A write into the staging folder failed: an I/O failure of the run, not of the unit.
private struct StagingFailure: Error, CustomStringConvertible {
  var description: String
}

extension Run {
  /// Renders every unit into `staging`. A unit the renderer fails is recorded and skipped; the
  /// first failed write stops staging (the remaining units are `not-run`).
  mutating func stage(_ units: [WorkUnit], producer: any ReportProducing, into staging: String) -> StagedUnits {
    var staged = StagedUnits()
    var claimed: Set<String> = []
    for unit in units {
      guard staged.ioFailure == nil else {
        staged.records.append(notRun(unit))
        continue
      }
      let unitStart = options.clock.now()
      var entry = Manifest.UnitRecord(
        layout: unit.layout, region: unit.region, period: unit.period, name: unit.outputName,
        status: "ok", error: nil, seconds: 0, outputs: [])
      do {
        let files = try producer.produce(unit)
        try checkOutputPaths(files, claimed: claimed)
        staged.outputs += try write(files, into: staging)
        claimed.formUnion(files.map(\.path))
        entry.outputs = files.map(\.path)
      } catch let failure as StagingFailure {
        staged.ioFailure = failure.description
        entry.status = "failed"
        entry.error = failure.description
        log.emit(.error, "failed", [("path", unit.outputName), ("error", failure.description)])
      } catch {
        entry.status = "failed"
        entry.error = "\(error)"
        log.emit(.error, "failed", [("layout", unit.layoutName), ("region", unit.region ?? "-"), ("period", unit.period), ("error", "\(error)")])
        record((error as? UnitFailure)?.findings ?? [Finding(.error, .unitFailed(unit.outputName, "\(error)"))])
      }
      entry.seconds = options.clock.now().timeIntervalSince(unitStart)
      staged.records.append(entry)
      options.progress?(staged.records.count, units.count, unit.outputName)
    }
    return staged
  }

  /// A unit's files must stay inside the output folder, avoid the run's own records and not
  /// repeat another unit's path.
  private func checkOutputPaths(_ files: [ProducedFile], claimed: Set<String>) throws(UnitProblem) {
    for file in files {
      guard SafeName.isSafeRelativePath(file.path) else { throw UnitProblem("unsafe output path '\(file.path)'") }
      let first = String(file.path.split(separator: "/").first ?? "")
      guard !JobRunner.reservedNames.contains(first), first != manifestName else {
        throw UnitProblem("output path '\(file.path)' is reserved")
      }
      guard !claimed.contains(file.path) else { throw UnitProblem("output path '\(file.path)' is produced twice") }
    }
  }

  private func write(_ files: [ProducedFile], into staging: String) throws(StagingFailure) -> [Manifest.Output] {
    var outputs: [Manifest.Output] = []
    for file in files {
      do {
        try ensureDirectories(root: staging, for: file.path)
        try options.fileSystem.writeStagedFile(staging + "/" + file.path, file.bytes)
      } catch {
        throw StagingFailure(description: "staging '\(file.path)': \(error)")
      }
      outputs.append(Manifest.Output(path: file.path, size: file.bytes.count, sha256: SHA256.hex(file.bytes), pages: file.pages))
    }
    return outputs
  }
}

struct UnitProblem: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
