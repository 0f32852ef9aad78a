// swift-tools-version:6.0
import PackageDescription

// One-way targets (ARCHITECTURE.md): model <- inputs, live, rules, reporting <- engine <- CLI.
// Only DNSLintLive links SwiftNIO; only LDNS touches the C library.
let package = Package(
    name: "dnslint",
    products: [
        .executable(name: "dnslint", targets: ["dnslint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLdns",
            pkgConfig: "ldns",
            providers: [.apt(["libldns-dev"])]
        ),
        .target(name: "LDNS", dependencies: ["CLdns"]),
        .target(name: "DNSLintModel", dependencies: ["LDNS"]),
        .target(
            name: "DNSLintInputs",
            dependencies: ["DNSLintModel", "LDNS", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "DNSLintLive",
            dependencies: [
                "DNSLintModel", "LDNS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "DNSLintRules", dependencies: ["DNSLintModel", "LDNS"]),
        .target(name: "DNSLintReporting", dependencies: ["DNSLintModel"]),
        .target(name: "DNSLintSimulate", dependencies: ["DNSLintModel", "LDNS"]),
        .target(
            name: "DNSLint",
            dependencies: ["DNSLintModel", "DNSLintInputs", "DNSLintLive", "DNSLintRules", "DNSLintReporting", "DNSLintSimulate", "LDNS",
                           .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "dnslint",
            dependencies: [
                "DNSLint", "DNSLintModel", "DNSLintReporting", "DNSLintRules", "DNSLintSimulate", "LDNS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DNSLintTests",
            dependencies: ["DNSLint", "DNSLintModel", "DNSLintInputs", "DNSLintLive", "DNSLintRules", "DNSLintReporting",
                           "DNSLintSimulate", "LDNS",
                           // ManifestBuilder encodes test manifests with Yams.
                           .product(name: "Yams", package: "Yams")],
            // Snapshots are read from the source tree (they are rewritten there), never bundled.
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
