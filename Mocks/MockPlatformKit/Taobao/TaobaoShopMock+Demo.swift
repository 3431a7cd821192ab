import Foundation

extension TaobaoShopMock {
    /// The SKUs of the demo trades (also usable by tests).
    public static let demoCatalog: [MockLineSpec] = [
        MockLineSpec(productId: "680012345001", skuId: "5100012345001", outSkuId: "LYHC-250G", title: "龙山黄茶 250g", quantity: 1, unitPriceFen: 5980),
        MockLineSpec(productId: "680012345002", skuId: "5100012345002", outSkuId: "LYHC-SAMPLE", title: "龙山黄茶 试饮装", quantity: 1, unitPriceFen: 10),
        MockLineSpec(
            productId: "680012345003",
            skuId: "5100012345003",
            outSkuId: "LYHC-1KG",
            title: "龙山黄茶 1kg 礼盒",
            quantity: 1,
            unitPriceFen: 19_207
        ),
    ]

    /// Creates one trade in each interesting state, all changed within the two minutes before `at`:
    /// `paid-59.80`, `unpaid-0.10` (`WAIT_BUYER_PAY`), `shipped-200.07` (192.07 + 8.00 postage),
    /// `partly-shipped` (`SELLER_CONSIGNED_PART`), `forbid-consign` (`PAID_FORBID_CONSIGN`), `finished`,
    /// `closed-unpaid` (`TRADE_CLOSED_BY_TAOBAO`), `closed-refunded` (`TRADE_CLOSED`), `refund-requested`.
    /// - Parameter at: the time of the last change.
    /// - Returns: each case name with its `tid`, in the order above.
    @discardableResult
    public func seedDemoOrders(at: Date = Date()) throws -> [(name: String, orderId: String)] {
        let base = at.addingTimeInterval(-120)
        func moment(_ second: Double) -> Date { base.addingTimeInterval(second) }
        let catalog = Self.demoCatalog
        var cases: [(String, String)] = []

        let paid = createTrade(lines: [catalog[0]], at: moment(0))
        try pay(orderId: paid, at: moment(5))
        cases.append(("paid-59.80", paid))

        cases.append(("unpaid-0.10", createTrade(lines: [catalog[1]], at: moment(10))))

        let shipped = createTrade(lines: [catalog[2]], postageFen: 800, at: moment(15))
        try pay(orderId: shipped, at: moment(20))
        try ship(orderId: shipped, at: moment(25))
        cases.append(("shipped-200.07", shipped))

        let partly = createTrade(lines: [catalog[0], catalog[2]], at: moment(30))
        try pay(orderId: partly, at: moment(35))
        try ship(orderId: partly, lineIds: [lineIds(orderId: partly)[0]], at: moment(40))
        cases.append(("partly-shipped", partly))

        let forbidden = createTrade(lines: [catalog[0]], at: moment(45))
        try pay(orderId: forbidden, forbidConsign: true, at: moment(50))
        cases.append(("forbid-consign", forbidden))

        let finished = createTrade(lines: [catalog[0], catalog[1]], at: moment(55))
        try pay(orderId: finished, at: moment(60))
        try ship(orderId: finished, at: moment(65))
        try finish(orderId: finished, at: moment(70))
        cases.append(("finished", finished))

        let closedUnpaid = createTrade(lines: [catalog[1]], at: moment(75))
        try close(orderId: closedUnpaid, at: moment(80))
        cases.append(("closed-unpaid", closedUnpaid))

        let closedPaid = createTrade(lines: [catalog[0]], at: moment(85))
        try pay(orderId: closedPaid, at: moment(90))
        try close(orderId: closedPaid, at: moment(95))
        cases.append(("closed-refunded", closedPaid))

        let refunding = createTrade(lines: [catalog[2]], at: moment(100))
        try pay(orderId: refunding, at: moment(105))
        try requestRefund(orderId: refunding, lineId: lineIds(orderId: refunding)[0], at: moment(110))
        cases.append(("refund-requested", refunding))
        return cases
    }
}
