import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Kuaishou shipment write-back: the exact signed requests and the classification of answers (`shipping.md` §8b.2).
@Suite struct KuaishouShipmentTests {
    static let signSecret = "sign-secret-1"

    static func connector(_ answer: @escaping @Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse) -> (KuaishouConnector, ScriptedPlatform)
    {
        let platform = ScriptedPlatform(answer)
        let api = KuaishouAPIClient(
            baseURL: "http://ks.test/",
            appKey: "ks7011223344",
            signSecret: signSecret,
            accessToken: "tok",
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
            retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
            clock: .fixed(Timestamp(millisecondsSince1970: 1_764_400_000_123))
        )
        return (KuaishouConnector(shop: "ks-shop", api: api), platform)
    }

    static func answering(_ body: String, status: Int = 200) -> (KuaishouConnector, ScriptedPlatform) {
        connector { _ in PlatformHTTPResponse(status: status, body: body) }
    }

    static func notice(courierCode: String = "4", lines: [ShippedLine]? = nil, replacing: String? = nil) -> ShipmentNotice {
        ShipmentNotice(
            writeBackId: 7,
            platformOrderId: "2423000012345678",
            courier: .sf,
            courierCode: courierCode,
            trackingNumber: "SF1234567890",
            lines: lines,
            replacingTrackingNumber: replacing
        )
    }

    /// The single request sent: its form parameters (signature checked by the connector's own signer) and `param`.
    static func sent(_ platform: ScriptedPlatform) throws -> (form: [String: String], param: [String: Any]) {
        #expect(platform.requests.count == 1)
        let request = try #require(platform.requests.first)
        let form = request.formParameters
        #expect(KuaishouSigner(signSecret: signSecret).verify(form))
        #expect(request.queryParameters == form)
        #expect(request.path == "/" + (form["method"] ?? "").replacingOccurrences(of: ".", with: "/"))
        let param = try #require(try JSONSerialization.jsonObject(with: Data((form["param"] ?? "").utf8)) as? [String: Any])
        return (form, param)
    }

    @Test func wholeOrderSendsGoodsDeliver() async throws {
        let (connector, platform) = Self.answering(#"{"result":1}"#)
        #expect(try await connector.ship(Self.notice()) == .accepted)
        let (form, param) = try Self.sent(platform)
        #expect(form["method"] == "open.seller.order.goods.deliver")
        #expect(form["timestamp"] == "1764400000123")
        #expect(form["access_token"] == "tok")
        #expect(param["orderId"] as? Int64 == 2_423_000_012_345_678)
        #expect(param["expressCode"] as? Int == 4)
        #expect(param["expressNo"] as? String == "SF1234567890")
    }

    @Test func partialShipmentSendsSplitDeliver() async throws {
        let (connector, platform) = Self.answering(#"{"result":1,"data":{}}"#)
        let notice = Self.notice(lines: [ShippedLine(lineId: "2423000012345679", quantity: 2)])
        #expect(try await connector.ship(notice) == .accepted)
        let (form, param) = try Self.sent(platform)
        #expect(form["method"] == "open.order.goods.split.deliver")
        #expect(param["mainOrderId"] as? Int64 == 2_423_000_012_345_678)
        let item = try #require((param["deliveryItemInfoList"] as? [[String: Any]])?.first)
        #expect(item["expressCode"] as? Int == 4)
        #expect(item["expressNo"] as? String == "SF1234567890")
        let goods = try #require(item["deliveryGoodsInfoList"] as? [[String: Any]])
        #expect(goods.count == 1)
        #expect(goods[0]["oid"] as? Int64 == 2_423_000_012_345_679)
        #expect(goods[0]["deliveryNum"] as? Int == 2)
    }

    @Test func correctionSendsLogisticsUpdate() async throws {
        let (connector, platform) = Self.answering(#"{"result":1}"#)
        #expect(try await connector.ship(Self.notice(replacing: "SF0")) == .accepted)
        let (form, param) = try Self.sent(platform)
        #expect(form["method"] == "open.seller.order.logistics.update")
        #expect(param["expressNo"] as? String == "SF1234567890")
        #expect(param["orderId"] as? Int64 == 2_423_000_012_345_678)
    }

    @Test func aNonNumericCourierCodeIsRefusedBeforeAnyCall() async throws {
        let (connector, platform) = Self.answering(#"{"result":1}"#)
        let result = try await connector.ship(Self.notice(courierCode: "SF"))
        guard case .rejected(let code, _) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(code == "gateway-courier")
        #expect(platform.requests.isEmpty)
    }

    @Test func answersAreClassified() async throws {
        let rejected = try await Self.answering(#"{"result":21,"error_msg":"order operation reject","requestId":"r1"}"#).0.ship(Self.notice())
        #expect(rejected == .rejected(code: "21", message: "order operation reject"))
        let intercepted = try await Self.answering(#"{"result":11,"code":"11","msg":"运单号和物流公司不匹配"}"#).0.ship(Self.notice())
        #expect(intercepted == .rejected(code: "11", message: "运单号和物流公司不匹配"))
        let already = try await Self.answering(#"{"result":2001,"msg":"订单已发货"}"#).0.ship(Self.notice())
        #expect(already == .alreadyShipped(message: "订单已发货"))
        let busy = try await Self.answering(#"{"result":2,"code":"802000","msg":"系统繁忙，请稍后再试"}"#).0.ship(Self.notice())
        #expect(busy == .transient(code: "802000", message: "系统繁忙，请稍后再试"))
    }

    @Test func unknownOutcomesThrowAndAreNotRetried() async throws {
        for (status, body) in [(200, "not json"), (500, #"{"result":1}"#), (503, "")] {
            let (connector, platform) = Self.answering(body, status: status)
            await #expect(throws: PlatformAPIError.self) { try await connector.ship(Self.notice()) }
            #expect(platform.requests.count == 1, "\(status) \(body)")
        }
    }

    @Test func trackingNumbersAreReadFromTheOrderDetail() async throws {
        let order =
            #"{"orderBaseInfo":{"oid":2423000012345678,"status":40,"createTime":1764399000000,"updateTime":1764399500000,"totalFee":5980,"expressFee":0,"discountFee":0},"orderItemInfo":{"itemId":1,"skuId":2,"itemTitle":"椪柑","num":1,"price":5980},"orderLogisticsInfo":[{"expressNo":"SF1234567890","expressCode":4}]}"#
        let (connector, platform) = Self.answering(#"{"result":1,"data":\#(order)}"#)
        #expect(try await connector.shippedTrackingNumbers(platformOrderId: "2423000012345678") == ["SF1234567890"])
        #expect(platform.requests.first?.formParameters["method"] == "open.order.detail")
    }
}
