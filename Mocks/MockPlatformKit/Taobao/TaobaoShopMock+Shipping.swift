import Foundation

extension TaobaoShopMock {
    /// The `company_code`s of `taobao.logistics.companies.get` the mock accepts (shipping.md §8b.7; `JD`, `JT`
    /// and `OTHER` are **[U]**): code, name.
    static let couriers: [(code: String, name: String)] = [
        ("SF", "顺丰速运"), ("ZTO", "中通快递"), ("YTO", "圆通速递"), ("YUNDA", "韵达快递"), ("STO", "申通快递"), ("JD", "京东配送"),
        ("EMS", "EMS"), ("POSTB", "邮政快递包裹"), ("JT", "极兔速递"), ("ZJS", "宅急送"), ("HTKY", "百世快递"), ("OTHER", "其他"),
    ]

    /// Ships whole sub-orders in one parcel (`lineIds` nil: every sub-order left): those become
    /// `WAIT_BUYER_CONFIRM_GOODS`; the trade `SELLER_CONSIGNED_PART` while others wait, else `WAIT_BUYER_CONFIRM_GOODS`.
    func shipLines(
        orderId: String,
        lineIds: [String]?,
        trackingNo: String,
        companyCode: String,
        rules: MockShipRules = MockShipRules(allowsPartial: true, allowsAfterPartial: true),
        at: Date
    ) throws(MockShipRefusal) {
        let time = at.unixSeconds
        var lines: [MockShippedLine]?
        if let lineIds, let trade = ledger.order(orderId) {
            let left = MockShopLedger<TaobaoTrade, Never>.unitsLeft(ledger.fullTruth(trade), shipments: trade.shipments)
            lines = lineIds.map { MockShippedLine(lineId: $0, quantity: left[$0] ?? 0) }
        }
        let parcel = MockParcel(trackingNo: trackingNo, courierCode: companyCode, lines: lines)
        try ledger.ship(orderId, at: time, seconds: time, parcels: [parcel], rules: rules) { trade, outcome, recorded, _ in
            let shipped = Set(recorded.flatMap { $0.lines.map(\.lineId) })
            for position in trade.orders.indices where shipped.contains(String(trade.orders[position].oid)) {
                trade.orders[position].status = "WAIT_BUYER_CONFIRM_GOODS"
            }
            trade.status = outcome == .complete ? "WAIT_BUYER_CONFIRM_GOODS" : "SELLER_CONSIGNED_PART"
            if trade.consignTime == nil || outcome == .complete { trade.consignTime = time }
        }
    }

    /// `taobao.logistics.consign.resend`: changes the courier and tracking number of the parcel holding `lineId`
    /// (nil: the first parcel).
    func resend(orderId: String, lineId: String?, trackingNo: String, companyCode: String, at: Date) throws(MockShipRefusal) {
        let packageId = lineId.flatMap { line in ledger.order(orderId)?.shipments.last { $0.lines.contains { $0.lineId == line } }?.packageId }
        if let lineId, packageId == nil, ledger.order(orderId)?.shipments.isEmpty == false { throw .unknownPackage(lineId) }
        try ledger.editShipment(orderId, at: at.unixSeconds, packageId: packageId, trackingNo: trackingNo, courierCode: companyCode) { _, _, _ in }
    }
}
