// swift-tools-version:6.0
// libFuzzer targets for SecretAtlas's importers, Markdown and templates (see docs/hostile-input.md).
//
// A package of its own so the targets stay out of the root package's `swift build` and `swift test`:
// they link only with `-sanitize=fuzzer` (libFuzzer supplies `main`). Build and run them with
// `make fuzz` (Fuzz/run.sh). They reach the engine's internal entry points with `@testable import`,
// which a debug build allows, rather than through API added to the library for them.
import Foundation
import PackageDescription

// A package named by path gets its folder's name as identity; the clone's folder may be called
// anything, so the root package is referred to by that name, found from this file's place.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "SecretAtlasFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // The same swift-mustache the engine uses, to parse a fuzzed template for the escaping check.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "secret-atlas-fuzz",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "SecretAtlas", package: rootPackage),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/SecretAtlasFuzz",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
