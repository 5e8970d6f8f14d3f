import BriefingCore

// MARK: - Shard

/// One slice of a job for scale-out (`briefing run JOB --shard i/n`), `index` counted from 1.
///
/// Partition rule: the distinct region ids of the job's planned units are sorted by their UTF-8
/// bytes (the order of `LC_ALL=C sort`); the region at position p (0-based) belongs to shard
/// `p mod n + 1` (round-robin, so the regions of one peer group, which have neighbouring ids,
/// spread over the shards). Every layout of a region goes to the region's shard; units without a
/// region (group-scope layouts) go to shard 1. The rule depends only on the ids, never on the data
/// order, the machine or the time, so the n shards together render exactly the units of one run.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
  /// 1…`count`.
  public let index: Int
  /// Number of shards, 1…`Shard.maxCount`.
  public let count: Int

  public static let maxCount = 10_000

  public init?(index: Int, count: Int) {
    guard (1...Self.maxCount).contains(count), (1...count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `i/n` (e.g. `2/3`); nil for anything else, including `0/3`, `4/3` and `1/0`.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
      let index = Int(parts[0]), let count = Int(parts[1])
    else { return nil }
    self.init(index: index, count: count)
  }

  public var description: String { "\(index)/\(count)" }

  /// `shard-2-of-3`: the stem of this shard's manifest, log and lock names.
  public var tag: String { "shard-\(index)-of-\(count)" }
  /// `manifest-shard-2-of-3.json` in the output folder.
  public var manifestName: String { "manifest-\(tag).json" }
  /// `briefing-shard-2-of-3.log` in the output folder.
  public var logName: String { "briefing-\(tag).log" }
  var lockName: String { ".briefing-\(tag).lock" }
  var stagingPrefix: String { JobRunner.stagingPrefix + tag + "-" }

  /// The shard (1-based) each region id belongs to under the partition rule.
  public static func assignment(of regions: [String], count: Int) -> [String: Int] {
    let sorted = Set(regions).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var result: [String: Int] = [:]
    for (position, region) in sorted.enumerated() { result[region] = position % count + 1 }
    return result
  }

  /// The units of `units` that belong to this shard, in their planned order.
  func select(_ units: [WorkUnit]) -> [WorkUnit] {
    let owner = Self.assignment(of: units.compactMap(\.region), count: count)
    return units.filter { unit in unit.region.map { owner[$0] == index } ?? (index == 1) }
  }
}

// MARK: - Manifest record

/// What a shard's manifest says about its slice; the merge checks it.
public struct ShardRecord: Codable, Hashable, Sendable {
  public var index: Int
  public var count: Int
  /// Units of the whole job (all shards together).
  public var jobUnits: Int
}
