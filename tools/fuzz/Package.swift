// swift-tools-version:5.4
import PackageDescription

// The libFuzzer target for the line parser and validator: a package of its own, kept
// out of the ledger's build and tests. tools/fuzz.sh builds it with -sanitize=fuzzer.
//
// Why tools-version 5.4: from 5.5 on, SwiftPM renames an executable's entry point
// (`--defsym main=<module>_main`) so tests can link it; that collides with the `main`
// libFuzzer brings. Below 5.5 the executable keeps libFuzzer's `main`.
let package = Package(
    name: "LiaisonFuzz",
    dependencies: [
        .package(name: "liaisonroot", path: "LiaisonRoot"),
    ],
    targets: [
        .executableTarget(
            name: "liaison-fuzz",
            dependencies: [.product(name: "LiaisonKit", package: "liaisonroot")]
        ),
    ]
)
