// swift-tools-version:6.0
import PackageDescription

// Strict settings for every target, set once (STYLE.md): Swift 6 language mode,
// existential `any` spelled out, explicit Sendable checking.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableExperimentalFeature("StrictConcurrency"),
]

let package = Package(
    name: "Liaison",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "liaison", targets: ["liaison"]),
        // For tools/bench, a separate package kept out of the main build and the tests.
        .library(name: "LiaisonKit", targets: ["LMDB", "Ledger", "Projections", "LedgerRuntime", "SampleData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `liaison serve` (LiaisonServer): HTTP, TLS, graceful shutdown, metrics, logs.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already in the graph through Hummingbird; named for HTTPField and TLS certificate types.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.2"),
    ],
    targets: [
        // Debian's liblmdb-dev, found through pkg-config; nothing vendored.
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(
            name: "Ledger",
            dependencies: [
                "LMDB",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Projections", dependencies: ["Ledger"]),
        .target(name: "LedgerRuntime", dependencies: ["Ledger", "Projections", "LMDB", .product(name: "Crypto", package: "swift-crypto")]),
        // What the CLI and the server both say: append summaries, case/claim/history JSON,
        // verify and replay reports, balances reports. One implementation for both faces.
        .target(name: "LedgerService", dependencies: ["Ledger", "Projections", "LedgerRuntime", "LMDB"]),
        .target(name: "SampleData"),
        .target(
            name: "LiaisonServer",
            dependencies: [
                "Ledger", "Projections", "LedgerRuntime", "LedgerService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "liaison",
            dependencies: [
                "LMDB", "Ledger", "Projections", "LedgerRuntime", "LedgerService", "LiaisonServer", "SampleData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "LedgerRuntime", "LMDB", "SampleData"]),
        .testTarget(name: "SampleDataTests", dependencies: ["SampleData"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "Ledger", "LedgerRuntime", "LMDB", "SampleData"]),
        .testTarget(name: "LiaisonCLITests", dependencies: ["liaison", "Ledger", "SampleData"]),
        .testTarget(
            name: "LiaisonServerTests",
            dependencies: [
                "liaison", "LiaisonServer", "LedgerService", "Ledger", "LedgerRuntime", "Projections", "SampleData",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
