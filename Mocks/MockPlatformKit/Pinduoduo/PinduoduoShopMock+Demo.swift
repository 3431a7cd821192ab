import Foundation

extension PinduoduoShopMock {
    /// The SKUs of the demo orders (also usable by tests).
    public static let demoCatalog: [MockLineSpec] = [
        MockLineSpec(productId: "400567001", skuId: "900567001", outSkuId: "BJPG-5KG", title: "保靖椪柑 5kg 家庭装", quantity: 1, unitPriceFen: 5980),
        MockLineSpec(productId: "400567002", skuId: "900567002", outSkuId: "BJPG-TRIAL", title: "保靖椪柑 尝鲜 1 个", quantity: 1, unitPriceFen: 10),
        MockLineSpec(productId: "400567003", skuId: "900567003", outSkuId: "BJPG-10KG", title: "保靖椪柑 10kg 整箱", quantity: 1, unitPriceFen: 19_207),
    ]

    /// Creates one order in each interesting state, all changed within the last minutes before `at`:
    /// `paid-59.8` (pay_amount 59.8), `unpaid-0.1` (0.1, confirm_status 0), `shipped-200.07` (192.07 + 8.00
    /// postage), `grouping` (paid, group forming: confirm_status 0), `group-failed`, `completed`, `cancelled`
    /// (paid, then refunded before shipment), `refund-requested`.
    /// - Parameter at: the time of the last change; the orders are spread over the two minutes before it.
    /// - Returns: each case name with its `order_sn`, in the order above.
    @discardableResult
    public func seedDemoOrders(at: Date = Date()) throws -> [(name: String, orderId: String)] {
        let base = at.addingTimeInterval(-120)
        func moment(_ second: Double) -> Date { base.addingTimeInterval(second) }
        let catalog = Self.demoCatalog
        var cases: [(String, String)] = []

        let paid = createOrder(lines: [catalog[0]], at: moment(0))
        try pay(orderId: paid, at: moment(5))
        cases.append(("paid-59.8", paid))

        let unpaid = createOrder(lines: [catalog[1]], at: moment(10))
        cases.append(("unpaid-0.1", unpaid))

        let shipped = createOrder(lines: [catalog[2]], postageFen: 800, at: moment(15))
        try pay(orderId: shipped, at: moment(20))
        try ship(orderId: shipped, at: moment(25))
        cases.append(("shipped-200.07", shipped))

        let grouping = createOrder(lines: [catalog[0]], at: moment(30))
        try pay(orderId: grouping, grouped: false, at: moment(35))
        cases.append(("grouping", grouping))

        let failed = createOrder(lines: [catalog[0]], at: moment(40))
        try pay(orderId: failed, grouped: false, at: moment(45))
        try failGroup(orderId: failed, at: moment(50))
        cases.append(("group-failed", failed))

        let completed = createOrder(lines: [catalog[0], catalog[1]], at: moment(55))
        try pay(orderId: completed, at: moment(60))
        try ship(orderId: completed, at: moment(65))
        try confirmReceipt(orderId: completed, at: moment(70))
        cases.append(("completed", completed))

        let cancelled = createOrder(lines: [catalog[0]], at: moment(75))
        try pay(orderId: cancelled, at: moment(80))
        try cancel(orderId: cancelled, at: moment(85))
        cases.append(("cancelled", cancelled))

        let refunding = createOrder(lines: [catalog[2]], at: moment(90))
        try pay(orderId: refunding, at: moment(95))
        try requestRefund(orderId: refunding, lineId: catalog[2].skuId, at: moment(100))
        cases.append(("refund-requested", refunding))
        return cases
    }
}
