import Foundation
import GatewayTesting
import Testing

/// `gateway serve` refuses to start while a secret still has its `${VAR:-default}` demo value, naming each key and
/// variable, unless `--allow-demo-secrets`; `check-config` only warns.
@Suite struct DemoSecretsRefusalTests {
    /// Runs the real binary and returns its exit status and standard error + output. The blocking wait runs on a
    /// Dispatch queue, never on Swift's cooperative pool, which the suites beside it need.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try blockingRun(arguments, environment: extra) }) }
        }
    }

    private static func blockingRun(_ arguments: [String], environment extra: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChildGateway.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasSuffix("_SECRET") }
        environment["LOG_LEVEL"] = "error"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static var shippedConfig: String { FileManager.default.currentDirectoryPath + "/config/gateway.yaml" }

    @Test func serveRefusesDemoDefaultsAndNamesThem() async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("demo-secrets-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let (status, output) = try await Self.run(["serve", "--config", Self.shippedConfig, "--port", "0", "--database", "sqlite:\(database)"])
        #expect(status == 2, "\(output)")
        #expect(output.contains("shops[0].credentials.app_secret uses the default of ${YUNLAI_DOUYIN_SECRET}"), "\(output)")
        #expect(output.contains("COUNTY_MINIPROGRAM_SECRET"), "\(output)")
        #expect(output.contains("--allow-demo-secrets"))
        #expect(!output.contains("listening on"))
        // Nothing was opened or created.
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func checkConfigWarnsButPasses() async throws {
        let (status, output) = try await Self.run(["check-config", "--config", Self.shippedConfig])
        #expect(status == 0, "\(output)")
        #expect(output.contains("warning: shops[0].credentials.app_secret uses the default of ${YUNLAI_DOUYIN_SECRET}"), "\(output)")
    }

    /// With every variable set there is nothing to refuse: `check-config` prints no warning.
    @Test func settingTheVariablesSilencesTheWarning() async throws {
        let yaml = try String(contentsOfFile: Self.shippedConfig, encoding: .utf8)
        var environment: [String: String] = [:]
        let pattern = try NSRegularExpression(pattern: #"\$\{([A-Z0-9_]+):-([^}]*)\}"#)
        for match in pattern.matches(in: yaml, range: NSRange(yaml.startIndex..., in: yaml)) {
            let name = String(yaml[Range(match.range(at: 1), in: yaml)!])
            environment[name] = String(yaml[Range(match.range(at: 2), in: yaml)!])
        }
        #expect(environment.count >= 10)
        let (status, output) = try await Self.run(["check-config", "--config", Self.shippedConfig], environment: environment)
        #expect(status == 0, "\(output)")
        #expect(!output.contains("warning:"), "\(output)")
    }
}
