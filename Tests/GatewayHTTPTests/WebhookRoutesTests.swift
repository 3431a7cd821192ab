import Crypto
import Foundation
import GatewayConnectors
import GatewayCore
import GatewayHTTP
import GatewayPipeline
import GatewayRuntime
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@Suite struct WebhookRoutesTests {
    static let appKey = "7011223344556677889"
    static let appSecret = "secret"

    struct Harness {
        let dependencies: GatewayHTTPDependencies
        let inbox: SQLiteInboxStore
        let orders: SQLiteDatabase
    }

    func harness(maxBody: Int = 4096, inboxOverride: (any InboxStore)? = nil) throws -> Harness {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore(database: database, startingWriter: true)
        let orders = database
        let receiver = DouyinPushReceiver(shop: "yunlai-douyin", appKey: Self.appKey, appSecret: Self.appSecret)
        let dependencies = GatewayHTTPDependencies(
            receivers: ["yunlai-douyin": receiver],
            platforms: ["yunlai-douyin": .douyin],
            inbox: inboxOverride ?? inbox,
            orders: orders,
            apiTokens: ["admin-token"],
            maxBodyBytes: maxBody,
            metricsRegistry: GatewayMetrics.registry,
            clock: SystemClock.now
        )
        return Harness(dependencies: dependencies, inbox: inbox, orders: orders)
    }

    func signedHeaders(_ body: String) -> HTTPFields {
        let sign = Insecure.MD5.hash(data: Array((Self.appKey + body + Self.appSecret).utf8)).map { String(format: "%02x", $0) }.joined()
        return [HTTPField.Name("app-id")!: Self.appKey, HTTPField.Name("event-sign")!: sign, .contentType: "application/json"]
    }

    let body = #"[{"tag":"101","msg_id":"m-1","data":"{\"p_id\":4984023467827309610,\"update_time\":1764400001}"}]"#

    /// A full commit queue: the push is refused with 503 and `Retry-After`, never acknowledged.
    @Test func overloadedInboxAnswers503WithRetryAfter() async throws {
        let harness = try harness(inboxOverride: OverloadedInbox())
        let app = buildApplication(harness.dependencies)
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/webhooks/douyin/yunlai-douyin",
                method: .post,
                headers: signedHeaders(body),
                body: ByteBuffer(string: body)
            )
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "1")
            #expect(!String(buffer: response.body).contains("\"code\":0"))
        }
    }

    @Test func signedPushIsStoredThenAcknowledgedInDouyinFormat() async throws {
        let harness = try harness()
        let app = buildApplication(harness.dependencies)
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/webhooks/douyin/yunlai-douyin",
                method: .post,
                headers: signedHeaders(body),
                body: ByteBuffer(string: body)
            )
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == #"{"code":0,"msg":"success"}"#)
            let again = try await client.execute(
                uri: "/webhooks/douyin/yunlai-douyin",
                method: .post,
                headers: signedHeaders(body),
                body: ByteBuffer(string: body)
            )
            #expect(again.status == .ok)
        }
        let counts = try await harness.inbox.counts()
        #expect(counts.total == 1)
        #expect(counts.duplicatesAbsorbed == 1)
    }

    @Test func rejectionsStoreNothingAndSayWhy() async throws {
        let harness = try harness(maxBody: 2048)
        let app = buildApplication(harness.dependencies)
        try await app.test(.router) { client in
            var headers = signedHeaders(body)
            headers[HTTPField.Name("event-sign")!] = String(repeating: "0", count: 32)
            let bad = try await client.execute(uri: "/webhooks/douyin/yunlai-douyin", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(bad.status == .unauthorized)
            #expect(String(buffer: bad.body).contains("event-sign"))

            let unknownShop = try await client.execute(
                uri: "/webhooks/douyin/nobody",
                method: .post,
                headers: signedHeaders(body),
                body: ByteBuffer(string: body)
            )
            #expect(unknownShop.status == .notFound)
            #expect(String(buffer: unknownShop.body).contains("nobody"))

            let wrongPlatform = try await client.execute(
                uri: "/webhooks/youzan/yunlai-douyin",
                method: .post,
                headers: signedHeaders(body),
                body: ByteBuffer(string: body)
            )
            #expect(wrongPlatform.status == .notFound)

            let big = "[" + String(repeating: " ", count: 4096) + "]"
            let tooLarge = try await client.execute(
                uri: "/webhooks/douyin/yunlai-douyin",
                method: .post,
                headers: signedHeaders(big),
                body: ByteBuffer(string: big)
            )
            #expect(tooLarge.status == .contentTooLarge)

            let malformed = "{\"not\":\"an array\"}"
            let bad400 = try await client.execute(
                uri: "/webhooks/douyin/yunlai-douyin",
                method: .post,
                headers: signedHeaders(malformed),
                body: ByteBuffer(string: malformed)
            )
            #expect(bad400.status == .badRequest)

            let metrics = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: metrics.body)
            #expect(text.contains("gateway_deliveries_rejected_total"))
            #expect(text.contains("reason=\"bad_signature\""))
        }
        #expect(try await harness.inbox.counts().total == 0)
    }

    @Test func staffAPINeedsABearerTokenAndShowsOrders() async throws {
        let harness = try harness()
        let app = buildApplication(harness.dependencies)
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/api/v1/orders/douyin/yunlai-douyin/1", method: .get)
            #expect(anonymous.status == .unauthorized)
            let wrong = try await client.execute(uri: "/api/v1/orders/douyin/yunlai-douyin/1", method: .get, headers: [.authorization: "Bearer nope"])
            #expect(wrong.status == .unauthorized)
            let missing = try await client.execute(
                uri: "/api/v1/orders/douyin/yunlai-douyin/1",
                method: .get,
                headers: [.authorization: "Bearer admin-token"]
            )
            #expect(missing.status == .notFound)
            let list = try await client.execute(uri: "/api/v1/orders?status=paid", method: .get, headers: [.authorization: "Bearer admin-token"])
            #expect(list.status == .ok)
            let badStatus = try await client.execute(uri: "/api/v1/orders?status=lost", method: .get, headers: [.authorization: "Bearer admin-token"])
            #expect(badStatus.status == .badRequest)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(String(buffer: ready.body).contains("inboxUnprocessed"))
        }
    }
}

/// An inbox whose commit queue is always full.
struct OverloadedInbox: InboxStore {
    func append(_ deliveries: [InboxDelivery]) async throws -> [InboxAppendResult] {
        throw InboxOverloaded(queuedDeliveries: 20_000, queuedBytes: 1 << 20)
    }
    func pending(limit: Int, now: Timestamp) async throws -> [InboxEntry] { [] }
    func deferEntries(_ ids: [Int64], until: Timestamp, error: String) async throws {}
    func markInFlight(_ ids: [Int64]) async throws {}
    func park(_ deliveries: [ParkedDelivery], at now: Timestamp) async throws {}
    func counts() async throws -> InboxCounts { InboxCounts(total: 0, unprocessed: 0, duplicatesAbsorbed: 0) }
}
