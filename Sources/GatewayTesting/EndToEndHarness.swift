import AsyncHTTPClient
import Foundation
public import GatewayConfig
import GatewayCore
public import GatewayRuntime
public import GatewayStorage
public import MockPlatformKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A real mock platform and a real gateway on loopback ports with a real SQLite file, shared by the test targets that
/// run the gateway end to end.
///
/// ```swift
/// let harness = try await EndToEndHarness.startMock(poll: false)
/// let (server, base) = try await harness.startGateway()
/// defer { Task { await server.shutdown(); await harness.cleanUp() } }
/// ```
public struct EndToEndHarness: Sendable {
    /// The staff API token of every end-to-end gateway.
    public static let adminToken = "e2e-admin-token"
    /// The data key of every end-to-end configuration (`storage.data_keys`).
    public static let dataKeySpec = "e2e:ZTJlLWRhdGEta2V5LTAxMjM0NTY3ODlhYmNkZWYhISE="
    /// The data keys, for tests that open a gateway's database themselves.
    public static var dataKeys: DataKeyRing { get throws { try DataKeyRing(parsing: dataKeySpec) } }
    /// Two Douyin shops of two enterprises (`STORAGE`, `API_BASE` and `POLL` are filled in by ``startMock(poll:yaml:)``).
    public static let yaml = """
        \(TestGatewayYAML.serverAndStorage(database: "STORAGE", synchronous: "full", dataKeys: dataKeySpec))
        pipeline: { batch_size: 64, idle_milliseconds: 10, detail_concurrency: 4, max_attempts: 3 }
        \(TestGatewayYAML.shops(
            [.yunlaiDouyin, .linyinDouyin],
            apiBase: "API_BASE",
            poll: "{ enabled: POLL, interval_seconds: 0.5, lookback_seconds: 3600 }",
            requestsPerSecond: 200
        ))
        """

    /// The temporary directory holding the configuration and the database.
    public let directory: String
    /// The running mock platform.
    public let mock: MockPlatform
    /// The mock platform's base URL.
    public let mockURL: String
    /// The gateway configuration, pointing at the mock.
    public let configuration: GatewayConfiguration
    /// Where the configuration is written (for a `gateway serve` child).
    public let configPath: String
    /// The gateway's SQLite file.
    public let databasePath: String

    /// One shop per platform (and a second Douyin shop), demo-style credentials.
    public static let allPlatformsYAML = """
        \(TestGatewayYAML.serverAndStorage(database: "STORAGE", dataKeys: dataKeySpec))
        pipeline: { batch_size: 128, idle_milliseconds: 10, detail_concurrency: 8, max_attempts: 3 }
        \(TestGatewayYAML.shops(
            [.yunlaiDouyin, .yunlaiKuaishou, .yunlaiPinduoduo, .linyinTaobao, .linyinWeChat, .yunlaiYouzan],
            apiBase: "API_BASE",
            poll: "{ enabled: POLL, interval_seconds: 0.5, settle_seconds: 2 }"
        ))
        """

    /// Starts the mock and writes the gateway configuration pointing at it (the gateway is started separately).
    /// - Parameters:
    ///   - poll: whether the shops' backstop poll is enabled.
    ///   - yaml: the configuration, with `STORAGE`, `API_BASE` and `POLL` placeholders.
    /// - Returns: the harness.
    public static func startMock(poll: Bool, yaml: String = Self.yaml) async throws -> EndToEndHarness {
        let directory = NSTemporaryDirectory() + "gateway-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let databasePath = directory + "/gateway.sqlite"
        let draft = yaml.replacingOccurrences(of: "API_BASE", with: "http://127.0.0.1:1")
            .replacingOccurrences(of: "STORAGE", with: databasePath)
            .replacingOccurrences(of: "POLL", with: poll ? "true" : "false")
        let mock = MockPlatform(configuration: try ConfigurationLoader(environment: [:]).parse(yaml: draft))
        let port = try await mock.start()
        let mockURL = "http://127.0.0.1:\(port)"
        let text = draft.replacingOccurrences(of: "http://127.0.0.1:1", with: mockURL)
        let configPath = directory + "/gateway.yaml"
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader(environment: [:]).parse(yaml: text, sourcePath: configPath)
        return EndToEndHarness(
            directory: directory,
            mock: mock,
            mockURL: mockURL,
            configuration: configuration,
            configPath: configPath,
            databasePath: databasePath
        )
    }

    /// Starts an in-process gateway on a free port.
    public func startGateway(runPipeline: Bool = true) async throws -> (GatewayServer, String) {
        let server = try GatewayServer(configuration: configuration, apiTokens: [Self.adminToken])
        let port = try await server.start(runPipeline: runPipeline)
        return (server, "http://127.0.0.1:\(port)")
    }

    /// Stops the mock and removes the directory.
    public func cleanUp() async {
        await mock.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// GETs a staff API path and decodes JSON.
    public static func getJSON(_ url: String) async throws -> (Int, [String: Any]) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(adminToken)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 16 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
        return (Int(response.status.code), object)
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass.
    public static func eventually(seconds: Double = 60, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }
}
