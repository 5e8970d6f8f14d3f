import BriefingCore
import Synchronization

// MARK: - Finding a region by id

/// Where each region of one data set sits in `Dataset.regions`, built on first use and shared
/// by every copy of the `SheetContext` that made it (a chart set's contexts are copies of one),
/// so a lookup costs a hash instead of a scan of every region: the national data with its
/// townships has 43,000, and each sheet and chart looked up names and regions a few dozen
/// times. Describes the regions it was first asked about; `SheetContext.dataset` never changes.
final class RegionDirectory: Sendable {
  private let positions = Mutex<[RegionID: Int]?>(nil)

  /// The first region with `id` in `regions` (as `Dataset.region(_:)`), nil when none has it.
  func region(_ id: RegionID, in regions: [Region]) -> Region? {
    let position = positions.withLock { stored -> Int? in
      if let stored { return stored[id] }
      var made = [RegionID: Int](minimumCapacity: regions.count)
      for (position, region) in regions.enumerated() where made[region.id] == nil {
        made[region.id] = position
      }
      stored = made
      return made[id]
    }
    return position.map { regions[$0] }
  }
}
