import CLibCrypto
import Crypto
import Foundation

// MARK: - SHA-256 throughput

/// Bytes hashed per timing: 256 MB of seeded pseudo-random bytes.
let size = 256 << 20
var buffer = [UInt8](repeating: 0, count: size)
var state: UInt64 = 0x9E37_79B9_7F4A_7C15
for index in 0..<size {
  state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
  buffer[index] = UInt8(truncatingIfNeeded: state >> 33)
}

/// Prints the best of `runs` timings of `digest` in GB/s, with the digest's first bytes (the
/// two libraries must agree).
func measure(_ name: String, runs: Int = 3, _ digest: () -> [UInt8]) {
  var best = Double.infinity
  var result: [UInt8] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    result = digest()
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  let hex = result.prefix(8).map { String(format: "%02x", $0) }.joined()
  print("\(name): \(String(format: "%.3f s, %.2f GB/s", best, Double(size) / best / 1e9)), \(hex)…")
}

measure("libcrypto") {
  var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
  var length: UInt32 = 0
  _ = buffer.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &digest, &length, EVP_sha256(), nil) }
  return Array(digest.prefix(Int(length)))
}
measure("swift-crypto") { Array(Crypto.SHA256.hash(data: buffer)) }
