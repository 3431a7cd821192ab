import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Youzan shipment write-back: the exact requests and the classification of answers (`shipping.md` §8b.6).
@Suite struct YouzanShipmentTests {
    static let tid = "E20251129150000123456789"

    static func connector(accessToken: String? = "yz-token", status: Int = 200, answer: String) -> (YouzanConnector, ScriptedPlatform) {
        let platform = ScriptedPlatform { _ in PlatformHTTPResponse(status: status, body: answer) }
        let api = YouzanAPIClient(
            baseURL: "http://yz.test/",
            accessToken: accessToken,
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 1000, burst: 1000)
        )
        return (YouzanConnector(shop: "yz-shop", clientId: "c", clientSecret: "s", api: api), platform)
    }

    static func notice(courierCode: String = "1", lines: [ShippedLine]? = nil, replacing: String? = nil) -> ShipmentNotice {
        ShipmentNotice(
            writeBackId: 11,
            platformOrderId: tid,
            courier: .sto,
            courierCode: courierCode,
            trackingNumber: "773001234567",
            lines: lines,
            replacingTrackingNumber: replacing
        )
    }

    static let success = #"{"success":true,"code":200,"message":"successful","data":{"is_success":true}}"#

    @Test func wholeOrderSendsOnlineConfirm() async throws {
        let (connector, platform) = Self.connector(answer: Self.success)
        #expect(try await connector.ship(Self.notice()) == .accepted)
        #expect(platform.requests.count == 1)
        let request = try #require(platform.requests.first)
        #expect(request.path == "/api/youzan.logistics.online.confirm/3.0.0")
        #expect(request.method == "POST")
        #expect(request.queryParameters == ["access_token": "yz-token"])
        #expect(request.jsonBody as? [String: String] == ["tid": Self.tid, "out_stype": "1", "out_sid": "773001234567"])
    }

    @Test func partialShipmentSendsOidsAndCorrectionUsesUpdate() async throws {
        let (connector, platform) = Self.connector(answer: Self.success)
        let lines = [ShippedLine(lineId: "2001", quantity: 1), ShippedLine(lineId: "2002", quantity: 3)]
        #expect(try await connector.ship(Self.notice(lines: lines)) == .accepted)
        #expect(platform.requests.last?.jsonBody["oids"] as? String == "2001,2002")
        #expect(try await connector.ship(Self.notice(replacing: "773000000000")) == .accepted)
        #expect(platform.requests.last?.path == "/api/youzan.logistics.online.update/3.0.0")
    }

    @Test func refusedBeforeAnyCallWithoutTokenOrWithANonNumericCourier() async throws {
        let (noToken, platform) = Self.connector(accessToken: nil, answer: Self.success)
        guard case .rejected("gateway-no-access-token", _) = try await noToken.ship(Self.notice()) else {
            Issue.record("no token")
            return
        }
        let (connector, other) = Self.connector(answer: Self.success)
        guard case .rejected("gateway-courier", _) = try await connector.ship(Self.notice(courierCode: "STO")) else {
            Issue.record("courier")
            return
        }
        #expect(platform.requests.isEmpty && other.requests.isEmpty)
    }

    @Test func answersAreClassified() async throws {
        let refund = try await Self.connector(answer: #"{"success":false,"code":102570039,"message":"退款中商品不支持发货"}"#).0.ship(Self.notice())
        #expect(refund == .rejected(code: "102570039", message: "退款中商品不支持发货"))
        let expired = try await Self.connector(answer: #"{"success":false,"code":40010,"message":"token expired"}"#).0.ship(Self.notice())
        #expect(expired == .transient(code: "40010", message: "token expired"))
        let already = try await Self.connector(answer: #"{"success":false,"code":101,"message":"订单已发货"}"#).0.ship(Self.notice())
        #expect(already == .alreadyShipped(message: "订单已发货"))
        let gateway = try await Self.connector(answer: #"{"gw_err_resp":{"err_code":4203,"err_msg":"invalid token"}}"#).0.ship(Self.notice())
        #expect(gateway == .rejected(code: "4203", message: "invalid token"))
        let notSuccess = try await Self.connector(answer: #"{"success":true,"data":{"is_success":false}}"#).0.ship(Self.notice())
        guard case .rejected("is_success", _) = notSuccess else {
            Issue.record("\(notSuccess)")
            return
        }
    }

    @Test func throttledHTTPIsTransientOtherHTTPErrorsThrow() async throws {
        let throttled = try await Self.connector(status: 429, answer: "slow down").0.ship(Self.notice())
        #expect(throttled == .transient(code: "http-429", message: "slow down"))
        await #expect(throws: PlatformAPIError.self) { try await Self.connector(status: 404, answer: "not found").0.ship(Self.notice()) }
    }

    @Test func unknownOutcomesThrow() async throws {
        for (status, body) in [(200, "garbage"), (502, Self.success), (200, #"{"data":{}}"#)] {
            let (connector, platform) = Self.connector(status: status, answer: body)
            await #expect(throws: PlatformAPIError.self) { try await connector.ship(Self.notice()) }
            #expect(platform.requests.count == 1)
        }
        await #expect(throws: TrackingReadBackUnavailable.self) {
            try await Self.connector(answer: "").0.shippedTrackingNumbers(platformOrderId: Self.tid)
        }
    }
}
