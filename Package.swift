// swift-tools-version:6.2
import PackageDescription

/// `GATEWAY_FUZZ=1` (set by `scripts/fuzz.sh`, which builds in its own scratch path `.build-fuzz`) adds the libFuzzer
/// executable `GatewayFuzz` and instruments the project's own modules for it; the dependencies stay uninstrumented.
/// `GATEWAY_FUZZ_SANITIZERS` picks the sanitizers (default `fuzzer,address`). Without the variable nothing changes.
let fuzzing = Context.environment["GATEWAY_FUZZ"].map { !$0.isEmpty && $0 != "0" } ?? false
let fuzzSanitizers = "-sanitize=" + (Context.environment["GATEWAY_FUZZ_SANITIZERS"] ?? "fuzzer,address")
/// `GATEWAY_FUZZ_OPTIMIZE=1` compiles the project's modules with `-O` (several times more executions per second).
let fuzzOptimize = fuzzing && Context.environment["GATEWAY_FUZZ_OPTIMIZE"].map { !$0.isEmpty && $0 != "0" } ?? false

/// One set of Swift settings for every target (plus the fuzzing instrumentation when ``fuzzing``).
let swiftSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ] + (fuzzing ? [.unsafeFlags([fuzzSanitizers] + (fuzzOptimize ? ["-O"] : []))] : [])

let package = Package(
    name: "livestream-order-gateway",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gateway", targets: ["gateway"]),
        .executable(name: "mock-platform", targets: ["MockPlatform"]),
        .executable(name: "gateway-bench", targets: ["GatewayBench"]),
        .library(name: "GatewayCore", targets: ["GatewayCore"]),
        .library(name: "MockPlatformKit", targets: ["MockPlatformKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // Pure domain: canonical order, merge, ports. No I/O, no frameworks.
        .target(name: "GatewayCore", swiftSettings: swiftSettings),
        // CSV files in and out: master data imports, statements, exports — with line numbers on every problem.
        .target(
            name: "GatewayImport",
            dependencies: ["GatewayCore", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: swiftSettings
        ),
        // What is printed for the warehouse: QR codes (byte mode, level M) for parcel labels.
        .target(name: "GatewayLabels", swiftSettings: swiftSettings),
        // The YAML configuration contract: model, loader, validation.
        .target(
            name: "GatewayConfig",
            dependencies: ["GatewayCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // One folder per platform: push verification, API signing, polling, wire -> core mapping.
        .target(
            name: "GatewayConnectors",
            dependencies: [
                "GatewayCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Store ports implemented on SQLite (GRDB); personal data and raw payloads sealed at rest (AES-GCM, swift-crypto).
        .target(
            name: "GatewayStorage",
            dependencies: [
                "GatewayCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The asynchronous pipeline: inbox processor and poll scheduler, written against the core ports.
        .target(
            name: "GatewayPipeline",
            dependencies: [
                "GatewayCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Statement import and reconciliation (对账): the statement parsers (Import) and the matcher (Core) with platform lookups.
        .target(name: "GatewayReconciliation", dependencies: ["GatewayCore", "GatewayImport"], swiftSettings: swiftSettings),
        // Hummingbird application: webhooks, staff API, health, metrics.
        .target(
            name: "GatewayHTTP",
            dependencies: [
                "GatewayCore", "GatewayPipeline", "GatewayReconciliation", "GatewayLabels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                "GatewayImport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The staff API's OpenAPI document, compiled in (served, rendered, checked against the router).
            resources: [.embedInCode("API/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        // The composition root: configuration -> stores, connectors, pipeline and HTTP in one service group.
        .target(
            name: "GatewayRuntime",
            dependencies: [
                "GatewayCore", "GatewayConfig", "GatewayConnectors", "GatewayStorage", "GatewayPipeline", "GatewayHTTP", "GatewayImport",
                "GatewayReconciliation",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The `gateway` command line.
        .executableTarget(
            name: "gateway",
            dependencies: [
                "GatewayCore", "GatewayConfig", "GatewayConnectors", "GatewayStorage", "GatewayPipeline", "GatewayHTTP",
                "GatewayRuntime", "MockPlatformKit", "GatewayImport", "GatewayReconciliation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The mock platform as a library: every platform's API and pushes, written independently of the connectors.
        .target(
            name: "MockPlatformKit",
            dependencies: [
                "GatewayConfig", "GatewayCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Mocks/MockPlatformKit",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MockPlatform",
            dependencies: [
                "MockPlatformKit", "GatewayConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Mocks/MockPlatform",
            swiftSettings: swiftSettings
        ),
        // Benchmarks that print ratios against a baseline measured in the same run (BENCHMARKS.md).
        .executableTarget(
            name: "GatewayBench",
            dependencies: [
                "GatewayCore", "GatewayStorage", "GatewayTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/GatewayBench",
            swiftSettings: swiftSettings
        ),
        // Test support shared by the test targets (like HummingbirdTesting): fakes, fixtures, seeded randomness, harnesses.
        .target(
            name: "GatewayTesting",
            dependencies: [
                "GatewayCore", "GatewayConfig", "GatewayStorage", "GatewayRuntime", "MockPlatformKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "Sources/GatewayTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "GatewayCoreTests", dependencies: ["GatewayCore", "GatewayStorage", "GatewayTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "GatewayLabelsTests", dependencies: ["GatewayLabels"], swiftSettings: swiftSettings),
        .testTarget(name: "GatewayImportTests", dependencies: ["GatewayImport", "GatewayCore"], swiftSettings: swiftSettings),
        .testTarget(name: "GatewayConfigTests", dependencies: ["GatewayConfig", "GatewayCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GatewayConnectorsTests",
            dependencies: [
                // The mock platform (Douyin paging while orders change) and the pipeline with a SQLite inbox (poll windows end to end).
                "GatewayConnectors", "GatewayCore", "GatewayConfig", "GatewayPipeline", "GatewayStorage", "MockPlatformKit",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayStorageTests",
            // The pipeline's payload retention job runs against the SQLite store here.
            dependencies: [
                "GatewayStorage", "GatewayCore", "GatewayPipeline", "GatewayTesting", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayReconciliationTests",
            dependencies: ["GatewayReconciliation", "GatewayCore", "GatewayImport", "GatewayTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayPipelineTests",
            dependencies: [
                "GatewayPipeline", "GatewayCore", "GatewayStorage", "GatewayTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayHTTPTests",
            dependencies: [
                "GatewayHTTP", "GatewayCore", "GatewayConnectors", "GatewayStorage", "GatewayPipeline", "GatewayRuntime",
                "GatewayReconciliation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayCLITests",
            dependencies: [
                "gateway", "MockPlatformKit", "GatewayCore", "GatewayHTTP", "GatewayStorage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MockPlatformKitTests",
            dependencies: [
                "MockPlatformKit", "GatewayConfig", "GatewayCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The console in a real headless Chromium (chromedriver + WebDriver); needs Debian's chromium and chromium-driver.
        .testTarget(
            name: "ConsoleBrowserTests",
            dependencies: [
                "GatewayCore", "GatewayConfig", "GatewayStorage", "GatewayHTTP", "GatewayRuntime", "GatewayTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "GatewayCore", "GatewayConfig", "GatewayConnectors", "GatewayStorage", "GatewayPipeline",
                "GatewayRuntime", "MockPlatformKit", "GatewayTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

if fuzzing {
    // One executable for every fuzz target (Fuzz/README.md); lld links it (gold fails on the sanitizer runtimes).
    package.targets.append(
        .executableTarget(
            name: "GatewayFuzz",
            dependencies: [
                "GatewayCore", "GatewayImport", "GatewayConfig", "GatewayConnectors", "GatewayHTTP", "GatewayRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Fuzz/GatewayFuzz",
            swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags([fuzzSanitizers, "-use-ld=lld"])]
        )
    )
}
