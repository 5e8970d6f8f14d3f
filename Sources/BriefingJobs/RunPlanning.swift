import BriefingCore
import Foundation

// MARK: - Planning

extension Run {
  /// The job's units (layout × region) for the resolved period; nil when the period, a region
  /// or an output name is wrong (the findings say which, at the job file).
  mutating func plan(periods: [Period], regions available: [String]) -> [WorkUnit]? {
    let location = SourceLocation(file: job.file)
    let requested: Period?
    switch job.period {
    case .latest: requested = nil
    case .fixed(let period): requested = period
    }
    let period: String
    switch PeriodResolver.resolve(requested, among: periods) {
    case .success(let resolved):
      period = resolved.code
    case .failure(let problem):
      record(problem.finding(at: location))
      return nil
    }
    var regionList: [String?]
    switch job.regions {
    case .every:
      regionList = available.isEmpty ? [nil] : available
    case .list(let ids):
      regionList = []
      let known = Set(available)
      for id in ids {
        if !available.isEmpty, !known.contains(id) {
          let hint = Suggestion.closest(to: id, in: available).map { ["did you mean '\($0)'?"] } ?? []
          record(Finding(.error, .unknownRegion(id), at: location, notes: hint))
        }
        regionList.append(id)
      }
    }
    var units: [WorkUnit] = []
    var names: [String: WorkUnit] = [:]
    for layout in job.layouts {
      let base = ((layout as NSString).lastPathComponent as NSString).deletingPathExtension
      let layoutName = SafeName.component(base)
      for region in regionList {
        let name = SafeName.expand(job.name, layout: layoutName, region: region, period: period)
        let unit = WorkUnit(layout: layout, layoutName: layoutName, region: region, period: period, outputName: name, language: job.language)
        if let other = names[name] {
          record(Finding(.error, .nameCollision(name, first: other.region ?? other.layoutName, second: region ?? layoutName), at: location))
        } else if let first = name.split(separator: "/").first, JobRunner.reservedNames.contains(String(first)) {
          record(Finding(.error, .reservedName(name), at: location))
        }
        names[name] = unit
        units.append(unit)
      }
    }
    return findings.hasErrors ? nil : units
  }
}
