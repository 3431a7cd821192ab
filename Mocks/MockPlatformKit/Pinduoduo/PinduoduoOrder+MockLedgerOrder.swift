extension PinduoduoOrder: MockLedgerOrder {
    /// `order_sn`.
    var ledgerId: String { orderSn }

    /// `updated_at`.
    var changedAt: Int64 {
        get { updatedAt }
        set { updatedAt = newValue }
    }

    /// The items' line ids.
    var lineIds: [String] { items.map(\.lineId) }

    /// `order 250101-… (order_status=1,…)`.
    var refusalSubject: String { "order \(orderSn) (\(platformStatus))" }
}
