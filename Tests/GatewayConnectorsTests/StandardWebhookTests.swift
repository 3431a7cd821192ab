import Crypto
import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

@Suite struct StandardWebhookTests {
    static let secret = "whsec_" + Data("0123456789abcdef0123456789abcdef".utf8).base64EncodedString()
    static let now = Timestamp(secondsSince1970: 1_764_400_000)
    static let body = #"""
        {"type":"order.updated","order":{"order_id":"MP202611290001","status":"paid","created_at":"2026-11-29T08:00:00Z",
         "updated_at":"2026-11-29T08:01:00Z","paid_at":"2026-11-29T08:01:00Z","total_fen":5980,"paid_fen":5980,
         "lines":[{"line_id":"1","product_id":"ponkan","sku_id":"ponkan-5kg-a","title":"保靖椪柑 5kg","quantity":1,"paid_fen":5980}],
         "buyer":{"province":"湖南省","masked_phone":"138****5678"}}}
        """#

    func sign(_ id: String, _ timestamp: Int64, _ body: String, secret: String = Self.secret) -> String {
        let key = SymmetricKey(data: Data(base64Encoded: String(secret.dropFirst(6)))!)
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(id).\(timestamp).\(body)".utf8), using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    func request(_ headers: [String: String], body: String = Self.body) -> WebhookRequest {
        WebhookRequest(method: "POST", headers: headers, body: Array(body.utf8), receivedAt: Self.now)
    }

    @Test func validSignatureIsAcceptedAndDecodesToASnapshot() throws {
        let connector = try StandardConnector(shop: "county", secret: Self.secret)
        let headers = ["webhook-id": "msg_1", "webhook-timestamp": "1764400000", "webhook-signature": sign("msg_1", 1_764_400_000, Self.body)]
        guard case .accepted(let deliveries, let ack) = connector.receive(request(headers)) else {
            Issue.record("rejected a valid webhook")
            return
        }
        #expect(ack.status == 200)
        #expect(deliveries.map(\.deliveryId) == ["msg_1"])
        let observation = try #require(try connector.observations(from: InboxEntry(id: 1, delivery: deliveries[0])).first)
        #expect(observation.key == OrderKey(platform: .standard, shop: "county", platformOrderId: "MP202611290001"))
        #expect(observation.snapshot?.status == .paid)
        #expect(observation.snapshot?.paidFen == 5980)
        #expect(observation.platformUpdatedAt == Timestamp(secondsSince1970: 1_795_939_260))  // 2026-11-29T08:01:00Z
    }

    @Test func rotationAcceptsAnyListedSignature() throws {
        let other = "whsec_" + Data("another-secret-another-secret-00".utf8).base64EncodedString()
        let connector = try StandardConnector(shop: "county", secret: "\(other),\(Self.secret)")
        let signatures = "v1,bm90LWEtc2lnbmF0dXJl \(sign("msg_2", 1_764_400_000, Self.body))"
        let receipt = connector.receive(request(["webhook-id": "msg_2", "webhook-timestamp": "1764400000", "webhook-signature": signatures]))
        guard case .accepted = receipt else {
            Issue.record("rotation signature refused")
            return
        }
    }

    @Test func badSignatureStaleTimestampAndMissingHeadersAreRefused() throws {
        let connector = try StandardConnector(shop: "county", secret: Self.secret)
        let wrong = "whsec_" + Data("wrong-secret-wrong-secret-wrong!".utf8).base64EncodedString()
        let cases: [([String: String], WebhookRejection)] = [
            (
                ["webhook-id": "m", "webhook-timestamp": "1764400000", "webhook-signature": sign("m", 1_764_400_000, Self.body, secret: wrong)],
                .badSignature
            ),
            (["webhook-id": "m", "webhook-timestamp": "1764399000", "webhook-signature": sign("m", 1_764_399_000, Self.body)], .staleTimestamp),
            (["webhook-id": "m", "webhook-timestamp": "1764400301", "webhook-signature": sign("m", 1_764_400_301, Self.body)], .staleTimestamp),
            (["webhook-timestamp": "1764400000", "webhook-signature": sign("m", 1_764_400_000, Self.body)], .badSignature),
            (["webhook-id": "m", "webhook-timestamp": "1764400000", "webhook-signature": sign("other-id", 1_764_400_000, Self.body)], .badSignature),
        ]
        for (headers, expected) in cases {
            guard case .rejected(let reason, _, let ack) = connector.receive(request(headers)) else {
                Issue.record("accepted \(headers)")
                continue
            }
            #expect(reason == expected)
            #expect(ack.status == 401)
        }
        // Within the five-minute tolerance is fine.
        let edge = ["webhook-id": "m", "webhook-timestamp": "1764400300", "webhook-signature": sign("m", 1_764_400_300, Self.body)]
        guard case .accepted = connector.receive(request(edge)) else {
            Issue.record("refused a timestamp inside the tolerance")
            return
        }
    }

    /// Issue #12: an extreme `webhook-timestamp` (any signature) must be refused, not overflow `now - seconds`.
    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "9000000000000000000", "-9000000000000000000", "99999999999"])
    func extremeTimestampIsRefusedWithoutTrapping(_ timestamp: String) throws {
        let connector = try StandardConnector(shop: "county", secret: Self.secret)
        let headers = ["webhook-id": "m", "webhook-timestamp": timestamp, "webhook-signature": "v1,AAAA"]
        guard case .rejected(let reason, _, let ack) = connector.receive(request(headers)) else {
            Issue.record("accepted timestamp \(timestamp)")
            return
        }
        #expect(reason == .staleTimestamp)
        #expect((400..<500).contains(ack.status))
    }

    /// The plausible-time gate: only 2000…2100 in Unix seconds.
    @Test func plausibleSecondsAcceptsOnly2000To2100() {
        #expect(PlausibleTime.seconds("1764400000") == 1_764_400_000)
        #expect(PlausibleTime.seconds("-9223372036854775808") == nil)
        #expect(PlausibleTime.seconds("9223372036854775807") == nil)
        #expect(PlausibleTime.seconds("946684799") == nil)
        #expect(PlausibleTime.seconds("4102444801") == nil)
        #expect(PlausibleTime.seconds(Int64.min) == nil)
        #expect(PlausibleTime.seconds(Int64.max) == nil)
    }

    @Test func signedButMalformedBodyIs400() throws {
        let connector = try StandardConnector(shop: "county", secret: Self.secret)
        let body = #"{"type":"order.updated","order":{"order_id":"1"}}"#
        let headers = ["webhook-id": "m", "webhook-timestamp": "1764400000", "webhook-signature": sign("m", 1_764_400_000, body)]
        guard case .rejected(let reason, _, let ack) = connector.receive(request(headers, body: body)) else {
            Issue.record("accepted a malformed order")
            return
        }
        #expect(reason == .malformed)
        #expect(ack.status == 400)
    }

    @Test func secretsMustBeWhsec() {
        #expect(throws: ConnectorError.self) { try StandardConnector(shop: "s", secret: "plain-secret") }
    }
}
