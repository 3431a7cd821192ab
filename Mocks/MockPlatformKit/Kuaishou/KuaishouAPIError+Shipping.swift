extension KuaishouAPIError {
    /// The `result` of a shipping-rule interception (K1009: "error code 11", shipping.md §8b.2).
    public static let interceptionResult = 11

    /// A shipping-rule interception (`result` 11) with the official table's message.
    public static func intercepted(_ message: String) -> KuaishouAPIError {
        KuaishouAPIError(result: interceptionResult, code: "11", message: message, subCode: "deliver.intercepted")
    }

    /// An `expressCode` not in the published table: 快递公司不存在.
    public static func unknownExpressCode(_ code: String) -> KuaishouAPIError {
        intercepted("快递公司不存在: expressCode \(code)")
    }

    /// The injected permanent rejection (``MockShipFaults/rejections``): 运单号和物流公司不匹配.
    public static let trackingNumberMismatch = intercepted("运单号和物流公司不匹配")

    /// A business refusal of a ship call (`result` 2007, **[U]** sub-codes).
    static func shipBusiness(_ subCode: String, _ message: String) -> KuaishouAPIError {
        KuaishouAPIError(result: codes.business, code: "803000", message: message, subCode: subCode)
    }

    /// The answer to a refusal of the shared ship bookkeeping (**[U]**: Kuaishou documents no codes for these).
    static func shipRefusal(_ refusal: MockShipRefusal) -> KuaishouAPIError {
        switch refusal {
        case .unknownOrder(let id): business("订单不存在: \(id)")
        case .alreadyShipped, .nothingToShip: shipBusiness("order.delivered", "订单已发货，不能重复发货")
        case .notPaid, .cancelled, .completed, .notShipped: shipBusiness("order.status", "订单状态不允许此操作")
        case .partlyShipped, .partialNotAllowed: shipBusiness("order.partly-delivered", "只支持整单发货，请使用拆单发货接口")
        case .refundPending: shipBusiness("order.refunding", "订单存在售后，不允许发货")
        case .unknownLine(let line): invalidParameter("oid", "\(line) 不属于该订单")
        case .badQuantity(let line, let left): invalidParameter("deliveryNum", "\(line) 可发货数量为 \(left)")
        case .unknownPackage(let id): invalidParameter("logisticsId", "包裹 \(id) 不存在")
        }
    }
}
