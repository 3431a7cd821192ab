import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Pinduoduo shipment write-back: the exact signed request, whole orders only, and the classification of answers
/// (`shipping.md` §8b.3).
@Suite struct PinduoduoShipmentTests {
    static let clientId = "pdd-client-4711"
    static let clientSecret = "pdd-demo-secret"
    static let orderSn = "251129-012345678901234"
    static let skuId = "9223372036854775807"

    static func connector(
        _ answer: @escaping @Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse
    ) -> (PinduoduoConnector, ScriptedPlatform) {
        let platform = ScriptedPlatform(answer)
        let api = PinduoduoAPIClient(
            baseURL: "http://pdd.test",
            clientId: clientId,
            clientSecret: clientSecret,
            accessToken: "pdd-token",
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
            retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
            clock: .fixed(Timestamp(secondsSince1970: 1_764_400_000))
        )
        return (PinduoduoConnector(shop: "pdd-shop", api: api), platform)
    }

    /// A platform that answers the order detail with the test order and every send with `sendAnswer`.
    static func answering(_ sendAnswer: String, status: Int = 200) -> (PinduoduoConnector, ScriptedPlatform) {
        connector { request in
            if request.formParameters["type"] == PinduoduoAPIClient.orderInformationType {
                let order = PinduoduoConnectorTests.orderJSON(sn: orderSn, skuId: skuId)
                return PlatformHTTPResponse(status: 200, body: #"{"order_info_get_response":{"order_info":\#(order)}}"#)
            }
            return PlatformHTTPResponse(status: status, body: sendAnswer)
        }
    }

    static let success = #"{"logistics_online_send_response":{"is_success":true,"request_id":"r1"}}"#

    static func notice(lines: [ShippedLine]? = nil, replacing: String? = nil) -> ShipmentNotice {
        ShipmentNotice(
            writeBackId: 9,
            platformOrderId: orderSn,
            courier: .sf,
            courierCode: "44",
            trackingNumber: "SF1234567890",
            lines: lines,
            replacingTrackingNumber: replacing
        )
    }

    static func sends(_ platform: ScriptedPlatform) -> [[String: String]] {
        platform.requests.map(\.formParameters).filter { $0["type"] == "pdd.logistics.online.send" }
    }

    @Test func wholeOrderSendsOnlineSendSigned() async throws {
        let (connector, platform) = Self.answering(Self.success)
        #expect(try await connector.ship(Self.notice()) == .accepted)
        #expect(platform.requests.count == 1)
        let form = try #require(Self.sends(platform).first)
        #expect(PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret).verify(form))
        #expect(form["order_sn"] == Self.orderSn)
        #expect(form["logistics_id"] == "44")
        #expect(form["tracking_number"] == "SF1234567890")
        #expect(form["timestamp"] == "1764400000")
        #expect(form["redelivery_type"] == nil)
        #expect(platform.requests.first?.path == "/api/router")
    }

    @Test func correctionSendsRedeliveryType2() async throws {
        let (connector, platform) = Self.answering(Self.success)
        #expect(try await connector.ship(Self.notice(replacing: "SF0")) == .accepted)
        let form = try #require(Self.sends(platform).first)
        #expect(form["redelivery_type"] == "2")
        #expect(PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret).verify(form))
    }

    @Test func partOfAnOrderIsRefusedBeforeAnySend() async throws {
        let (connector, platform) = Self.answering(Self.success)
        let result = try await connector.ship(Self.notice(lines: [ShippedLine(lineId: "another-sku", quantity: 1)]))
        guard case .rejected(let code, let message) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(code == "gateway-partial-unsupported")
        #expect(message.contains("whole orders only"))
        #expect(Self.sends(platform).isEmpty)
    }

    @Test func linesMakingUpTheWholeOrderAreSentAsAWholeOrder() async throws {
        let (connector, platform) = Self.answering(Self.success)
        #expect(try await connector.ship(Self.notice(lines: [ShippedLine(lineId: Self.skuId, quantity: 1)])) == .accepted)
        #expect(Self.sends(platform).count == 1)
        #expect(PinduoduoConnector.covers([ShippedLine(lineId: "a", quantity: 1)], []) == false)
    }

    static func error(_ code: Int, _ message: String, subCode: String? = nil) -> String {
        let sub = subCode.map { #","sub_code":"\#($0)","sub_msg":"\#(message)""# } ?? ""
        return #"{"error_response":{"error_code":\#(code),"error_msg":"\#(message)"\#(sub),"request_id":"r2"}}"#
    }

    @Test func answersAreClassified() async throws {
        for code in [52101, 52102, 52103, 70031] {
            let result = try await Self.answering(Self.error(code, "限流")).0.ship(Self.notice())
            #expect(result == .transient(code: String(code), message: "限流"))
        }
        let rejected = try await Self.answering(Self.error(50001, "业务服务错误", subCode: "invalid_tracking_number")).0.ship(Self.notice())
        #expect(rejected == .rejected(code: "invalid_tracking_number", message: "业务服务错误 / invalid_tracking_number / 业务服务错误"))
        let already = try await Self.answering(Self.error(50001, "订单已发货")).0.ship(Self.notice())
        #expect(already == .alreadyShipped(message: "订单已发货"))
        let notSuccess = try await Self.answering(#"{"logistics_online_send_response":{"is_success":false}}"#).0.ship(Self.notice())
        guard case .rejected(let code, _) = notSuccess else {
            Issue.record("\(notSuccess)")
            return
        }
        #expect(code == "is_success")
    }

    @Test func unknownOutcomesThrowAndAreNotRetried() async throws {
        for (status, body) in [(200, "garbage"), (502, "bad gateway"), (200, #"{"something_else":1}"#)] {
            let (connector, platform) = Self.answering(body, status: status)
            await #expect(throws: PlatformAPIError.self) { try await connector.ship(Self.notice()) }
            #expect(Self.sends(platform).count == 1, "\(status) \(body)")
        }
    }

    @Test func trackingNumberIsReadFromTheOrderInformation() async throws {
        let (connector, _) = Self.connector { _ in
            var order = PinduoduoConnectorTests.orderJSON(sn: Self.orderSn, status: 2)
            order.removeLast()
            order += #","tracking_number":"SF1234567890","logistics_id":44}"#
            return PlatformHTTPResponse(status: 200, body: #"{"order_info_get_response":{"order_info":\#(order)}}"#)
        }
        #expect(try await connector.shippedTrackingNumbers(platformOrderId: Self.orderSn) == ["SF1234567890"])
    }
}
