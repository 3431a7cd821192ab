import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Taobao shipment write-back: the exact signed requests and the classification of answers (`shipping.md` §8b.4).
@Suite struct TaobaoShipmentTests {
    static let appKey = "12345678"
    static let appSecret = "tb-secret"
    static let tid = "4984023467827309610"

    static func connector(
        signMethod: TaobaoSigner.Method = .md5,
        _ answer: @escaping @Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse
    ) -> (TaobaoConnector, ScriptedPlatform) {
        let platform = ScriptedPlatform(answer)
        let api = TaobaoAPIClient(
            baseURL: "http://tb.test",
            appKey: appKey,
            appSecret: appSecret,
            session: "sess-1",
            signMethod: signMethod,
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
            retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
            clock: .fixed(Timestamp(secondsSince1970: 1_764_400_000))
        )
        return (TaobaoConnector(shop: "tb-shop", api: api), platform)
    }

    static func answering(_ body: String, status: Int = 200) -> (TaobaoConnector, ScriptedPlatform) {
        connector { _ in PlatformHTTPResponse(status: status, body: body) }
    }

    static let success = #"{"logistics_offline_send_response":{"shipping":{"is_success":true},"request_id":"r1"}}"#

    static func notice(lines: [ShippedLine]? = nil, replacing: String? = nil) -> ShipmentNotice {
        ShipmentNotice(
            writeBackId: 3,
            platformOrderId: tid,
            courier: .zto,
            courierCode: "ZTO",
            trackingNumber: "ZT7788",
            lines: lines,
            replacingTrackingNumber: replacing
        )
    }

    @Test func wholeOrderSendsOfflineSendSigned() async throws {
        for signMethod in TaobaoSigner.Method.allCases {
            let (connector, platform) = Self.connector(signMethod: signMethod) { _ in PlatformHTTPResponse(status: 200, body: Self.success) }
            #expect(try await connector.ship(Self.notice()) == .accepted)
            #expect(platform.requests.count == 1)
            let form = try #require(platform.requests.first?.formParameters)
            #expect(TaobaoSigner(appKey: Self.appKey, appSecret: Self.appSecret, method: signMethod).verify(form))
            #expect(form["method"] == "taobao.logistics.offline.send")
            #expect(form["sign_method"] == signMethod.rawValue)
            #expect(form["tid"] == Self.tid)
            #expect(form["out_sid"] == "ZT7788")
            #expect(form["company_code"] == "ZTO")
            #expect(form["timestamp"] == "2025-11-29 15:06:40")
            #expect(form["is_split"] == nil && form["sub_tid"] == nil)
        }
    }

    @Test func partialShipmentSendsSubTidsAndIsSplit() async throws {
        let (connector, platform) = Self.answering(Self.success)
        let lines = [ShippedLine(lineId: "11", quantity: 1), ShippedLine(lineId: "12", quantity: 2), ShippedLine(lineId: "11", quantity: 1)]
        #expect(try await connector.ship(Self.notice(lines: lines)) == .accepted)
        let form = try #require(platform.requests.first?.formParameters)
        #expect(form["is_split"] == "1")
        #expect(form["sub_tid"] == "11,12")
        #expect(TaobaoSigner(appKey: Self.appKey, appSecret: Self.appSecret).verify(form))
    }

    @Test func correctionSendsConsignResend() async throws {
        let (connector, platform) = Self.answering(#"{"logistics_consign_resend_response":{"shipping":{"is_success":true}}}"#)
        #expect(try await connector.ship(Self.notice(replacing: "ZT0")) == .accepted)
        let form = try #require(platform.requests.first?.formParameters)
        #expect(form["method"] == "taobao.logistics.consign.resend")
        #expect(form["out_sid"] == "ZT7788")
        #expect(TaobaoSigner(appKey: Self.appKey, appSecret: Self.appSecret).verify(form))
    }

    static func error(code: Int, msg: String, subCode: String, subMsg: String) -> String {
        #"{"error_response":{"code":\#(code),"msg":"\#(msg)","sub_code":"\#(subCode)","sub_msg":"\#(subMsg)","request_id":"r2"}}"#
    }

    @Test func answersAreClassified() async throws {
        let b04 = "isv.logistics-offline-service-error:B04"
        let already = try await Self.answering(Self.error(code: 15, msg: "Remote service error", subCode: b04, subMsg: "订单状态不对该物流订单已经发货或者已关闭，不能重复发货"))
            .0.ship(Self.notice())
        #expect(already == .alreadyShipped(message: "Remote service error / \(b04) / 订单状态不对该物流订单已经发货或者已关闭，不能重复发货"))
        let b150 = "isv.logistics-offline-service-error:B150"
        let retry = try await Self.answering(Self.error(code: 15, msg: "Remote service error", subCode: b150, subMsg: "发货异常")).0.ship(Self.notice())
        #expect(retry == .transient(code: b150, message: "Remote service error / \(b150) / 发货异常"))
        let s01 = try await Self.answering(
            Self.error(code: 15, msg: "Remote service error", subCode: "isp.logistics-online-service-error:S01", subMsg: "系统错误")
        )
        .0.ship(Self.notice())
        guard case .transient = s01 else {
            Issue.record("S01 → \(s01)")
            return
        }
        let limited = try await Self.answering(
            Self.error(code: 7, msg: "App Call Limited", subCode: "accesscontrol.limited-by-app-access-count", subMsg: "ban 10 s")
        )
        .0.ship(Self.notice())
        guard case .transient = limited else {
            Issue.record("throttled → \(limited)")
            return
        }
        let b60 = "isv.logistics-offline-service-error:B60"
        let bad = try await Self.answering(Self.error(code: 15, msg: "Remote service error", subCode: b60, subMsg: "运单号不符合规则")).0.ship(Self.notice())
        #expect(bad == .rejected(code: b60, message: "Remote service error / \(b60) / 运单号不符合规则"))
        let notSuccess = try await Self.answering(#"{"logistics_offline_send_response":{"shipping":{"is_success":false}}}"#).0.ship(Self.notice())
        guard case .rejected("is_success", _) = notSuccess else {
            Issue.record("\(notSuccess)")
            return
        }
    }

    @Test func unknownOutcomesThrowAndAreNotRetried() async throws {
        for (status, body) in [(200, "<xml/>"), (500, Self.success), (200, #"{"nothing":{}}"#)] {
            let (connector, platform) = Self.answering(body, status: status)
            await #expect(throws: PlatformAPIError.self) { try await connector.ship(Self.notice()) }
            #expect(platform.requests.count == 1, "\(status) \(body)")
        }
    }

    @Test func trackingNumbersAreReadFromTheTrade() async throws {
        var trade = TaobaoConnectorTests.tradeJSON(tid: Self.tid, status: "WAIT_BUYER_CONFIRM_GOODS")
        trade = trade.replacingOccurrences(of: #""num":2,"#, with: #""num":2,"invoice_no":"ZT7788","logistics_company":"中通","#)
        let (connector, platform) = Self.answering(#"{"trade_fullinfo_get_response":{"trade":\#(trade)}}"#)
        #expect(try await connector.shippedTrackingNumbers(platformOrderId: Self.tid) == ["ZT7788"])
        #expect(platform.requests.first?.formParameters["method"] == "taobao.trade.fullinfo.get")
    }
}
