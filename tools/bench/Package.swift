// swift-tools-version:6.0
import PackageDescription

// The benchmark harness: a package of its own so that `swift build` and `swift test`
// of the ledger never build it. tools/bench/run.sh builds and runs it.
let package = Package(
    name: "LiaisonBench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "LiaisonRoot"),
    ],
    targets: [
        .executableTarget(
            name: "liaison-bench",
            dependencies: [.product(name: "LiaisonKit", package: "liaisonroot")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
