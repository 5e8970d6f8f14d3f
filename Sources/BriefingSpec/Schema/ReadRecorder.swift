import Foundation

// MARK: - What a loader reads

/// One read a loader asks of `NodeReader`, at a finding path (`page.size`, `sections[0]`,
/// `sections[0].components[1] (rankedBar)`). Recorded whether or not the key is present, so a
/// loader run over a probe document says which keys each mapping allows and what each value is
/// read as: `SchemaProbe` builds the JSON Schemas from these, from the loaders themselves.
public enum ReadEvent: Hashable, Sendable {
  /// A mapping with the keys the loader allows (others are `unknown-key` errors).
  case object(path: String, allowed: [String])
  /// A scalar read as text.
  case text(path: String)
  /// A whole number in a range.
  case integer(path: String, range: ClosedRange<Int>)
  /// A number in a range.
  case number(path: String, range: ClosedRange<Double>)
  /// `true`/`false` (also yes/no, on/off).
  case boolean(path: String)
  /// One of a closed set of words.
  case choice(path: String, values: [String])
  /// A list (a single scalar counts as a list of one).
  case list(path: String)

  /// The finding path the read is at.
  public var path: String {
    switch self {
    case .object(let path, _), .text(let path), .integer(let path, _), .number(let path, _), .boolean(let path),
      .choice(let path, _), .list(let path):
      path
    }
  }
}

/// Collects the reads of one loader run (`NodeReader.recording`). Used from one thread at a time.
public final class ReadRecorder: @unchecked Sendable {
  public private(set) var events: [ReadEvent] = []
  public init() {}
  func record(_ event: ReadEvent) { events.append(event) }
}

extension NodeReader {
  /// The recorder of the running probe, if any (`SchemaProbe`); nil in normal use.
  @TaskLocal static var recorder: ReadRecorder?

  /// Runs `body` (a loader call) with every read it makes recorded.
  public static func recording<T>(_ body: () throws -> T) rethrows -> (T, [ReadEvent]) {
    let recorder = ReadRecorder()
    let result = try $recorder.withValue(recorder) { try body() }
    return (result, recorder.events)
  }

  /// Reports `event` to the running probe's recorder; nothing in normal use.
  public static func record(_ event: ReadEvent) { recorder?.record(event) }
}
