import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Douyin shipment write-back: the exact signed requests and the classification of answers (`shipping.md` §8b.1).
@Suite struct DouyinShipmentTests {
    static let appKey = "dy-app"
    static let appSecret = "dy-secret"
    static let now = Timestamp(secondsSince1970: 1_764_400_000)

    static let tokenAnswer = #"{"code":10000,"msg":"success","data":{"access_token":"tok-1","expires_in":7200,"refresh_token":"ref"}}"#

    /// A connector whose platform answers `token.create` and then `answer` for every other call.
    static func connector(answer: @escaping @Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse) -> (DouyinConnector, ScriptedPlatform) {
        let platform = ScriptedPlatform { request in
            if request.path == "/token/create" { return PlatformHTTPResponse(status: 200, body: tokenAnswer) }
            return try answer(request)
        }
        let api = DouyinAPIClient(
            baseURL: "http://douyin.test",
            appKey: appKey,
            appSecret: appSecret,
            shopId: "77",
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
            retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
            clock: .fixed(now)
        )
        return (DouyinConnector(shop: "dy-shop", api: api), platform)
    }

    static func answering(_ body: String, status: Int = 200) -> (DouyinConnector, ScriptedPlatform) {
        connector { _ in PlatformHTTPResponse(status: status, body: body) }
    }

    static func notice(lines: [ShippedLine]? = nil, replacing: String? = nil) -> ShipmentNotice {
        ShipmentNotice(
            writeBackId: 42,
            platformOrderId: "4984023467827309610",
            courier: .sf,
            courierCode: "shunfeng",
            trackingNumber: "SF1234567890",
            lines: lines,
            replacingTrackingNumber: replacing
        )
    }

    /// The one ship request sent (token calls aside), its `param_json` parsed, and whether its `sign` is right.
    static func shipRequest(_ platform: ScriptedPlatform) throws -> (request: PlatformHTTPRequest, param: [String: Any], signed: Bool) {
        let requests = platform.requests.filter { $0.path != "/token/create" }
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        let query = request.queryParameters
        let paramJSON = request.bodyText
        let method = try #require(query["method"])
        let expected = DouyinSigner(appKey: appKey, appSecret: appSecret).sign(
            method: method,
            paramJSON: paramJSON,
            timestamp: query["timestamp"] ?? ""
        )
        let param = try #require(try JSONSerialization.jsonObject(with: Data(paramJSON.utf8)) as? [String: Any])
        return (request, param, query["sign"] == expected)
    }

    @Test func wholeOrderSendsLogisticsAddSigned() async throws {
        let (connector, platform) = Self.answering(#"{"code":10000,"msg":"success","data":{}}"#)
        #expect(try await connector.ship(Self.notice()) == .accepted)
        let (request, param, signed) = try Self.shipRequest(platform)
        #expect(request.path == "/order/logisticsAdd")
        #expect(request.queryParameters["method"] == "order.logisticsAdd")
        #expect(request.queryParameters["access_token"] == "tok-1")
        #expect(request.queryParameters["timestamp"] == "1764400000")
        #expect(signed)
        #expect(param["order_id"] as? String == "4984023467827309610")
        #expect(param["company_code"] as? String == "shunfeng")
        #expect(param["logistics_code"] as? String == "SF1234567890")
        #expect(param.count == 3)  // no is_refund_reject: a pending refund is a human decision
    }

    @Test func partialShipmentSendsMultiPackWithAStableRequestId() async throws {
        let (connector, platform) = Self.answering(#"{"code":10000,"msg":"success","data":{"pack_list":[{"pack_id":"p1"}]}}"#)
        let notice = Self.notice(lines: [ShippedLine(lineId: "4984023467827309611", quantity: 2)])
        #expect(try await connector.ship(notice) == .accepted)
        #expect(try await connector.ship(notice) == .accepted)
        let sent = platform.requests.filter { $0.path == "/order/logisticsAddMultiPack" }
        #expect(sent.count == 2)
        let params = try sent.map { try #require(try JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any]) }
        #expect(params.map { $0["request_id"] as? String } == ["gateway-shipment-42", "gateway-shipment-42"])
        let pack = try #require((params[0]["pack_list"] as? [[String: Any]])?.first)
        #expect(pack["logistics_code"] as? String == "SF1234567890")
        #expect(pack["company_code"] as? String == "shunfeng")
        let shipped = try #require(pack["shipped_order_info"] as? [[String: Any]])
        #expect(shipped.count == 1)
        #expect(shipped[0]["shipped_order_id"] as? String == "4984023467827309611")
        #expect(shipped[0]["shipped_num"] as? Int == 2)
        #expect(params[0]["order_id"] as? String == "4984023467827309610")
        let query = sent[0].queryParameters
        #expect(
            query["sign"]
                == DouyinSigner(appKey: Self.appKey, appSecret: Self.appSecret).sign(
                    method: "order.logisticsAddMultiPack",
                    paramJSON: sent[0].bodyText,
                    timestamp: query["timestamp"] ?? ""
                )
        )
    }

    @Test func correctionSendsLogisticsEdit() async throws {
        let (connector, platform) = Self.answering(#"{"code":10000,"msg":"success","data":{}}"#)
        #expect(try await connector.ship(Self.notice(replacing: "SF0000000001")) == .accepted)
        let (request, param, signed) = try Self.shipRequest(platform)
        #expect(request.path == "/order/logisticsEdit")
        #expect(signed)
        #expect(param["logistics_code"] as? String == "SF1234567890")
        #expect(param["company_code"] as? String == "shunfeng")
    }

    static func failure(code: Int, subCode: String, subMsg: String) -> String {
        #"{"code":\#(code),"msg":"业务处理失败","sub_code":"\#(subCode)","sub_msg":"\#(subMsg)","log_id":"L1"}"#
    }

    @Test func answersAreClassified() async throws {
        let already = try await Self.answering(Self.failure(code: 50002, subCode: "isv.business-failed:60110", subMsg: "订单已发货，不允许再次执行发货"))
            .0.ship(Self.notice())
        guard case .alreadyShipped(let message) = already else {
            Issue.record("60110 → \(already)")
            return
        }
        #expect(message.contains("60110"))
        let multiAlready = try await Self.answering(Self.failure(code: 50002, subCode: "isv.business-failed:70023", subMsg: "已发货"))
            .0.ship(Self.notice(lines: [ShippedLine(lineId: "1", quantity: 1)]))
        #expect(multiAlready == .alreadyShipped(message: "业务处理失败 / isv.business-failed:70023 / 已发货"))

        let busy = try await Self.answering(Self.failure(code: 20000, subCode: "isp.service-error:10005", subMsg: "系统错误")).0.ship(Self.notice())
        #expect(busy == .transient(code: "isp.service-error:10005", message: "业务处理失败 / isp.service-error:10005 / 系统错误"))
        let concurrent = try await Self.answering(Self.failure(code: 50002, subCode: "isv.business-failed:120032", subMsg: "售后请求并发"))
            .0.ship(Self.notice())
        #expect(concurrent == .transient(code: "isv.business-failed:120032", message: "业务处理失败 / isv.business-failed:120032 / 售后请求并发"))

        let cancelled = try await Self.answering(Self.failure(code: 50002, subCode: "isv.business-failed:60021", subMsg: "订单已取消，禁止发货"))
            .0.ship(Self.notice())
        #expect(cancelled == .rejected(code: "isv.business-failed:60021", message: "业务处理失败 / isv.business-failed:60021 / 订单已取消，禁止发货"))
    }

    @Test func aTokenStillRefusedAfterRenewalIsTransient() async throws {
        let (connector, platform) = Self.answering(
            #"{"code":30002,"msg":"access_token已过期","sub_code":"isv.access-token-expired","sub_msg":"access_token已过期"}"#
        )
        let result = try await connector.ship(Self.notice())
        guard case .transient = result else {
            Issue.record("expired token → \(result)")
            return
        }
        // Sent, refused, token renewed, sent once more — never more.
        #expect(platform.requests.filter { $0.path == "/order/logisticsAdd" }.count == 2)
    }

    @Test func unknownOutcomesThrowAndAreNotRetried() async throws {
        for (status, body) in [(200, "<html>oops</html>"), (502, "bad gateway"), (200, #"{"code":"x"}"#)] {
            let (connector, platform) = Self.answering(body, status: status)
            await #expect(throws: PlatformAPIError.self) { try await connector.ship(Self.notice()) }
            #expect(platform.requests.filter { $0.path == "/order/logisticsAdd" }.count == 1, "\(status) \(body)")
        }
        let (timingOut, platform) = Self.connector { _ in throw URLError(.timedOut) }
        await #expect(throws: PlatformAPIError.self) { try await timingOut.ship(Self.notice()) }
        #expect(platform.requests.filter { $0.path == "/order/logisticsAdd" }.count == 1)
    }

    @Test func trackingNumbersAreReadFromTheOrderDetail() async throws {
        let (connector, platform) = Self.answering(
            #"{"code":10000,"msg":"success","data":{"shop_order_detail":{"order_id":"4984023467827309610","order_status":3,"logistics_info":[{"tracking_no":"SF1234567890","company":"shunfeng"},{"tracking_no":"ZT99"}],"sku_order_list":[]}}}"#
        )
        #expect(try await connector.shippedTrackingNumbers(platformOrderId: "4984023467827309610") == ["SF1234567890", "ZT99"])
        #expect(platform.requests.last?.queryParameters["method"] == "order.orderDetail")
    }
}
