import BriefingCore
import Synchronization

// MARK: - Finding a region by id

/// Where each region of one data set sits in `Dataset.regions`, so a lookup costs a hash instead
/// of a scan of every region: the national data with its townships has 43,000, and each sheet
/// and chart looked up names and regions a few dozen times. Built on first use; one directory
/// serves every `SheetContext` of the same regions (`shared(for:)`), so a job of 2,845 sheets
/// builds it once, not once per sheet.
final class RegionDirectory: Sendable {
  private let positions = Mutex<[RegionID: Int]?>(nil)

  /// The first region with `id` in `regions` (as `Dataset.region(_:)`), nil when none has it.
  /// `regions` must be the array the directory was made for.
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

  // MARK: Sharing

  /// The last regions asked about (kept, so their storage cannot be freed and its address
  /// reused by other regions while this entry lives) and their directory.
  private static let last = Mutex<(regions: [Region], directory: RegionDirectory)?>(nil)

  /// The directory of `regions`: the last one made when `regions` is the same array storage
  /// (copies of one dataset share it until one is changed, which gives the changed one storage
  /// of its own), else a new one.
  static func shared(for regions: [Region]) -> RegionDirectory {
    last.withLock { entry in
      if let entry, entry.regions.count == regions.count, sameStorage(entry.regions, regions) {
        return entry.directory
      }
      let made = RegionDirectory()
      entry = (regions, made)
      return made
    }
  }

  private static func sameStorage(_ a: [Region], _ b: [Region]) -> Bool {
    a.withUnsafeBufferPointer { first in
      b.withUnsafeBufferPointer { second in first.baseAddress == second.baseAddress }
    }
  }
}
