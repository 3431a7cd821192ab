extension TaobaoTrade: MockStatusOrder {
    /// `tid` as text.
    var ledgerId: String { String(tid) }

    /// `modified`.
    var changedAt: Int64 {
        get { modified }
        set { modified = newValue }
    }

    /// The sub-orders' `oid`s as text.
    var lineIds: [String] { orders.map { String($0.oid) } }

    /// `trade 31… in status WAIT_BUYER_PAY`.
    var refusalSubject: String { "trade \(tid) in status \(status)" }
}
