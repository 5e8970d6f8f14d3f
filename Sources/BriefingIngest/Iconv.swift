#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - iconv

/// A thin wrapper over the C library's iconv, converting whole buffers to UTF-8.
enum Iconv {
  struct Failure: Error {
    /// Offset in the input of the first byte that could not be converted.
    var inputOffset: Int
    /// UTF-8 output produced before the failure (for line and column).
    var decoded: [UInt8]
  }

  static func convert(_ input: [UInt8], from charset: String) -> Result<[UInt8], Failure> {
    let descriptor = iconv_open("UTF-8", charset)
    guard let descriptor, Int(bitPattern: descriptor) != -1 else {
      return .failure(Failure(inputOffset: 0, decoded: []))
    }
    defer { iconv_close(descriptor) }
    var output: [UInt8] = []
    output.reserveCapacity(input.count + input.count / 2 + 16)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var source = input
    let total = source.count
    var failedAt: Int?
    source.withUnsafeMutableBufferPointer { inBuffer in
      chunk.withUnsafeMutableBufferPointer { outBuffer in
        guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
          .assumingMemoryBound(to: CChar.self)
        var inLeft = total
        while inLeft > 0 {
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
            .assumingMemoryBound(to: CChar.self)
          var outLeft = outBuffer.count
          let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
          let produced = outBuffer.count - outLeft
          output.append(contentsOf: UnsafeBufferPointer(start: outBase, count: produced))
          if result == -1 {
            let code = errno
            if code == E2BIG, produced > 0 { continue }
            failedAt = total - inLeft
            return
          }
        }
      }
    }
    if let failedAt { return .failure(Failure(inputOffset: failedAt, decoded: output)) }
    return .success(output)
  }
}
