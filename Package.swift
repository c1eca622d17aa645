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
        .target(name: "SampleData"),
        .executableTarget(
            name: "liaison",
            dependencies: [
                "LMDB", "Ledger", "Projections", "LedgerRuntime", "SampleData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "LedgerRuntime", "LMDB", "SampleData"]),
        .testTarget(name: "SampleDataTests", dependencies: ["SampleData"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "Ledger", "LedgerRuntime", "LMDB", "SampleData"]),
        .testTarget(name: "LiaisonCLITests", dependencies: ["liaison", "Ledger", "SampleData"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
