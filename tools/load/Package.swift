// swift-tools-version:6.0
import PackageDescription

// The HTTP load generator of tools/load.sh: a package of its own, so the ledger's
// `swift build` and `swift test` never build it.
let package = Package(
    name: "LiaisonLoad",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .executableTarget(
            name: "liaison-load",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
