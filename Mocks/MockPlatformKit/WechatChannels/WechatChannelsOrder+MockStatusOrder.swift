extension WechatChannelsOrder: MockStatusOrder {
    /// `order_id`.
    var ledgerId: String { orderId }

    /// `update_time`.
    var changedAt: Int64 {
        get { updateTime }
        set { updateTime = newValue }
    }

    /// The products' `sku_id`s.
    var lineIds: [String] { products.map(\.skuId) }

    /// `order 3705… in status 10`.
    var refusalSubject: String { "order \(orderId) in status \(status)" }
}
