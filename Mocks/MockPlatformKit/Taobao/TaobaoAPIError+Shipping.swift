extension TaobaoAPIError {
    /// A ship API business error: `code` 15 `Remote service error` with `sub_code`
    /// `isv.logistics-offline-service-error:<suffix>` (shipping.md §8b.4).
    public static func logisticsError(_ suffix: String, _ message: String) -> TaobaoAPIError {
        TaobaoAPIError(
            code: remoteServiceErrorCode,
            message: "Remote service error",
            subCode: "isv.logistics-offline-service-error:\(suffix)",
            subMessage: message
        )
    }

    /// B04: the trade is already shipped or closed, "不能重复发货".
    public static let alreadyConsigned = logisticsError("B04", "订单状态不对该物流订单已经发货或者已关闭，不能重复发货")

    /// The injected permanent rejection (``MockShipFaults/rejections``): B60, the tracking number fails the rule.
    public static let trackingNumberRejected = logisticsError("B60", "运单号不符合规则或已经被使用")

    /// B56: the company code is not a known courier.
    public static func unknownCompany(_ code: String) -> TaobaoAPIError {
        logisticsError("B56", "物流公司不存在: \(code)")
    }

    /// CD19 (on `consign.resend`): the trade is not shipped yet.
    public static let notConsigned = TaobaoAPIError(
        code: remoteServiceErrorCode,
        message: "Remote service error",
        subCode: "isv.logistics-update-company-or-mailno-error:CD19",
        subMessage: "订单未发货,请先发货后再修改"
    )

    /// The answer to a refusal of the shared ship bookkeeping (**[U]** where shipping.md has no code: unpaid B55,
    /// refund pending B55, sub_tid errors P38).
    static func shipRefusal(_ refusal: MockShipRefusal) -> TaobaoAPIError {
        switch refusal {
        case .unknownOrder(let id): logisticsError("B01", "订单不存在: \(id)")
        case .alreadyShipped, .cancelled, .completed, .nothingToShip, .partlyShipped: alreadyConsigned
        case .notPaid: logisticsError("B55", "订单状态不对: 买家未付款，不能发货")
        case .refundPending(let line): logisticsError("B55", "订单状态不对: 子订单 \(line) 退款中，不能发货")
        case .unknownLine(let line): logisticsError("P38", "sub_tid \(line) 不属于该交易")
        case .badQuantity(let line, _): logisticsError("P38", "sub_tid \(line) 已发货")
        case .partialNotAllowed: logisticsError("P38", "拆单发货须传 is_split=1 与 sub_tid")
        case .notShipped: notConsigned
        case .unknownPackage(let line): logisticsError("P38", "sub_tid \(line) 尚未发货")
        }
    }
}
