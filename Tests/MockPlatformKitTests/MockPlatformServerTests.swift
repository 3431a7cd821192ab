import Foundation
import MockPlatformKit
import Testing

@Suite("Mock platform server")
struct MockPlatformServerTests {
    @Test("start reports the bound port, refuses a taken port, and can start again after shutdown")
    func lifecycle() async throws {
        let configuration = try TestConfiguration.load()
        let first = MockPlatform(configuration: configuration)
        let port = try await first.start()
        #expect(port > 0)
        #expect(first.baseURL == "http://127.0.0.1:\(port)")
        await #expect(throws: MockPlatformError.self) { try await first.start() }

        let second = MockPlatform(configuration: configuration)
        await #expect(throws: MockPlatformError.self) { try await second.start(port: port) }

        await first.shutdown()
        #expect(first.baseURL.isEmpty)
        await first.shutdown()
        let again = try await first.start()
        let health = try await DouyinTestClient(baseURL: first.baseURL).mockGet("/_mock/health")
        #expect(health["status"] as? String == "ok")
        #expect(again > 0)
        await first.shutdown()
    }

    @Test("the request log is served and can be cleared")
    func requestLog() async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load())
        try await mock.start()
        let client = DouyinTestClient(baseURL: mock.baseURL)
        _ = try await client.accessToken()
        let served = try await client.mockGet("/_mock/requests")
        let requests = try #require(served["requests"] as? [[String: Any]])
        #expect(requests.count == 1)
        #expect(requests.first?["method"] as? String == "token.create")
        #expect(requests.first?["signatureValid"] as? Bool == true)
        #expect(requests.first?["shop"] as? String == "yunlai-douyin")
        mock.clearRequestLog()
        #expect(mock.requestLog().isEmpty)
        await mock.shutdown()
    }
}
