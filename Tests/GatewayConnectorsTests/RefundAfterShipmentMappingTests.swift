import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Pinduoduo and Taobao close an order refunded after its goods were sent as `cancelled`: the mapping
/// marks such refunded lines ``GatewayCore/OrderLine/refundedAfterShipment`` so the planner consumes
/// their stock instead of releasing it (issue #11).
@Suite struct RefundAfterShipmentMappingTests {
    func pinduoduo(_ json: String) throws -> OrderSnapshot {
        try PinduoduoMapping.snapshot(JSONDecoder().decode(PinduoduoOrder.self, from: Data(json.utf8)))
    }

    @Test func pinduoduoRefundAfterShipmentIsMarkedOnEveryLine() throws {
        // 已发货待签收 and 退款成功: cancelled, refunded, and the goods had left.
        let shipped = try pinduoduo(PinduoduoConnectorTests.orderJSON(sn: "1", status: 2, refund: 4))
        #expect(shipped.status == .cancelled)
        #expect(shipped.lines.allSatisfy { $0.refundState == .refunded && $0.refundedAfterShipment })
        // 已签收 and refunded: the same.
        let received = try pinduoduo(PinduoduoConnectorTests.orderJSON(sn: "2", status: 3, refund: 4))
        #expect(received.lines.allSatisfy { $0.refundedAfterShipment })
        // 待发货 but a ship time is known: the goods were sent.
        let withShipTime = try pinduoduo(
            PinduoduoConnectorTests.orderJSON(sn: "3", status: 1, refund: 4)
                .replacingOccurrences(of: "\"pay_time\"", with: "\"shipping_time\":\"2025-11-29 16:00:00\",\"pay_time\"")
        )
        #expect(withShipTime.lines.allSatisfy { $0.refundedAfterShipment })
    }

    @Test func pinduoduoRefundBeforeShipmentOrWithoutRefundIsNotMarked() throws {
        let beforeShipment = try pinduoduo(PinduoduoConnectorTests.orderJSON(sn: "4", status: 1, refund: 4))
        #expect(beforeShipment.status == .cancelled)
        #expect(beforeShipment.lines.allSatisfy { $0.refundState == .refunded && !$0.refundedAfterShipment })
        let shippedNoRefund = try pinduoduo(PinduoduoConnectorTests.orderJSON(sn: "5", status: 2, refund: 1))
        #expect(shippedNoRefund.lines.allSatisfy { !$0.refundedAfterShipment })
        let refundPending = try pinduoduo(PinduoduoConnectorTests.orderJSON(sn: "6", status: 2, refund: 3))
        #expect(refundPending.lines.allSatisfy { $0.refundState == .requested && !$0.refundedAfterShipment })
    }

    /// A closed trade with two lines: one refunded, one not.
    func taobao(status: String, consignTime: String?, lineStatus: String = "TRADE_CLOSED") throws -> OrderSnapshot {
        let consign = consignTime.map { "\"consign_time\":\"\($0)\"," } ?? ""
        let json = """
            {"tid":4123456789012345678,"tid_str":"4123456789012345678","status":"\(status)","type":"fixed",\
            "created":"2025-11-29 14:58:00","modified":"2025-11-30 10:00:00","pay_time":"2025-11-29 14:59:00",\(consign)\
            "payment":"64.80","total_fee":"59.80","post_fee":"5.00","receiver_state":"四川省",\
            "orders":{"order":[\
            {"oid":11,"oid_str":"11","num_iid":652345678901,"sku_id":4711,"title":"会理脐橙","num":1,"payment":"29.90",\
            "status":"\(lineStatus)","refund_status":"SUCCESS"},\
            {"oid":12,"oid_str":"12","num_iid":652345678901,"sku_id":4712,"title":"会理脐橙","num":1,"payment":"29.90",\
            "status":"\(lineStatus)","refund_status":"NO_REFUND"}]}}
            """
        return try TaobaoMapping.snapshot(JSONDecoder().decode(TaobaoTrade.self, from: Data(json.utf8)))
    }

    @Test func taobaoTradeClosedAfterTheGoodsWereSentMarksItsRefundedLines() throws {
        let closed = try taobao(status: "TRADE_CLOSED", consignTime: "2025-11-29 18:00:00")
        #expect(closed.status == .cancelled)
        #expect(closed.lines.map(\.refundState) == [.refunded, .none])
        #expect(closed.lines.map(\.refundedAfterShipment) == [true, false])
        // Shipped (and refunded while shipped): marked too, though the status already says shipped.
        let shipped = try taobao(status: "WAIT_BUYER_CONFIRM_GOODS", consignTime: nil, lineStatus: "WAIT_BUYER_CONFIRM_GOODS")
        #expect(shipped.lines.map(\.refundedAfterShipment) == [true, false])
    }

    @Test func taobaoTradeClosedBeforeShipmentIsNotMarked() throws {
        let closed = try taobao(status: "TRADE_CLOSED", consignTime: nil)
        #expect(closed.status == .cancelled)
        #expect(closed.lines.map(\.refundedAfterShipment) == [false, false])
    }
}
