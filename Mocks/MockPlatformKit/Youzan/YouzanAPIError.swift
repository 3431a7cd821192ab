/// A Youzan Cloud API error. Business errors are HTTP 200 `{"success":false,"code":<int>,"message":…,"data":null}`
/// (**[U]** envelope, shipping.md §8b.6); gateway errors (token) are HTTP 200 `{"gw_err_resp":{"err_code":…,"err_msg":…}}`.
///
/// Codes seen in the official article: 102599996 (out_sid empty / out_stype not numeric), 102570039 (refund
/// pending). The others are the mock's choices (**[U]**, listed in `SHIPPING-CHOICES.md`).
public struct YouzanAPIError: Error, Sendable, Equatable {
    /// The code.
    public var code: Int
    /// The message.
    public var message: String
    /// Whether it is a gateway error (`gw_err_resp`) rather than a business one.
    public var gateway: Bool

    /// Creates an error.
    public init(code: Int, message: String, gateway: Bool = false) {
        self.code = code
        self.message = message
        self.gateway = gateway
    }

    /// The answer body.
    var body: JSONValue {
        if gateway { return ["gw_err_resp": ["err_code": .int(code), "err_msg": .string(message)]] }
        return ["success": false, "code": .int(code), "message": .string(message), "data": .null]
    }

    /// No or an unknown `access_token` (gateway 4201, **[U]** meaning).
    public static let invalidToken = YouzanAPIError(code: 4201, message: "access_token 不存在或已失效", gateway: true)
    /// An expired `access_token` (gateway 4203, **[U]** meaning).
    public static let expiredToken = YouzanAPIError(code: 4203, message: "access_token 已过期", gateway: true)
    /// An injected system error.
    public static let systemError = YouzanAPIError(code: 5001, message: "系统繁忙，请稍后重试", gateway: true)
    /// An injected bare HTTP 503 (the code is the status).
    public static let serviceUnavailable = YouzanAPIError(code: 503, message: "Service Unavailable", gateway: true)
    /// The frequency limit.
    public static let frequencyLimited = YouzanAPIError(code: 4005, message: "调用频率超限", gateway: true)
    /// The token call had a wrong client.
    public static let invalidClient = YouzanAPIError(code: 40001, message: "client_id 或 client_secret 错误")

    /// 102599996: `out_sid` empty or `out_stype` not a number.
    public static func badExpress(_ detail: String) -> YouzanAPIError { YouzanAPIError(code: 102_599_996, message: detail) }
    /// 102570039 退款中商品不支持发货.
    public static let refundPending = YouzanAPIError(code: 102_570_039, message: "退款中商品不支持发货")
    /// The trade is already shipped (**[U]** 102570031).
    public static let alreadyShipped = YouzanAPIError(code: 102_570_031, message: "订单已发货，不能重复发货")
    /// The trade is not paid, closed or finished (**[U]** 102570030).
    public static let wrongStatus = YouzanAPIError(code: 102_570_030, message: "订单状态不允许发货")
    /// The trade is unknown (**[U]** 102570001).
    public static func tradeNotFound(_ tid: String) -> YouzanAPIError { YouzanAPIError(code: 102_570_001, message: "订单不存在: \(tid)") }
    /// An unknown `out_stype` (**[U]** 102599997).
    public static func unknownCourier(_ id: String) -> YouzanAPIError { YouzanAPIError(code: 102_599_997, message: "快递公司不存在: \(id)") }
    /// A bad `oids` or other parameter (**[U]** 102599998).
    public static func invalidParameter(_ detail: String) -> YouzanAPIError { YouzanAPIError(code: 102_599_998, message: detail) }
    /// The injected permanent rejection (``MockShipFaults/rejections``) (**[U]** 102570050).
    public static let trackingNumberRejected = YouzanAPIError(code: 102_570_050, message: "快递单号校验不通过")
    /// An edit of an unshipped trade (**[U]** 102570032).
    public static let notShipped = YouzanAPIError(code: 102_570_032, message: "订单未发货，不能修改物流")

    /// The answer to a refusal of the shared ship bookkeeping.
    static func shipRefusal(_ refusal: MockShipRefusal) -> YouzanAPIError {
        switch refusal {
        case .unknownOrder(let tid): tradeNotFound(tid)
        case .alreadyShipped, .nothingToShip: alreadyShipped
        case .notPaid, .cancelled, .completed, .partlyShipped, .partialNotAllowed: wrongStatus
        case .refundPending: refundPending
        case .unknownLine(let oid): invalidParameter("oids 中的 \(oid) 不属于该订单")
        case .badQuantity(let oid, _): invalidParameter("oids 中的 \(oid) 已发货")
        case .notShipped: notShipped
        case .unknownPackage(let oid): invalidParameter("oids 中的 \(oid) 尚未发货")
        }
    }
}
