extension YouzanTrade: MockStatusOrder {
    /// `tid`.
    var ledgerId: String { tid }

    /// `updated`.
    var changedAt: Int64 {
        get { updated }
        set { updated = newValue }
    }

    /// The `oid`s.
    var lineIds: [String] { lines.map(\.oid) }

    /// `trade E… in status WAIT_BUYER_PAY`.
    var refusalSubject: String { "trade \(tid) in status \(status)" }
}
