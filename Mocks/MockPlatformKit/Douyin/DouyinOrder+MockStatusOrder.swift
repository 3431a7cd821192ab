extension DouyinOrder: MockStatusOrder {
    /// The shop order id.
    var ledgerId: String { orderId }

    /// `update_time`.
    var changedAt: Int64 {
        get { updateTime }
        set { updateTime = newValue }
    }

    /// The sku orders' ids.
    var lineIds: [String] { lines.map(\.orderId) }

    /// `order 40… in status 2 (备货中)`.
    var refusalSubject: String { "order \(orderId) in status \(status) (\(Self.statusDescription(status)))" }
}
