import Foundation

extension YouzanShopMock {
    /// The `out_stype`s of `youzan.logistics.express.get` the mock accepts (shipping.md §8b.7: only 1 申通 is seen,
    /// **[U]** the others): id, name.
    static let couriers: [(id: Int64, name: String)] = [
        (1, "申通快递"), (2, "圆通速递"), (3, "中通快递"), (4, "韵达快递"), (7, "顺丰速运"), (8, "EMS"), (11, "邮政快递包裹"), (138, "京东快递"),
        (1001, "极兔速递"),
    ]

    /// `online.confirm`: whole lines per call (`oids`), more calls later.
    static let shipRules = MockShipRules(allowsPartial: true, allowsAfterPartial: true)

    /// Ships lines through the shared bookkeeping: → `WAIT_BUYER_CONFIRM_GOODS` once everything is shipped, else
    /// `SELLER_CONSIGNED_PART` (**[U]**); both push `trade_TradeSellerShip` with the trade's new status.
    func shipParcels(
        tid: String,
        parcels: [MockParcel],
        rules: MockShipRules = YouzanShopMock.shipRules,
        at: Date
    ) throws(MockShipRefusal)
        -> YouzanPushMessage
    {
        let time = at.unixSeconds
        return try ledger.ship(tid, at: time, seconds: time, parcels: parcels, rules: rules) { trade, outcome, _, state in
            trade.status = outcome == .complete ? "WAIT_BUYER_CONFIRM_GOODS" : "SELLER_CONSIGNED_PART"
            trade.consignTime = time
            return message(&state, type: "trade_TradeSellerShip", trade: trade, extra: nil)
        }
    }

    /// Changes the courier and tracking number of the parcel holding `oid` (nil: the first parcel). No push.
    func editParcel(tid: String, oid: String?, trackingNo: String, courierCode: String, at: Date) throws(MockShipRefusal) {
        let packageId = oid.flatMap { line in ledger.order(tid)?.shipments.last { $0.lines.contains { $0.lineId == line } }?.packageId }
        if let oid, packageId == nil, ledger.order(tid)?.shipments.isEmpty == false { throw .unknownPackage(oid) }
        try ledger.editShipment(tid, at: at.unixSeconds, packageId: packageId, trackingNo: trackingNo, courierCode: courierCode) { _, _, _ in }
    }

    /// The units left of each line of a trade (for `oids`, which ship whole lines).
    func unitsLeft(tid: String) -> [String: Int] {
        guard let trade = ledger.order(tid) else { return [:] }
        return MockShopLedger<YouzanTrade, YouzanPushMessage>.unitsLeft(ledger.fullTruth(trade), shipments: trade.shipments)
    }
}
