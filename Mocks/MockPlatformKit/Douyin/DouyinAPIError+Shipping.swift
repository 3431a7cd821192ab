extension DouyinAPIError {
    /// `code` of the ship APIs' business failures (`isv.business-failed:*`, shipping.md §8b.1).
    public static let shipBusinessCode = 50002
    /// `code` of the ship APIs' missing parameters (`isv.missing-parameter:*`).
    public static let shipMissingCode = 40002

    /// A ship API business failure: `code` 50002, `sub_code` `isv.business-failed:<number>`.
    public static func shipFailure(_ number: String, _ message: String) -> DouyinAPIError {
        DouyinAPIError(code: shipBusinessCode, message: "业务处理失败", subCode: "isv.business-failed:\(number)", subMessage: message)
    }

    /// `company_code` is missing (`isv.missing-parameter:60083`; `logistics_id` is deprecated).
    public static let missingCompanyCode = DouyinAPIError(
        code: shipMissingCode,
        message: "缺少必选参数",
        subCode: "isv.missing-parameter:60083",
        subMessage: "company_code 不能为空（logistics_id 已废弃）"
    )

    /// The courier is not in the shop's list (`60018`).
    public static func unknownCourier(_ code: String) -> DouyinAPIError {
        shipFailure("60018", "暂不支持该物流公司或物流商已失效: \(code)")
    }

    /// The injected permanent rejection (``MockShipFaults/rejections``): `60017` 物流单号不符合规则.
    public static let trackingNumberRejected = shipFailure("60017", "物流单号不符合规则")

    /// The answer to a refusal of the shared ship bookkeeping.
    /// - Parameter multiPack: whether the call was `order.logisticsAddMultiPack` (already shipped is `70023` there).
    static func shipRefusal(_ refusal: MockShipRefusal, multiPack: Bool = false) -> DouyinAPIError {
        switch refusal {
        case .unknownOrder(let id): shipFailure("60033", "订单不存在: \(id)")
        case .notPaid: shipFailure("60137", "订单未支付，禁止发货")
        case .cancelled: shipFailure("60021", "订单已取消，禁止发货")
        case .alreadyShipped: multiPack ? shipFailure("70023", "已发货/没有能发货的订单") : shipFailure("60110", "订单已发货，不允许再次执行发货")
        case .completed: shipFailure("60113", "订单已完结，禁止发货")
        case .partlyShipped: shipFailure("partly-shipped", "该订单当前为“部分发货”状态，无法调用此接口")
        case .refundPending(let line): shipFailure("60040", "发货订单中有退款申请需要处理: \(line)")
        case .unknownLine(let line): invalidParameter("shipped_order_id", "子订单 \(line) 不属于该订单")
        case .badQuantity(let line, let left): invalidParameter("shipped_num", "子订单 \(line) 可发货数量为 \(left)")
        case .partialNotAllowed: shipFailure("partly-shipped", "暂时只支持整单出库")
        case .nothingToShip: multiPack ? shipFailure("70023", "已发货/没有能发货的订单") : shipFailure("60110", "没有能发货的订单")
        case .notShipped: shipFailure("order-not-shipped", "订单未发货，不能修改物流")
        case .unknownPackage(let id): invalidParameter("pack_id", "包裹 \(id) 不存在")
        }
    }
}
