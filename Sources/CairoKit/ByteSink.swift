import CCairo

// MARK: - In-memory output stream

/// Collects the bytes cairo writes through a `*_for_stream` surface or `write_to_png_stream`.
/// Owned by the surface that writes into it, so it outlives every write.
final class ByteSink {
  private(set) var bytes: [UInt8] = []

  func append(_ data: UnsafePointer<UInt8>, count: Int) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
  }

  /// The C callback cairo calls; `closure` is an unretained pointer to a `ByteSink`.
  static let write: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().append(data, count: Int(length))
    return CAIRO_STATUS_SUCCESS
  }

  var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
