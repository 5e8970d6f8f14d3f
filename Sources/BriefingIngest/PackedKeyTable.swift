import BriefingCore

// MARK: - Packed keys

/// A row key of the observation builder packed into two words: region and indicator positions
/// in `high`, and in `low` a period (year and kind) or a bare year. Equal keys are equal
/// (region, indicator, period) triples and nothing else, for every period `Period(code:)` makes
/// (four-digit years, month and quarter numbers below 64).
struct PackedKey: Equatable {
  var high: UInt64
  var low: UInt64

  /// Region and indicator are catalog positions.
  init(region: Int, indicator: Int, period: Period) {
    let (tag, number): (UInt64, Int) =
      switch period.kind {
      case .cumulative(let through): (1, through)
      case .quarter(let quarter): (2, quarter)
      case .month(let month): (3, month)
      }
    precondition((0..<64).contains(number), "period number out of range: \(period)")
    self.init(region: region, indicator: indicator, low: Self.year(period.year) << 8 | tag << 6 | UInt64(number))
  }

  /// The key of a year's annual target.
  init(region: Int, indicator: Int, year: Int) {
    self.init(region: region, indicator: indicator, low: Self.year(year))
  }

  private init(region: Int, indicator: Int, low: UInt64) {
    precondition(region >= 0 && region < 1 << 32 && indicator >= 0 && indicator < 1 << 32)
    high = UInt64(region) << 32 | UInt64(indicator)
    self.low = low
  }

  /// The same indicator and period (or year), for `region`.
  func withRegion(_ region: Int) -> PackedKey {
    PackedKey(region: region, indicator: Int(high & 0xFFFF_FFFF), low: low)
  }

  /// Any two words (the table's filler for empty slots).
  fileprivate init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  private static func year(_ year: Int) -> UInt64 {
    precondition(abs(year) < 1 << 40, "year out of range: \(year)")
    return UInt64(bitPattern: Int64(year))
  }

  /// Mixes both words (a multiply-xorshift finalizer): a slot index comes from the top bits.
  var hash: UInt64 {
    var x = high &* 0x9E37_79B9_7F4A_7C15 ^ low
    x ^= x >> 32
    x = x &* 0xD6E8_FEB8_6659_FD93
    return x ^ (x >> 32)
  }
}

// MARK: - Table

/// An open-addressing hash table from `PackedKey` to a value: the builder's per-row lookups
/// (duplicate keys, annual targets). Swift's `Dictionary` hashes each key with SipHash through
/// `Hasher`, which with the probes' cache misses was a tenth of the builder's time on large files;
/// this hashes two words with one multiply chain and probes linearly. Holds at most 70% of its
/// slots before doubling.
struct PackedKeyTable<Value> {
  private var keys: [PackedKey]
  private var values: [Value?]
  private var shift: UInt64
  private(set) var count = 0

  /// Room for `expected` keys without growing (default 0: grows from 16 slots).
  init(expected: Int = 0) {
    var size = 16
    while size * 7 / 10 < expected { size *= 2 }
    keys = Array(repeating: PackedKey(high: 0, low: 0), count: size)  // unused until a value is set
    values = Array(repeating: nil, count: size)
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  /// Stores `value` unless `key` is already there; returns the value already there (which stays).
  mutating func insertIfAbsent(_ key: PackedKey, _ value: Value) -> Value? {
    if (count + 1) * 10 > values.count * 7 { grow() }
    var slot = Int(truncatingIfNeeded: key.hash >> shift)
    while let existing = values[slot] {
      if keys[slot] == key { return existing }
      slot = (slot + 1) & (values.count - 1)
    }
    keys[slot] = key
    values[slot] = value
    count += 1
    return nil
  }

  private mutating func grow() {
    var bigger = PackedKeyTable(expected: values.count)
    for slot in values.indices {
      if let value = values[slot] { _ = bigger.insertIfAbsent(keys[slot], value) }
    }
    self = bigger
  }
}
