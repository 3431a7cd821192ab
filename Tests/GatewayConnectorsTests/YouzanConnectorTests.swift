import Crypto
import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

@Suite struct YouzanConnectorTests {
    let connector = YouzanConnector(shop: "yunlai-youzan", clientId: "yz-client-1", clientSecret: "yz-secret-1")
    static let now = Timestamp(secondsSince1970: 1_764_400_010)

    /// A thin trade_TradePaid push; its Event-Sign was computed with Python's hashlib.
    static let thinBody =
        #"{"client_id":"yz-client-1","id":"E20261129100000012345678","kdt_id":567323,"msg":"%7B%22tid%22%3A%22E20261129100000012345678%22%7D","msg_id":"9cb85c3d-8353-4e80-b24b-eb670eb52775","status":"WAIT_SELLER_SEND_GOODS","test":false,"type":"trade_TradePaid","version":1764400000}"#
    static let thinEventSign = "533e61573339cf4454528a23dbb0a66f"

    static let fullOrder = #"""
        {"full_order_info":{
          "order_info":{"tid":"E20261129100000012345679","status":"WAIT_BUYER_CONFIRM_GOODS","created":"2025-11-29 14:37:14","pay_time":"2025-11-29 14:37:23",
                        "update_time":"2025-11-29 16:20:36","consign_time":"2025-11-29 16:20:30"},
          "pay_info":{"payment":"139.14","total_fee":"149.50","post_fee":"0.00"},
          "orders":[{"oid":"1234567890123456789","item_id":3600000000001,"sku_id":1700000000001,"outer_sku_id":"ponkan-5kg-a","title":"保靖椪柑 5kg 特级",
                     "num":2,"price":"59.80","payment":"109.24","total_fee":"119.60","refund_state":0},
                    {"oid":"1234567890123456790","item_id":3600000000002,"sku_id":1700000000002,"outer_sku_id":"","title":"保靖椪柑 2.5kg",
                     "num":1,"price":"29.90","payment":"29.90","total_fee":"29.90","refund_state":11}],
          "address_info":{"delivery_province":"湖南省","delivery_city":"湘西土家族苗族自治州","receiver_name":"$Qn/ZHaMby1MzBq3Rw2t7fw==$1$","receiver_tel":"$eTS8t8hAECdXKgNtV6DIfw==$1$"}}}
        """#

    static func md5(_ text: String) -> String { Insecure.MD5.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }

    static func urlEncode(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.*")
        )!
    }

    static func body(type: String, msg: String, status: String, msgId: String? = "m-1", test: Bool = false, sign: String? = nil) -> String {
        var fields = [#""client_id":"yz-client-1""#, #""id":"E20261129100000012345679""#, #""kdt_id":567323"#, #""msg":"\#(msg)""#]
        if let msgId { fields.append(#""msg_id":"\#(msgId)""#) }
        if let sign { fields.append(#""sign":"\#(sign)""#) }
        fields += [#""sendCount":0"#, #""status":"\#(status)""#, #""test":\#(test)"#, #""type":"\#(type)""#, #""version":1764400000"#]
        return "{" + fields.joined(separator: ",") + "}"
    }

    func request(_ body: String, headers: [String: String]? = nil, method: String = "POST") -> WebhookRequest {
        let headers =
            headers ?? ["event-sign": Self.md5("yz-client-1" + body + "yz-secret-1"), "event-type": "trade_TradePaid", "client-id": "yz-client-1"]
        return WebhookRequest(method: method, headers: headers, body: Array(body.utf8), receivedAt: Self.now)
    }

    @Test func eventSignMatchesPythonAndThePushIsKeyedByMsgId() {
        #expect(connector.eventSign(body: Array(Self.thinBody.utf8)) == Self.thinEventSign)
        let receipt = connector.receive(request(Self.thinBody, headers: ["event-sign": Self.thinEventSign.uppercased()]))
        guard case .accepted(let deliveries, let ack) = receipt else {
            Issue.record("expected acceptance, got \(receipt)")
            return
        }
        #expect(ack == WebhookAck(status: 200, body: #"{"code":0,"msg":"success"}"#))
        #expect(deliveries.map(\.deliveryId) == ["9cb85c3d-8353-4e80-b24b-eb670eb52775"])
        #expect(deliveries[0].payloadText == Self.thinBody)
    }

    @Test func wrongSecretChangedByteMissingSignatureAndForeignClientAreRefused() {
        let good = Self.md5("yz-client-1" + Self.thinBody + "yz-secret-1")
        let changed = Self.thinBody.replacingOccurrences(of: "1764400000", with: "1764400001")
        let foreign = Self.thinBody.replacingOccurrences(of: #""client_id":"yz-client-1""#, with: #""client_id":"yz-client-2""#)
        let cases: [(String, [String: String])] = [
            (Self.thinBody, ["event-sign": Self.md5("yz-client-1" + Self.thinBody + "other-secret")]),
            (changed, ["event-sign": good]),
            (Self.thinBody, [:]),
            (Self.thinBody, ["event-sign": ""]),
            (foreign, ["event-sign": Self.md5("yz-client-1" + foreign + "yz-secret-1")]),
            (Self.thinBody, ["event-sign": good, "client-id": "yz-client-2"]),
            ("not json", [:]),
        ]
        for (body, headers) in cases {
            guard case .rejected(let reason, let message, let ack) = connector.receive(request(body, headers: headers)) else {
                Issue.record("accepted a bad push: \(headers)")
                continue
            }
            #expect(reason == .badSignature, "\(message)")
            #expect(ack.status == 401)
        }
    }

    @Test func oldStyleBodySignIsAcceptedRawOrDecoded() {
        let decoded = #"{"tid":"E20261129100000012345679","status":"WAIT_BUYER_PAY"}"#
        let msg = Self.urlEncode(decoded)
        for signed in [msg, decoded] {
            let body = Self.body(
                type: "trade_TradeCreate",
                msg: msg,
                status: "WAIT_BUYER_PAY",
                sign: Self.md5("yz-client-1" + signed + "yz-secret-1")
            )
            guard case .accepted(let deliveries, _) = connector.receive(request(body, headers: [:])) else {
                Issue.record("refused an old-style signed push (signed \(signed == msg ? "raw" : "decoded") msg)")
                continue
            }
            #expect(deliveries.count == 1)
        }
        let forged = Self.body(type: "trade_TradeCreate", msg: msg, status: "WAIT_BUYER_PAY", sign: Self.md5("yz-client-1" + msg + "other-secret"))
        guard case .rejected(.badSignature, _, _) = connector.receive(request(forged, headers: [:])) else {
            Issue.record("accepted a forged old-style sign")
            return
        }
    }

    /// The old-style `sign` covers `msg` only: a replay with altered `type`, `id`, `status`, `version` or `msg_id`
    /// is the same delivery, and the order it describes comes from `msg` alone.
    @Test func oldStyleUnsignedFieldsCannotDriveTheOrder() throws {
        let decoded = #"{"tid":"E20261129100000012345679","status":"WAIT_SELLER_SEND_GOODS","update_time":"2025-11-29 16:20:36"}"#
        let msg = Self.urlEncode(decoded)
        let sign = Self.md5("yz-client-1" + msg + "yz-secret-1")
        let genuine = Self.body(type: "trade_TradePaid", msg: msg, status: "WAIT_SELLER_SEND_GOODS", msgId: "m-1", sign: sign)
        // The same signed msg, with every unsigned field changed: a close, another order id, a later version.
        let altered = genuine.replacingOccurrences(of: #""type":"trade_TradePaid""#, with: #""type":"trade_TradeClose""#)
            .replacingOccurrences(of: #""status":"WAIT_SELLER_SEND_GOODS""#, with: #""status":"TRADE_CLOSED""#)
            .replacingOccurrences(of: #""id":"E20261129100000012345679""#, with: #""id":"E99999999999999999999999""#)
            .replacingOccurrences(of: #""msg_id":"m-1""#, with: #""msg_id":"m-2""#)
            .replacingOccurrences(of: "1764400000", with: "4102444700")
        #expect(altered != genuine)
        var ids: [String] = []
        for body in [genuine, altered] {
            guard case .accepted(let deliveries, _) = connector.receive(request(body, headers: [:])), let delivery = deliveries.first else {
                Issue.record("refused an old-style push")
                return
            }
            ids.append(delivery.deliveryId)
            let observed = try connector.observations(from: InboxEntry(id: 1, delivery: delivery))
            #expect(observed.count == 1)
            #expect(observed.first?.key.platformOrderId == "E20261129100000012345679")
            #expect(observed.first?.status == .paid)
            // Beijing 2025-11-29 16:20:36 = 08:20:36 UTC, from msg; the unsigned version is not used.
            #expect(observed.first?.platformUpdatedAt == Timestamp(secondsSince1970: 1_764_404_436))
        }
        #expect(ids[0] == ids[1])
        #expect(ids[0].hasPrefix("legacy:"))
    }

    /// An old-style push whose signed `msg` does not name the order and its status cannot be trusted and is refused.
    @Test func oldStyleWithoutSignedFactsIsRefused() {
        for decoded in [#"{"tid":"E20261129100000012345679"}"#, #"{"status":"TRADE_PAID"}"#, #"{"tid":"E1","status":"NOT_A_STATUS"}"#] {
            let msg = Self.urlEncode(decoded)
            let body = Self.body(type: "trade_TradePaid", msg: msg, status: "TRADE_PAID", sign: Self.md5("yz-client-1" + msg + "yz-secret-1"))
            guard case .rejected(.malformed, _, _) = connector.receive(request(body, headers: [:])) else {
                Issue.record("accepted an old-style push whose msg is \(decoded)")
                continue
            }
        }
    }

    @Test func testPingsAreAcknowledgedAndNotStored() {
        let signed = Self.body(type: "trade_TradePaid", msg: "", status: "", test: true)
        #expect(connector.receive(request(signed)) == .accepted(deliveries: [], ack: YouzanConnector.successAck))
        #expect(connector.receive(request(#"{"test":true}"#, headers: [:])) == .accepted(deliveries: [], ack: YouzanConnector.successAck))
        // A ping with a wrong signature is still refused.
        guard case .rejected(.badSignature, _, _) = connector.receive(request(signed, headers: ["event-sign": "00"])) else {
            Issue.record("accepted a ping with a bad signature")
            return
        }
    }

    @Test func unknownTypeMissingIdsAndGETAreRefused() {
        let item = Self.body(type: "ITEM_STATE_CHANGED", msg: "", status: "")
        guard case .rejected(.unknownEvent, _, let ack) = connector.receive(request(item)) else {
            Issue.record("accepted an item message")
            return
        }
        #expect(ack.status == 400)
        let noIds = #"{"client_id":"yz-client-1","msg":"","status":"TRADE_SUCCESS","type":"trade_TradeSuccess"}"#
        guard case .rejected(.malformed, _, _) = connector.receive(request(noIds)) else {
            Issue.record("accepted a push with neither msg_id nor id")
            return
        }
        guard case .rejected(.malformed, _, _) = connector.receive(request(Self.thinBody, method: "GET")) else {
            Issue.record("accepted a GET")
            return
        }
    }

    @Test func withoutMsgIdTheDeliveryIdIsTypeIdStatusVersion() {
        let body = Self.body(type: "trade_TradeSuccess", msg: "", status: "TRADE_SUCCESS", msgId: nil)
        guard case .accepted(let deliveries, _) = connector.receive(request(body)) else {
            Issue.record("refused a push without msg_id")
            return
        }
        #expect(deliveries.map(\.deliveryId) == ["trade_TradeSuccess:E20261129100000012345679:TRADE_SUCCESS:1764400000"])
    }

    func observe(_ body: String) throws -> [OrderObservation] {
        let delivery = InboxDelivery(platform: .youzan, shop: "yunlai-youzan", deliveryId: "d", kind: .push, receivedAt: Self.now, text: body)
        return try connector.observations(from: InboxEntry(id: 1, delivery: delivery))
    }

    @Test func fullOrderInTheMsgBecomesAFullObservation() throws {
        let observed = try observe(Self.body(type: "trade_TradeSellerShip", msg: Self.urlEncode(Self.fullOrder), status: "WAIT_BUYER_CONFIRM_GOODS"))
        #expect(observed.count == 1)
        let observation = observed[0]
        #expect(observation.key == OrderKey(platform: .youzan, shop: "yunlai-youzan", platformOrderId: "E20261129100000012345679"))
        #expect(!observation.needsDetail)
        // Beijing 2025-11-29 16:20:36 = 08:20:36 UTC.
        #expect(observation.platformUpdatedAt == Timestamp(secondsSince1970: 1_764_404_436))
        let snapshot = try #require(observation.snapshot)
        #expect(snapshot.status == .shipped)
        #expect(snapshot.platformStatus == "WAIT_BUYER_CONFIRM_GOODS")
        #expect(snapshot.paidFen == 13914)
        #expect(snapshot.totalFen == 14950)
        #expect(snapshot.discountFen == 1036)
        #expect(snapshot.postageFen == 0)
        #expect(snapshot.createdAt == Timestamp(secondsSince1970: 1_764_398_234))
        #expect(snapshot.paidAt == Timestamp(secondsSince1970: 1_764_398_243))
        #expect(snapshot.lines.map(\.lineId) == ["1234567890123456789", "1234567890123456790"])
        #expect(snapshot.lines.map(\.skuId) == ["1700000000001", "1700000000002"])
        #expect(snapshot.lines.map(\.paidFen) == [10924, 2990])
        #expect(snapshot.lines.map(\.outSkuId) == ["ponkan-5kg-a", nil])
        #expect(snapshot.lines.map(\.refundState) == [.none, .requested])
        #expect(snapshot.buyer.province == "湖南省")
        #expect(snapshot.buyer.maskedName == nil)
        #expect(snapshot.buyer.platformCiphertext["receiver_tel"] == "$eTS8t8hAECdXKgNtV6DIfw==$1$")
        // The same order as plain JSON text in msg reads the same.
        let plain = try observe(
            Self.body(
                type: "trade_TradeSellerShip",
                msg: Self.fullOrder.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: ""),
                status: "WAIT_BUYER_CONFIRM_GOODS"
            )
        )
        #expect(plain[0].snapshot == snapshot)
    }

    @Test func thinMessagesCarryTheTradeStatus() throws {
        let paid = try observe(Self.thinBody)
        #expect(paid[0].key.platformOrderId == "E20261129100000012345678")
        #expect(paid[0].status == .paid)
        #expect(paid[0].snapshot == nil)
        #expect(!paid[0].needsDetail)
        #expect(paid[0].platformUpdatedAt == Timestamp(secondsSince1970: 1_764_400_000))
        let table: [(String, String, OrderStatus?)] = [
            ("trade_TradeCreate", "WAIT_BUYER_PAY", .created), ("trade_TradeSuccess", "TRADE_SUCCESS", .completed),
            ("trade_TradeClose", "TRADE_CLOSE", .cancelled), ("trade_TradeSellerShip", "", .shipped),
            ("trade_refund_BuyerCreated", "WAIT_SELLER_AGREE", nil),
        ]
        for (type, status, expected) in table {
            let observed = try observe(Self.body(type: type, msg: "", status: status))
            #expect(observed[0].status == expected, "\(type) \(status)")
            #expect(observed[0].key.platformOrderId == "E20261129100000012345679")
        }
        #expect(try observe(Self.body(type: "trade_TradePaid", msg: "", status: "", test: true)).isEmpty)
    }

    @Test func noDetailApiAndNoPolling() async throws {
        await #expect(throws: ConnectorError.self) { try await connector.fetchOrder(platformOrderId: "E20261129100000012345679") }
        #expect(try await connector.poll(from: Timestamp(secondsSince1970: 0), to: Self.now).isEmpty)
    }

    @Test func beijingTimesAndYuanAmountsAreExact() throws {
        let line = try JSONDecoder().decode(YouzanOrderLine.self, from: Data(#"{"num":3,"price":"0.10","payment":0.3,"total_fee":"19.9"}"#.utf8))
        #expect(line.price?.fen == 10)
        #expect(line.payment?.fen == 30)
        #expect(line.total_fee?.fen == 1990)
        let times = try JSONDecoder().decode([YouzanTime].self, from: Data(#"["2026-01-01 00:00:00", 1764400000, "1764400000123", ""]"#.utf8))
        #expect(
            times.map(\.instant) == [
                Timestamp(secondsSince1970: 1_767_196_800), Timestamp(secondsSince1970: 1_764_400_000),
                Timestamp(millisecondsSince1970: 1_764_400_000_123), nil,
            ]
        )
    }
}
