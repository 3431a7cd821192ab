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
        shops:
          - key: yunlai-douyin
            platform: douyin
            enterprise: yunlai
            api_base: "API_BASE"
            credentials: { app_key: "7011223344556677889", app_secret: "e2e-yunlai-secret", shop_id: "4463798" }
            poll: { enabled: POLL, interval_seconds: 0.5, lookback_seconds: 3600 }
            rate_limit: { requests_per_second: 200, burst: 200 }
          - key: linyin-douyin
            platform: douyin
            enterprise: linyin
            api_base: "API_BASE"
            credentials: { app_key: "7022334455667788990", app_secret: "e2e-linyin-secret", shop_id: "5571234" }
            poll: { enabled: POLL, interval_seconds: 0.5, lookback_seconds: 3600 }
            rate_limit: { requests_per_second: 200, burst: 200 }
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
        shops:
          - key: yunlai-douyin
            platform: douyin
            enterprise: yunlai
            api_base: "API_BASE"
            credentials: { app_key: "7011223344556677889", app_secret: "e2e-yunlai-secret", shop_id: "4463798" }
            poll: { enabled: POLL, interval_seconds: 0.5, settle_seconds: 2 }
            rate_limit: { requests_per_second: 500, burst: 500 }
          - key: yunlai-kuaishou
            platform: kuaishou
            enterprise: yunlai
            api_base: "API_BASE"
            credentials: { app_key: "ks-e2e-app", app_secret: "ks-e2e-secret", sign_secret: "ks-e2e-sign-secret", message_key: "MDEyMzQ1Njc4OWFiY2RlZg==" }
            poll: { enabled: POLL, interval_seconds: 0.5, settle_seconds: 2 }
            rate_limit: { requests_per_second: 500, burst: 500 }
          - key: yunlai-pinduoduo
            platform: pinduoduo
            enterprise: yunlai
            api_base: "API_BASE"
            credentials: { client_id: "pdd-e2e-client", client_secret: "pdd-e2e-secret", access_token: "pdd-e2e-token" }
            poll: { enabled: POLL, interval_seconds: 0.5, settle_seconds: 2 }
            rate_limit: { requests_per_second: 500, burst: 500 }
          - key: linyin-taobao
            platform: taobao
            enterprise: linyin
            api_base: "API_BASE"
            credentials: { app_key: "12345678", app_secret: "tb-e2e-secret", session: "tb-e2e-session" }
            poll: { enabled: POLL, interval_seconds: 0.5, settle_seconds: 2 }
            rate_limit: { requests_per_second: 500, burst: 500 }
          - key: linyin-wechat
            platform: wechat-channels
            enterprise: linyin
            api_base: "API_BASE"
            credentials: { app_id: "wx0123456789abcdef", app_secret: "wx-e2e-secret", token: "wxe2etoken", encoding_aes_key: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" }
            poll: { enabled: POLL, interval_seconds: 0.5, settle_seconds: 2 }
            rate_limit: { requests_per_second: 500, burst: 500 }
          - key: yunlai-youzan
            platform: youzan
            enterprise: yunlai
            api_base: "API_BASE"
            credentials: { client_id: "yz-e2e-client", client_secret: "yz-e2e-secret" }
            poll: { enabled: false }
            rate_limit: { requests_per_second: 500, burst: 500 }
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
