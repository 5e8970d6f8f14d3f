// swift-tools-version:6.0
// Briefing: comparative regional statistics briefings (PDF/PNG) on Cairo and Pango.
// Dependencies point one way: Core ← Ingest/Stats/Spec ← Scene ← Render ← briefing (CLI).
import PackageDescription

let package = Package(
  name: "Briefing",
  products: [
    .executable(name: "briefing", targets: ["briefing"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // MARK: - C bridge
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "pangocairo fontconfig pangoft2 zlib",
      providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
    ),
    .target(name: "CairoKit", dependencies: ["CCairo", "CLibDeflate"]),
    // Our own PNG files and whole ZIP entries (cairo's PDF streams keep cairo's zlib).
    .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
    .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
    // SHA-256 for run manifests (see BriefingJobs/Digest.swift for why libcrypto).
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),
    // Database sources (`--data sqlite:PATH`, `--data postgresql://…`) through the system client
    // libraries rather than GRDB or postgres-nio: both are small Debian packages that add nothing
    // to a clean build. postgres-nio would compile SwiftNIO, swift-nio-ssl and swift-crypto on
    // every fresh `make` (swift-crypto's BoringSSL alone took about 3.5 minutes here, see
    // BriefingJobs/Digest.swift; postgres-nio as a whole was not measured), for one query per
    // command; GRDB compiles its own wrapper over the same libsqlite3. libpq also reads
    // PGPASSFILE, PGSERVICE, sslmode and socket folders exactly as psql does.
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

    // MARK: - Pure phases
    .target(name: "BriefingCore"),
    .target(
      name: "BriefingIngest",
      // Spec for its strict YAML reader (intake maps); Spec depends only on Core and Yams.
      dependencies: [
        "BriefingCore", "BriefingSpec", "CFreeXL", "CSQLite", "CLibPQ",
        .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(name: "BriefingStats", dependencies: ["BriefingCore"]),
    .target(
      name: "BriefingSpec",
      dependencies: ["BriefingCore", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "BriefingNarrative", dependencies: ["BriefingCore", "BriefingStats", "COpenCC"],
      exclude: ["RULES.md"]
    ),
    .target(
      name: "BriefingScene",
      dependencies: ["BriefingCore", "BriefingStats", "BriefingSpec", "BriefingNarrative"]
    ),

    // MARK: - Edges
    .target(
      name: "BriefingJobs",
      dependencies: ["BriefingCore", "BriefingSpec", "CLibCrypto", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "BriefingRender", dependencies: ["BriefingScene", "CairoKit"]),
    // Editable copies of a composed sheet (.docx, .md, .txt) and the ZIP writer (libdeflate for
    // whole entries, zlib via CCairo for streamed parts).
    .target(name: "BriefingDocument", dependencies: ["BriefingScene", "CCairo", "CLibDeflate"]),
    .executableTarget(
      name: "briefing",
      dependencies: [
        "BriefingCore", "BriefingIngest", "BriefingStats", "BriefingSpec", "BriefingNarrative",
        "BriefingScene",
        "BriefingRender", "BriefingJobs", "BriefingDocument",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Coverage-guided fuzzing of the file readers with libFuzzer's driver; `make fuzz` rebuilds it
    // with every module instrumented. Built by `swift build` too, so it never rots.
    .executableTarget(
      name: "briefing-fuzz",
      dependencies: ["BriefingCore", "BriefingIngest", "BriefingSpec", "BriefingJobs"],
      swiftSettings: [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library"])],
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
    ),

    // Writes the generated sheet corpus (`SheetCorpus` in Tests/TestSupport) as data folders;
    // Tools/corpus/render-extremes.sh renders its extreme sheets under Output/ to look at.
    .executableTarget(
      name: "briefing-corpus",
      dependencies: ["TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Tools/corpus", exclude: ["render-extremes.sh"]
    ),

    // MARK: - Tests
    .testTarget(name: "CairoKitTests", dependencies: ["CairoKit"]),
    .testTarget(name: "BriefingCoreTests", dependencies: ["BriefingCore"]),
    // Test support: scratch folders of a test run (removed when it exits), the seeded generator,
    // the generated data sets (`GeneratedCorpus`, also written by `briefing-corpus`).
    .target(
      name: "TestSupport",
      dependencies: [
        "BriefingCore", "BriefingIngest", "CSQLite", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      path: "Tests/TestSupport"),
    .testTarget(name: "BriefingIngestTests", dependencies: ["BriefingIngest", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "BriefingSpecTests", dependencies: ["BriefingSpec"]),
    .testTarget(name: "BriefingStatsTests", dependencies: ["BriefingStats", "BriefingIngest", "TestSupport"]),
    .testTarget(name: "BriefingNarrativeTests", dependencies: ["BriefingNarrative"]),
    .testTarget(
      name: "BriefingSceneTests", dependencies: ["BriefingScene", "BriefingCore", "BriefingStats", "TestSupport"],
      exclude: ["Snapshots"]
    ),
    // Cross-phase property tests over generated data: every figure a sheet prints equals its
    // comparison-table cell; every shipped layout passes the scene checker (Pango measurer).
    .testTarget(
      name: "BriefingConsistencyTests",
      dependencies: [
        "BriefingCore", "BriefingIngest", "BriefingStats", "BriefingSpec", "BriefingScene", "BriefingRender",
        "TestSupport",
      ]
    ),
    .testTarget(name: "BriefingJobsTests", dependencies: ["BriefingJobs", "TestSupport"]),
    .testTarget(
      name: "BriefingRenderTests",
      dependencies: ["BriefingRender", "BriefingCore", "BriefingStats", "BriefingSpec", "CairoKit", "TestSupport"],
      exclude: ["Goldens"]
    ),
    .testTarget(
      name: "BriefingDocumentTests",
      dependencies: [
        "BriefingDocument", "BriefingRender", "BriefingScene", "BriefingSpec", "BriefingStats", "BriefingIngest",
        "BriefingCore", "TestSupport",
      ],
      exclude: ["read_docx.py"]
    ),
    .testTarget(
      name: "BriefingCLITests",
      dependencies: [
        "BriefingCore", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["Snapshots"]
    ),
  ]
)
