extension WechatChannelsAPIError {
    /// 109001 当前订单已经发货完成,不能重复发货 (shipping.md §8b.5).
    public static let alreadyShipped = WechatChannelsAPIError(errcode: 109001, errmsg: "当前订单已经发货完成,不能重复发货")
    /// 101100 订单状态错误,不允许执行此操作: unpaid, cancelled or completed orders, edits of unshipped orders (**[U]**).
    public static let wrongOrderStatus = WechatChannelsAPIError(errcode: 101100, errmsg: "订单状态错误,不允许执行此操作")
    /// 108009 订单在售后中,不允许发货 (the 小商店 code, **[U]** for Channels).
    public static let afterSalePending = WechatChannelsAPIError(errcode: 108009, errmsg: "订单在售后中,不允许发货")
    /// The injected permanent rejection (``MockShipFaults/rejections``): 109000 发货失败 (**[U]**).
    public static let deliveryFailed = WechatChannelsAPIError(errcode: 109000, errmsg: "发货失败: 快递单号校验不通过")

    /// A `delivery_id` not in the courier list (40097 invalid args, **[U]**).
    public static func unknownCourier(_ id: String) -> WechatChannelsAPIError {
        invalidArgs("delivery_id \(id) is not a known delivery company")
    }

    /// The answer to a refusal of the shared ship bookkeeping.
    static func shipRefusal(_ refusal: MockShipRefusal) -> WechatChannelsAPIError {
        switch refusal {
        case .unknownOrder(let id): orderNotFound(id)
        case .alreadyShipped, .nothingToShip: alreadyShipped
        case .notPaid, .cancelled, .completed, .partlyShipped, .partialNotAllowed, .notShipped: wrongOrderStatus
        case .refundPending: afterSalePending
        case .unknownLine(let line): invalidArgs("sku_id \(line) is not in the order")
        case .badQuantity(let line, let left): invalidArgs("product_cnt of sku_id \(line) must be 1…\(left)")
        case .unknownPackage(let index): invalidArgs("delivery_list[\(index)] has no parcel to update")
        }
    }
}
