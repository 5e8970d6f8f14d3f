import CLibCrypto

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - SHA-256

/// SHA-256 digests for the run manifest (input and output fingerprints, the skip-when-unchanged
/// check), computed by OpenSSL's libcrypto (Debian's `libssl-dev`), which the distribution
/// maintains and patches.
///
/// Why libcrypto: one 256 MB buffer hashed in a release build on this project's 2-core machine
/// (`Tools/bench/sha256`, best of 3): libcrypto 1.82 GB/s, swift-crypto 3.12.3 1.82 GB/s, the
/// hand-written implementation this replaces 0.17 GB/s (load average 3; while other
/// builds ran, both libraries ranged over 0.64–1.75 GB/s alike). Equal speed, so the cheaper
/// dependency: libcrypto adds nothing to a clean build, where swift-crypto compiles its own
/// BoringSSL (about 3.5 minutes for the bench's release build on 2 cores).
public enum SHA256 {
  /// Bytes read per `read(2)` when hashing a file: 1 MiB.
  static let fileChunk = 1 << 20

  /// Lower-case hex digest of `bytes`.
  public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    let context = Context()
    context.update(bytes)
    return context.finalizeHex()
  }

  /// Lower-case hex digest of the file at `path`, read in `fileChunk` pieces (a published file
  /// may be large; it is never held in memory whole).
  public static func hex(fileAt path: String) throws(FileFailure) -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileFailure("open", path, code: errno) }
    defer { close(fd) }
    let context = Context()
    var chunk = [UInt8](repeating: 0, count: fileChunk)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileFailure("read", path, code: errno)
      }
      if count == 0 { break }
      context.update(chunk[0..<count])
    }
    return context.finalizeHex()
  }

  /// An incremental SHA-256 (`update` any number of times, then `finalize` once).
  public final class Context {
    private let handle: OpaquePointer

    public init() {
      // Allocation failure of a few hundred bytes is not recoverable here.
      guard let handle = EVP_MD_CTX_new(), EVP_DigestInit_ex(handle, EVP_sha256(), nil) == 1 else {
        fatalError("libcrypto could not start a SHA-256 digest")
      }
      self.handle = handle
    }

    deinit { EVP_MD_CTX_free(handle) }

    public func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
      let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
        _ = EVP_DigestUpdate(handle, buffer.baseAddress, buffer.count)
      }
      if done == nil { Array(bytes).withUnsafeBufferPointer { _ = EVP_DigestUpdate(handle, $0.baseAddress, $0.count) } }
    }

    /// The 32-byte digest; the context cannot be updated afterwards.
    public func finalize() -> [UInt8] {
      var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
      var length: UInt32 = 0
      _ = EVP_DigestFinal_ex(handle, &digest, &length)
      return Array(digest.prefix(Int(length)))
    }

    public func finalizeHex() -> String {
      let digits = Array("0123456789abcdef".utf8)
      var text: [UInt8] = []
      for byte in finalize() { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
      return String(decoding: text, as: UTF8.self)
    }
  }
}
