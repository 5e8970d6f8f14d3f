// swift-tools-version:6.0
// SHA-256 throughput of libcrypto against swift-crypto on one 256 MB buffer: the measurement
// behind the choice in Sources/BriefingJobs/Digest.swift. Not part of `make bench` (building
// swift-crypto takes minutes). Run: cd Tools/bench/sha256 && swift run -c release
import PackageDescription

let package = Package(
  name: "sha256-bench",
  dependencies: [.package(url: "https://github.com/apple/swift-crypto", from: "3.12.3")],
  targets: [
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .executableTarget(
      name: "sha256-bench",
      dependencies: ["CLibCrypto", .product(name: "Crypto", package: "swift-crypto")]),
  ]
)
