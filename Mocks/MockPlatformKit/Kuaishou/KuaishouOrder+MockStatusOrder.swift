extension KuaishouOrder: MockStatusOrder {
    /// `oid`.
    var ledgerId: String { oid }

    /// `updateTime`, milliseconds.
    var changedAt: Int64 {
        get { updateTime }
        set { updateTime = newValue }
    }

    /// The items' `skuId`s.
    var lineIds: [String] { items.map(\.skuId) }

    /// `order 92… in status 10`.
    var refusalSubject: String { "order \(oid) in status \(status)" }
}
