import AsyncHTTPClient
import Crypto
import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Taobao TOP: md5 and hmac signing, yuan strings, Beijing times, the twelve trade statuses, backward
/// paging and thin poll observations against an in-test fake platform.
@Suite struct TaobaoConnectorTests {
    static let appKey = "12345678"
    static let appSecret = "tb-demo-secret"
    static let session = "6100a1b2c3d4e5f6session"

    static func upperHex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02X", $0) }.joined() }

    // MARK: signing

    @Test func md5SignMatchesAnIndependentComputation() {
        let parameters = [
            "method": "taobao.trade.fullinfo.get", "app_key": Self.appKey, "session": Self.session,
            "timestamp": "2025-11-29 15:06:40", "format": "json", "v": "2.0", "sign_method": "md5",
            "fields": "tid,status", "tid": "4984023467827309610",
        ]
        let plain =
            Self.appSecret
            + "app_key\(Self.appKey)" + "fieldstid,status" + "formatjson" + "methodtaobao.trade.fullinfo.get"
            + "session\(Self.session)" + "sign_methodmd5" + "tid4984023467827309610" + "timestamp2025-11-29 15:06:40" + "v2.0"
            + Self.appSecret
        let expected = Self.upperHex(Insecure.MD5.hash(data: Array(plain.utf8)))
        let signer = TaobaoSigner(appKey: Self.appKey, appSecret: Self.appSecret)
        #expect(signer.sign(parameters, method: .md5) == expected)
        #expect(signer.sign(parameters) == expected)
        #expect(signer.verify(parameters.merging(["sign": expected]) { $1 }))
        #expect(!TaobaoSigner(appKey: Self.appKey, appSecret: "wrong").verify(parameters.merging(["sign": expected]) { $1 }))
        var changed = parameters
        changed["tid"] = "4984023467827309611"
        #expect(signer.sign(changed, method: .md5) != expected)
    }

    @Test func hmacSignMatchesAnIndependentComputationAndThePublishedVector() {
        // RFC 2202-style published vector: HMAC-MD5(key "key", "The quick brown fox jumps over the lazy dog").
        let fox = SortedParameterSigner.hmacMD5(secret: "key", parameters: ["The quick brown fox jumps over the lazy do": "g"])
        #expect(fox == "80070713463E7749B90C2DC24911E275")

        let parameters = ["method": "taobao.trades.sold.increment.get", "app_key": Self.appKey, "sign_method": "hmac", "page_no": "2"]
        let message = "app_key\(Self.appKey)" + "methodtaobao.trades.sold.increment.get" + "page_no2" + "sign_methodhmac"
        let mac = HMAC<Insecure.MD5>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(Self.appSecret.utf8)))
        let signer = TaobaoSigner(appKey: Self.appKey, appSecret: Self.appSecret, method: .hmac)
        #expect(signer.sign(parameters, method: .hmac) == Self.upperHex(mac))
        #expect(signer.sign(parameters) == Self.upperHex(mac))  // chosen by the request's own sign_method
        #expect(signer.sign(parameters, method: .md5) != Self.upperHex(mac))
        #expect(TaobaoSigner(appKey: Self.appKey, appSecret: "wrong").sign(parameters, method: .hmac) != Self.upperHex(mac))
        #expect(signer.sign(parameters.merging(["sign_method": "hmac-sha256"]) { $1 }) == nil)
    }

    // MARK: money, time, ids

    @Test func yuanStringsToFen() throws {
        let trade = try JSONDecoder().decode(
            TaobaoTrade.self,
            from: Data(#"{"tid":1,"payment":"200.07","total_fee":"12.5","post_fee":"0.00","discount_fee":7.1}"#.utf8)
        )
        #expect(trade.payment?.fen == 20007)
        #expect(trade.total_fee?.fen == 1250)
        #expect(trade.post_fee?.fen == 0)
        #expect(trade.discount_fee?.fen == 710)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(TaobaoTrade.self, from: Data(#"{"tid":1,"payment":"200.075"}"#.utf8)) }
    }

    @Test func tidsAreInt64DigitsNeverDoubles() throws {
        let big = try JSONDecoder().decode(TaobaoTrade.self, from: Data(#"{"tid":4984023467827309610}"#.utf8))
        #expect(TaobaoMapping.tradeId(big) == "4984023467827309610")
        let odd = try JSONDecoder().decode(TaobaoTrade.self, from: Data(#"{"tid":9007199254740993}"#.utf8))
        #expect(TaobaoMapping.tradeId(odd) == "9007199254740993")
        let withString = try JSONDecoder().decode(TaobaoTrade.self, from: Data(#"{"tid":9007199254740993,"tid_str":"9007199254740993"}"#.utf8))
        #expect(TaobaoMapping.tradeId(withString) == "9007199254740993")
    }

    @Test func timesAcceptSecondsAndMilliseconds() {
        #expect(TaobaoMapping.time("2025-11-29 15:06:40") == Timestamp(secondsSince1970: 1_764_400_000))
        #expect(TaobaoMapping.time("2025-11-29 15:06:40.123") == Timestamp(millisecondsSince1970: 1_764_400_000_123))
        #expect(TaobaoMapping.time("") == nil)
        #expect(TaobaoMapping.time(nil) == nil)
    }

    // MARK: status mapping

    @Test func allTwelveTradeStatuses() {
        let table: [(String, OrderStatus)] = [
            ("TRADE_NO_CREATE_PAY", .created), ("WAIT_BUYER_PAY", .created), ("PAY_PENDING", .created),
            ("WAIT_PRE_AUTH_CONFIRM", .created), ("WAIT_SELLER_SEND_GOODS", .paid), ("PAID_FORBID_CONSIGN", .created),
            ("SELLER_CONSIGNED_PART", .paid), ("WAIT_BUYER_CONFIRM_GOODS", .shipped), ("TRADE_BUYER_SIGNED", .completed),
            ("TRADE_FINISHED", .completed), ("TRADE_CLOSED", .cancelled), ("TRADE_CLOSED_BY_TAOBAO", .cancelled),
        ]
        #expect(table.count == 12)
        for (text, status) in table { #expect(TaobaoMapping.status(text) == status, "\(text)") }
        #expect(TaobaoMapping.status("SOMETHING_NEW") == nil)
    }

    @Test func lineRefundStatuses() {
        let table: [(String?, RefundState)] = [
            ("NO_REFUND", .none), ("WAIT_SELLER_AGREE", .requested), ("WAIT_BUYER_RETURN_GOODS", .requested),
            ("WAIT_SELLER_CONFIRM_GOODS", .requested), ("SELLER_REFUSE_BUYER", .requested), ("CLOSED", .none),
            ("SUCCESS", .refunded), (nil, .none), ("", .none),
        ]
        for (text, state) in table { #expect(TaobaoMapping.refundState(text) == state, "\(text ?? "nil")") }
    }

    // MARK: a fake TOP

    static func tradeJSON(tid: String, modified: String = "2025-11-29 15:00:00", status: String = "WAIT_SELLER_SEND_GOODS") -> String {
        let oid = String((Int64(tid) ?? 0) + 1)
        return """
            {"tid":\(tid),"tid_str":"\(tid)","status":"\(status)","type":"fixed","created":"2025-11-29 14:58:00",\
            "modified":"\(modified)","pay_time":"2025-11-29 14:59:00","payment":"64.80","total_fee":"59.80","post_fee":"5.00",\
            "discount_fee":"0.00","receiver_name":"张三","receiver_mobile":"13812345678","receiver_state":"四川省","receiver_city":"凉山彝族自治州",\
            "oaid":"1AbC2dEf","orders":{"order":[{"oid":\(oid),"oid_str":"\(oid)","num_iid":652345678901,"sku_id":4711234567890,\
            "outer_sku_id":"PONKAN-5KG","title":"会理脐橙","sku_properties_name":"5斤装","num":2,"price":"29.90","total_fee":"59.80",\
            "payment":"59.80","status":"WAIT_SELLER_SEND_GOODS","refund_status":"WAIT_SELLER_AGREE"}]}}
            """
    }

    static func connector(platform: FakeTaobao, signMethod: TaobaoSigner.Method = .md5) -> TaobaoConnector {
        let api = TaobaoAPIClient(
            baseURL: "http://top.test",
            appKey: appKey,
            appSecret: appSecret,
            session: session,
            signMethod: signMethod,
            transport: PlatformHTTPTransport { request in await platform.handle(request) },
            limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
            retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
            clock: GatewayClock { Timestamp(millisecondsSince1970: 1_764_400_000_500) }
        )
        return TaobaoConnector(shop: "tb-shop", api: api)
    }

    @Test(arguments: TaobaoSigner.Method.allCases)
    func pollReadsBackwardsAndGivesThinObservations(signMethod: TaobaoSigner.Method) async throws {
        let trades = (0..<120).map { Self.tradeJSON(tid: String(4_984_023_467_827_309_000 + Int64($0))) }
        let platform = FakeTaobao(trades: trades)
        let connector = Self.connector(platform: platform, signMethod: signMethod)
        let deliveries = try await connector.poll(from: Timestamp(secondsSince1970: 1_764_398_000), to: Timestamp(secondsSince1970: 1_764_399_800))
        #expect(deliveries.count == 120)
        let modified = BeijingTime.parse("2025-11-29 15:00:00")!.millisecondsSince1970
        #expect(deliveries.contains { $0.deliveryId == "poll:4984023467827309000:\(modified)" })

        let requests = await platform.requests
        #expect(requests.map { $0["page_no"] } == ["1", "3", "2", "1"])
        #expect(requests.map { $0["use_has_next"] } == ["false", "true", "true", "true"])
        for request in requests {
            #expect(request["method"] == "taobao.trades.sold.increment.get")
            #expect(request["app_key"] == Self.appKey)
            #expect(request["session"] == Self.session)
            #expect(request["timestamp"] == "2025-11-29 15:06:40")
            #expect(request["format"] == "json")
            #expect(request["v"] == "2.0")
            #expect(request["sign_method"] == signMethod.rawValue)
            #expect(request["start_modified"] == "2025-11-29 14:33:20")
            #expect(request["end_modified"] == "2025-11-29 15:03:20")
            #expect(request["page_size"] == "50")
            #expect(request["fields"]?.contains("modified") == true)
        }
        #expect(await platform.badSignatures == 0)

        let entry = InboxEntry(id: 1, delivery: deliveries[0])
        let observation = try #require(try connector.observations(from: entry).first)
        #expect(observation.needsDetail)
        #expect(observation.snapshot == nil)
        #expect(observation.status == .paid)
        #expect(observation.platformUpdatedAt == Timestamp(millisecondsSince1970: modified))
        #expect(observation.key.platform == .taobao)
    }

    @Test func oneBadRowBecomesItsOwnDeliveryAndTheWindowSucceeds() async throws {
        let wrongTyped = #"{"tid":4984023467827399999,"tid_str":"4984023467827399999","modified":"2025-11-29 15:02:00","payment":"abc"}"#
        let unreadable = #"{"status":"WAIT_SELLER_SEND_GOODS","modified":"2025-11-29 15:02:00"}"#
        var trades = (0..<120).map { Self.tradeJSON(tid: String(4_984_023_467_827_309_000 + Int64($0))) }
        trades.insert(wrongTyped, at: 10)
        trades.insert(unreadable, at: 75)
        let platform = FakeTaobao(trades: trades)
        let connector = Self.connector(platform: platform)
        let deliveries = try await connector.poll(from: Timestamp(secondsSince1970: 1_764_398_000), to: Timestamp(secondsSince1970: 1_764_399_800))
        #expect(deliveries.count == 122)
        let modified = BeijingTime.parse("2025-11-29 15:00:00")!.millisecondsSince1970
        for index in 0..<120 {
            #expect(deliveries.contains { $0.deliveryId == "poll:\(4_984_023_467_827_309_000 + Int64(index)):\(modified)" })
        }
        let bad = try #require(deliveries.first { $0.deliveryId.hasPrefix("poll:4984023467827399999:") })
        #expect(bad.deliveryId == "poll:4984023467827399999:\(BeijingTime.parse("2025-11-29 15:02:00")!.millisecondsSince1970)")
        #expect(bad.payloadText == wrongTyped)
        let lost = try #require(deliveries.first { $0.deliveryId.hasPrefix("poll:unreadable:") })
        #expect(lost.payloadText == unreadable)
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 1, delivery: bad)) }
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 2, delivery: lost)) }
        let good = try #require(deliveries.first { $0.deliveryId.hasPrefix("poll:4984023467827309011:") })
        #expect(try connector.observations(from: InboxEntry(id: 3, delivery: good)).first?.status == .paid)
    }

    @Test func fetchOrderGivesAFullSnapshot() async throws {
        let platform = FakeTaobao(trades: [Self.tradeJSON(tid: "4984023467827309610", status: "WAIT_BUYER_CONFIRM_GOODS")])
        let connector = Self.connector(platform: platform)
        let prepared = try await connector.fetchOrder(platformOrderId: "4984023467827309610")
        #expect(prepared.rawPayload.hasPrefix(#"{"trade_fullinfo_get_response":{"trade":"#))
        let observation = prepared.observation
        #expect(observation.source == .detail)
        #expect(observation.key.platformOrderId == "4984023467827309610")
        #expect(observation.platformUpdatedAt == Timestamp(secondsSince1970: 1_764_399_600))
        let snapshot = try #require(observation.snapshot)
        #expect(snapshot.status == .shipped)
        #expect(snapshot.platformStatus == "WAIT_BUYER_CONFIRM_GOODS")
        #expect(snapshot.paidFen == 6480)
        #expect(snapshot.totalFen == 6480)
        #expect(snapshot.postageFen == 500)
        #expect(snapshot.paidAt == Timestamp(secondsSince1970: 1_764_399_540))
        #expect(snapshot.lines.count == 1)
        let line = snapshot.lines[0]
        #expect(line.lineId == "4984023467827309611")
        #expect(line.productId == "652345678901")
        #expect(line.skuId == "4711234567890")
        #expect(line.outSkuId == "PONKAN-5KG")
        #expect(line.quantity == 2)
        #expect(line.paidFen == 5980)
        #expect(line.refundState == .requested)
        #expect(snapshot.buyer.maskedName == "张*")
        #expect(snapshot.buyer.maskedPhone == "138****5678")
        #expect(snapshot.buyer.phoneTail == "5678")
        #expect(snapshot.buyer.province == "四川省")
        let request = try #require(await platform.requests.last)
        #expect(request["method"] == "taobao.trade.fullinfo.get")
        #expect(request["tid"] == "4984023467827309610")
        #expect(request["fields"]?.contains("orders") == true)
    }

    @Test func errorsAreClassified() async throws {
        let platform = FakeTaobao(trades: [Self.tradeJSON(tid: "1")])
        await platform.failNext(
            #"{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 1 more seconds","request_id":"x"}}"#
        )
        let connector = Self.connector(platform: platform)
        _ = try await connector.fetchOrder(platformOrderId: "1")
        #expect(await platform.requests.count == 2)

        await platform.failNext(#"{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey","request_id":"y"}}"#)
        do {
            _ = try await connector.fetchOrder(platformOrderId: "1")
            Issue.record("expected an error")
        } catch let error as PlatformAPIError {
            #expect(error.code == "27")
            #expect(!error.isRetryable)
        }
        #expect(TaobaoAPIClient.isRetryable(code: "15", subCode: "isp.remote-service-timeout", text: "Remote service error"))
        #expect(!TaobaoAPIClient.isRetryable(code: "15", subCode: "isv.trade-not-exist", text: "Remote service error"))
        #expect(!TaobaoAPIClient.isRetryable(code: "25", subCode: "", text: "Invalid signature"))
        #expect(TaobaoAPIClient.isRetryable(code: "10", subCode: "", text: "Service currently unavailable"))
    }

    @Test func stockWriteBack() async throws {
        let platform = FakeTaobao(trades: [])
        let api = TaobaoAPIClient(
            baseURL: "http://top.test",
            appKey: Self.appKey,
            appSecret: Self.appSecret,
            session: Self.session,
            transport: PlatformHTTPTransport { request in await platform.handle(request) },
            limiter: RateLimiter(ratePerSecond: 100, burst: 100),
            clock: testWallClock
        )
        try await api.updateItemQuantity(numIid: "652345678901", skuId: "4711234567890", quantity: 10)
        let request = try #require(await platform.requests.last)
        #expect(request["method"] == "taobao.item.quantity.update")
        #expect(request["num_iid"] == "652345678901")
        #expect(request["sku_id"] == "4711234567890")
        #expect(request["quantity"] == "10")
        #expect(request["type"] == "1")
    }

    @Test func registryBuildsBothConnectors() throws {
        let shops = [
            ShopConnection(
                shop: "pdd-shop",
                platform: .pinduoduo,
                apiBase: "http://127.0.0.1:9",
                credentials: ["client_id": "c", "client_secret": "s", "access_token": "t"]
            ),
            ShopConnection(
                shop: "tb-shop",
                platform: .taobao,
                apiBase: "http://127.0.0.1:9",
                credentials: ["app_key": "k", "app_secret": "s", "session": "x", "sign_method": "hmac"]
            ),
        ]
        let registry = try ConnectorRegistry(shops: shops, factories: ConnectorFactory.builtIn(http: .shared, clock: testWallClock))
        #expect(registry.connector(shop: "pdd-shop")?.platform == .pinduoduo)
        #expect(registry.connector(shop: "tb-shop")?.platform == .taobao)
        #expect(registry.receivers["pdd-shop"] == nil)
    }
}

/// A tiny TOP `/router/rest` written from platforms.md §4 for these tests: parses the form body, checks
/// the md5 or hmac signature, pages trades, and answers in TOP's shapes (lists wrapped in `{"trade": […]}`).
actor FakeTaobao {
    let trades: [String]
    private(set) var requests: [[String: String]] = []
    private(set) var badSignatures = 0
    private var failures: [String] = []

    init(trades: [String]) { self.trades = trades }

    func failNext(_ body: String) { failures.append(body) }

    func handle(_ request: PlatformHTTPRequest) -> PlatformHTTPResponse {
        guard request.url.hasSuffix("/router/rest") else { return PlatformHTTPResponse(status: 404, body: "not found") }
        let form = FakePinduoduo.parseForm(request.bodyText)
        requests.append(form)
        let concatenated = form.filter { $0.key != "sign" }.sorted { $0.key < $1.key }.map { $0.key + $0.value }.joined()
        let secret = TaobaoConnectorTests.appSecret
        let expected: String
        switch form["sign_method"] ?? "md5" {
        case "hmac":
            expected = TaobaoConnectorTests.upperHex(
                HMAC<Insecure.MD5>.authenticationCode(for: Array(concatenated.utf8), using: SymmetricKey(data: Array(secret.utf8)))
            )
        default:
            expected = TaobaoConnectorTests.upperHex(Insecure.MD5.hash(data: Array((secret + concatenated + secret).utf8)))
        }
        guard form["sign"] == expected else {
            badSignatures += 1
            return PlatformHTTPResponse(status: 200, body: #"{"error_response":{"code":25,"msg":"Invalid signature"}}"#)
        }
        if !failures.isEmpty { return PlatformHTTPResponse(status: 200, body: failures.removeFirst()) }
        switch form["method"] ?? "" {
        case "taobao.trades.sold.increment.get":
            let page = Int(form["page_no"] ?? "1") ?? 1
            let size = Int(form["page_size"] ?? "40") ?? 40
            let start = min((page - 1) * size, trades.count)
            let end = min(start + size, trades.count)
            let list = trades[start..<end].joined(separator: ",")
            let tail = form["use_has_next"] == "true" ? #""has_next":\#(end < trades.count)"# : #""total_results":\#(trades.count)"#
            return PlatformHTTPResponse(
                status: 200,
                body: #"{"trades_sold_increment_get_response":{\#(tail),"trades":{"trade":[\#(list)]},"request_id":"r"}}"#
            )
        case "taobao.trade.fullinfo.get":
            guard let trade = trades.first(where: { $0.contains(#""tid_str":"\#(form["tid"] ?? "")""#) }) else {
                return PlatformHTTPResponse(
                    status: 200,
                    body: #"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.trade-not-exist"}}"#
                )
            }
            return PlatformHTTPResponse(status: 200, body: #"{"trade_fullinfo_get_response":{"trade":\#(trade),"request_id":"r"}}"#)
        case "taobao.item.quantity.update":
            return PlatformHTTPResponse(
                status: 200,
                body: #"{"item_quantity_update_response":{"item":{"num_iid":652345678901,"num":10,"modified":"2025-11-29 15:06:40"}}}"#
            )
        default:
            return PlatformHTTPResponse(status: 200, body: #"{"error_response":{"code":22,"msg":"Invalid method"}}"#)
        }
    }
}
