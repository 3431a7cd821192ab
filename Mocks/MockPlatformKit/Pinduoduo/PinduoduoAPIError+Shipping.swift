extension PinduoduoAPIError {
    /// A business refusal of `pdd.logistics.online.send`: `error_code` 50001 业务服务错误 with a `sub_code` of the
    /// mock's choosing (**[U]**: shipping.md §8b.3 found no business codes for this API).
    static func shipBusiness(_ subCode: String, _ detail: String) -> PinduoduoAPIError {
        PinduoduoAPIError(code: businessErrorCode, message: "业务服务错误", subCode: subCode, subMessage: detail)
    }

    /// A `logistics_id` not in the courier list (or not available).
    static func unknownLogisticsId(_ id: String) -> PinduoduoAPIError {
        shipBusiness("logistics.company-unsupported", "快递公司不支持，发货时必须入参支持的快递公司id: \(id)")
    }

    /// The injected permanent rejection (``MockShipFaults/rejections``).
    static let trackingNumberRejected = shipBusiness("logistics.tracking-number-invalid", "运单号不符合规则")

    /// The answer to a refusal of the shared ship bookkeeping.
    static func shipRefusal(_ refusal: MockShipRefusal) -> PinduoduoAPIError {
        switch refusal {
        case .unknownOrder(let id): business("订单不存在: \(id)")
        case .alreadyShipped, .nothingToShip, .partlyShipped: shipBusiness("order.shipped", "订单已发货，不能重复发货（修改物流请传 redelivery_type=2）")
        case .notPaid: shipBusiness("order.not-paid", "订单未成交（未支付或未成团），不能发货")
        case .cancelled: shipBusiness("order.cancelled", "订单已取消，不能发货")
        case .completed: shipBusiness("order.received", "订单已签收，不能发货")
        case .refundPending: shipBusiness("order.refunding", "订单售后处理中，不能发货")
        case .partialNotAllowed, .unknownLine, .badQuantity: shipBusiness("order.partial-ship", "拼多多只支持整单发货")
        case .notShipped, .unknownPackage: shipBusiness("order.not-shipped", "订单未发货，不能修改物流（redelivery_type=2 仅限已发货订单）")
        }
    }
}
