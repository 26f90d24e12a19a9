// swift-tools-version:6.1
// Assay: compliance, cost and disaster-recovery readiness as policy-as-code.
//
// Target layout (see docs/architecture.md): a pure `PolicyEngine` core with no I/O and one target
// per concern, in layers; a target imports only targets of the layers below its own, never a
// sibling of its layer (`ArchitectureTests` checks every `import`):
//   1. core          PolicyEngine
//   2. text/bytes    TabularText (CSV, gzip, the one byte-source layer every reader uses)
//   3. readers       Inventory, Billing, PolicyLoader
//   4. pipeline      Resilience, History
//   5. outputs       Reports
//   6. CLI           assay (the pipeline's wiring)
// Each third-party package lives in exactly one target.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Assay",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "assay", targets: ["assay"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // HTML report templates (escapes by default); used by the Reports target only.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(name: "CISAL", pkgConfig: "libisal", providers: [.apt(["libisal-dev"]), .brew(["isa-l"])]),

        // MARK: - Core
        .target(name: "PolicyEngine", dependencies: ["CSHA256", "CTextScan"], swiftSettings: strict),
        // SHA-256 block function: x86 SHA extensions when present, portable C otherwise.
        .target(name: "CSHA256"),
        .target(
            name: "PolicyLoader",
            dependencies: ["PolicyEngine", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "Inventory", dependencies: ["PolicyEngine", "TabularText", "CTextScan"], swiftSettings: strict),
        .target(
            name: "Reports",
            dependencies: ["PolicyEngine", "CLibXML2", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        .target(name: "Resilience", dependencies: ["PolicyEngine"], swiftSettings: strict),
        // Layer 2: bytes and delimited text (streaming, gzip, CSV, parallel chunks); every reader's input layer.
        .target(name: "TabularText", dependencies: ["PolicyEngine", "CZlib", "CISAL", "CTextScan"], swiftSettings: strict),
        // SSE2 byte classification for the CSV scanner and JSON strings (portable C elsewhere); see docs/performance.md.
        .target(name: "CTextScan"),
        .target(name: "Billing", dependencies: ["PolicyEngine", "TabularText"], swiftSettings: strict),
        // Run history in SQLite (system libsqlite3 under GRDB); GRDB is used only here.
        .target(
            name: "History",
            dependencies: ["PolicyEngine", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),

        // MARK: - Command line
        .executableTarget(
            name: "assay",
            dependencies: [
                "PolicyEngine", "PolicyLoader", "Inventory", "Reports", "Resilience", "Billing", "History", "TabularText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: - Benchmarks (executables, not tests; figures in docs/performance.md)
        .executableTarget(
            name: "EngineBench",
            dependencies: ["PolicyEngine", "PolicyLoader", "Inventory", "TabularText"],
            path: "Benchmarks/EngineBench",
            exclude: ["policies", "policies-normalized", "gen_library_estate.py", "document_bytes.py"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "DowntimeBench",
            dependencies: ["Resilience", "PolicyEngine"],
            path: "Benchmarks/DowntimeBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ReportBench",
            dependencies: ["Reports", "PolicyEngine"],
            path: "Benchmarks/ReportBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "BillingBench",
            dependencies: ["Billing", "TabularText", "PolicyEngine"],
            path: "Benchmarks/BillingBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "InventoryBench",
            dependencies: ["Inventory", "PolicyEngine"],
            path: "Benchmarks/InventoryBench",
            exclude: ["gen_config_snapshot.py"],
            swiftSettings: strict
        ),

        .executableTarget(
            name: "HistoryBench",
            dependencies: ["History", "PolicyEngine"],
            path: "Benchmarks/HistoryBench",
            swiftSettings: strict
        ),

        // MARK: - Fuzzing (libFuzzer targets; scripts/fuzz.sh builds them with -sanitize=fuzzer into
        // .build-fuzz, the ordinary build only compiles the corpus replayer; see docs/limits.md)
        .executableTarget(
            name: "AssayFuzz",
            dependencies: ["PolicyEngine", "PolicyLoader", "Inventory", "Reports", "TabularText", "Billing"],
            path: "Fuzz/AssayFuzz",
            swiftSettings: strict
        ),

        // MARK: - Tests
        .target(
            name: "TestSupport",
            dependencies: ["PolicyEngine"],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "PolicyEngineTests", dependencies: ["PolicyEngine", "CSHA256", "CTextScan", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "PolicyLoaderTests",
            dependencies: ["PolicyLoader", "PolicyEngine", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InventoryTests", dependencies: ["Inventory", "PolicyEngine", "TabularText", "CTextScan", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strict
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "PolicyEngine", "CLibXML2", "TestSupport", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures", "Goldens"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ResilienceTests",
            // Yams reads the public Kubernetes manifest behind the dependency policies' public-sample cases.
            dependencies: ["Resilience", "PolicyEngine", "TestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "PolicyEngine"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "HistoryTests", dependencies: ["History", "PolicyEngine", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "BillingTests",
            dependencies: ["Billing", "TabularText", "CTextScan", "PolicyEngine", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
