import Foundation
import MockPlatformKit
import Testing

@Suite("Injected faults")
struct FaultTests {
    @Test("errorRate 1.0 answers every call with a system error: code 50000 or HTTP 503")
    func errors() async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 4)
        try await mock.start()
        let client = DouyinTestClient(baseURL: mock.baseURL)
        let token = try await client.accessToken()
        mock.faults = MockFaults(errorRate: 1.0)
        var businessErrors = 0
        var unavailable = 0
        for _ in 0..<20 {
            let reply = try await client.call("order.searchList", paramJSON: #"{"page":0,"size":10}"#, accessToken: token)
            if reply.status == 503 {
                unavailable += 1
            } else {
                #expect(reply.status == 200)
                #expect(reply.code == 50000)
                #expect(reply.subCode == "isp.service-error")
                businessErrors += 1
            }
        }
        #expect(businessErrors > 0 && unavailable > 0)
        #expect(mock.requestLog().suffix(20).allSatisfy { $0.code == 50000 || $0.code == 503 })
        mock.faults = .none
        #expect(try await client.call("order.searchList", paramJSON: #"{"page":0,"size":10}"#, accessToken: token).code == 10000)
        await mock.shutdown()
    }

    @Test("the same seed injects the same faults")
    func reproducible() async throws {
        func pattern() async throws -> [Int] {
            let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 21)
            try await mock.start()
            let client = DouyinTestClient(baseURL: mock.baseURL)
            let token = try await client.accessToken()
            mock.faults = MockFaults(errorRate: 0.5)
            var codes: [Int] = []
            for _ in 0..<12 {
                let reply = try await client.call("order.searchList", paramJSON: #"{"page":0,"size":10}"#, accessToken: token)
                codes.append(reply.status == 503 ? 503 : reply.code)
            }
            await mock.shutdown()
            return codes
        }
        let first = try await pattern()
        #expect(first == (try await pattern()))
        #expect(Set(first).count > 1)
    }

    @Test("slow answers wait, and the per-app rate limit answers the frequency-limit error")
    func slowAndLimited() async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 6)
        try await mock.start()
        let client = DouyinTestClient(baseURL: mock.baseURL)
        let token = try await client.accessToken()
        mock.faults = MockFaults(slowRate: 1.0, slowMilliseconds: 300)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try await client.call("order.searchList", paramJSON: #"{"page":0,"size":10}"#, accessToken: token).code == 10000)
        #expect(clock.now - started >= .milliseconds(300))

        mock.faults = MockFaults(rateLimitPerSecond: 2)
        // Sent at once, so the limit is exceeded however slowly a loaded machine answers.
        let codes = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await client.call("order.searchList", paramJSON: #"{"page":0,"size":10}"#, accessToken: token).code }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(codes.contains(10000))
        #expect(codes.contains(50002))
        #expect(mock.requestLog().contains { $0.subCode == "isv.frequency-limited" })
        await mock.shutdown()
    }
}
