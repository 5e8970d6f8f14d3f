import COpenCC

// MARK: - Chinese converter

/// An owning wrapper of one OpenCC converter (Simplified → Traditional).
///
/// The configuration is opened once in `init` and closed in `deinit`. The class is deliberately
/// not `Sendable`: OpenCC handles are not documented as thread-safe, so make one per job or
/// thread. Default configuration: `s2tw.json` (Taiwan character standard, no phrase rewriting),
/// which keeps mainland statistical vocabulary: 「數據」, not `s2twp`'s Taiwan idiom 「資料」.
/// Both give 「個百分點」「增長」「並列」「倒數第二」「預計」.
public final class ChineseConverter {
  /// An OpenCC configuration shipped in `/usr/share/opencc/`.
  public enum Configuration: String, Sendable, CaseIterable {
    /// Simplified → Traditional, Taiwan standard characters. The default.
    case s2tw = "s2tw.json"
    /// `s2tw` plus Taiwan phrases (数据 → 資料, 软件 → 軟體).
    case s2twp = "s2twp.json"
    /// Simplified → OpenCC Traditional.
    case s2t = "s2t.json"
    /// Simplified → Hong Kong standard.
    case s2hk = "s2hk.json"
  }

  // MARK: Properties

  /// The configuration file name or path that was opened.
  public let configurationFile: String
  private let handle: opencc_t

  // MARK: Initialization

  /// Opens a shipped configuration. Throws when OpenCC cannot open it.
  public convenience init(_ configuration: Configuration = .s2tw) throws(ChineseConverterError) {
    try self.init(configurationFile: configuration.rawValue)
  }

  /// Opens a configuration by file name (searched in OpenCC's data directory) or path.
  public init(configurationFile: String) throws(ChineseConverterError) {
    guard let handle = opencc_open(configurationFile), Int(bitPattern: handle) != -1 else {
      let reason = opencc_error().map { String(cString: $0) } ?? ""
      throw ChineseConverterError(configurationFile: configurationFile, reason: reason)
    }
    self.configurationFile = configurationFile
    self.handle = handle
  }

  deinit { opencc_close(handle) }

  // MARK: Methods

  /// The converted text. OpenCC's only documented failure is invalid UTF-8 input, which a Swift
  /// `String` cannot hold; should it still fail, the text is returned unchanged.
  public func convert(_ text: String) -> String {
    guard !text.isEmpty else { return text }
    let utf8 = Array(text.utf8)
    let converted: UnsafeMutablePointer<CChar>? = utf8.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        opencc_convert_utf8(handle, chars.baseAddress, chars.count)
      }
    }
    guard let converted else { return text }
    defer { opencc_convert_utf8_free(converted) }
    return String(cString: converted)
  }
}

@available(*, unavailable)
extension ChineseConverter: Sendable {}

// MARK: - Errors

/// OpenCC could not open a configuration (missing file, missing dictionary).
public struct ChineseConverterError: Error, Hashable, Sendable, CustomStringConvertible {
  public var configurationFile: String
  /// OpenCC's own message, possibly empty.
  public var reason: String

  public var description: String {
    "cannot open OpenCC configuration \(configurationFile)" + (reason.isEmpty ? "" : ": \(reason)")
  }
}
