/// A Douyin open API error answer: `{"code":…,"msg":…,"sub_code":…,"sub_msg":…,"log_id":…,"data":{}}`.
///
/// Business errors are HTTP 200 with a non-10000 `code`, as Douyin answers them. The codes below are the
/// mock's choices where platforms.md has no verified value (**[U]**): gateways should key on `code`
/// and `sub_code` together and treat unknown codes as failures.
public struct DouyinAPIError: Error, Sendable, Equatable {
    /// The `code` (10000 is success).
    public var code: Int
    /// The `msg`.
    public var message: String
    /// The `sub_code`, e.g. `isv.signature-invalid`.
    public var subCode: String
    /// The `sub_msg`.
    public var subMessage: String
    /// The HTTP status the answer is sent with (200 except for ``serviceUnavailable``).
    public var httpStatus: Int

    /// Creates an error answer from its four texts, HTTP 200 (the one-line constants below).
    private init(_ code: Int, _ message: String, _ subCode: String, _ subMessage: String) {
        self.init(code: code, message: message, subCode: subCode, subMessage: subMessage)
    }

    /// Creates an error answer.
    public init(code: Int, message: String, subCode: String, subMessage: String, httpStatus: Int = 200) {
        self.code = code
        self.message = message
        self.subCode = subCode
        self.subMessage = subMessage
        self.httpStatus = httpStatus
    }

    /// The codes of the answers every mock API gives (the **[U]** values of the type's comment): success, parameter,
    /// signature, app key, token, frequency, business, system.
    static let codes = MockErrorCodes(10000, 40003, 40004, 30001, 30002, 50002, 50001, 50000)
    /// `code` of a successful answer.
    public static let successCode = 10000

    /// A required parameter is missing.
    public static func missingParameter(_ name: String) -> DouyinAPIError {
        DouyinAPIError(code: codes.parameter, message: "缺少参数", subCode: "isv.missing-parameter:\(name)", subMessage: "缺少参数 \(name)")
    }

    /// A parameter has an invalid value.
    public static func invalidParameter(_ name: String, _ detail: String) -> DouyinAPIError {
        DouyinAPIError(
            code: codes.parameter,
            message: "参数不合法",
            subCode: "isv.parameter-invalid:\(name)",
            subMessage: "\(name) 不合法: \(detail)"
        )
    }

    /// The `timestamp` is unparseable or more than the allowed skew away from the mock's clock.
    public static func invalidTimestamp(_ detail: String) -> DouyinAPIError {
        DouyinAPIError(code: codes.parameter, message: "参数不合法", subCode: "isv.timestamp-invalid", subMessage: detail)
    }

    /// The `sign` does not match.
    public static func invalidSignature(_ detail: String) -> DouyinAPIError {
        DouyinAPIError(code: codes.signature, message: "签名错误", subCode: "isv.signature-invalid", subMessage: detail)
    }

    /// The `app_key` is not known.
    public static func invalidAppKey(_ appKey: String) -> DouyinAPIError {
        DouyinAPIError(code: codes.appKey, message: "app_key不存在", subCode: "isv.app-key-invalid", subMessage: "app_key \(appKey) 不存在")
    }

    /// The `access_token` is unknown or was issued to another app.
    public static let invalidAccessToken = DouyinAPIError(codes.token, "access_token不合法", "isv.access-token-invalid", "access_token不存在或不合法")

    /// The `access_token` has expired; refresh it.
    public static let expiredAccessToken = DouyinAPIError(codes.token, "access_token已过期", "isv.access-token-expired", "access_token已过期，请刷新")

    /// The refresh token is unknown, used or expired.
    public static let invalidRefreshToken = DouyinAPIError(
        code: codes.token,
        message: "refresh_token不合法",
        subCode: "isv.refresh-token-invalid",
        subMessage: "refresh_token不存在、已使用或已过期"
    )

    /// The app called more often than allowed.
    public static let frequencyLimited = DouyinAPIError(codes.frequency, "调用频率超限", "isv.frequency-limited", "应用调用频率超过限制，请稍后重试")

    /// An injected system error, answered HTTP 200 in Douyin's shape.
    public static let systemError = DouyinAPIError(code: codes.system, message: "系统错误", subCode: "isp.service-error", subMessage: "服务暂不可用，请稍后重试")

    /// An injected bare HTTP 503.
    public static let serviceUnavailable = DouyinAPIError(code: 503, message: "Service Unavailable", subCode: "", subMessage: "", httpStatus: 503)

    /// The order does not exist in the shop.
    public static func orderNotFound(_ id: String) -> DouyinAPIError {
        DouyinAPIError(code: codes.business, message: "业务处理失败", subCode: "isv.business-failed:order-not-found", subMessage: "订单不存在: \(id)")
    }

    /// The method is not served by the mock.
    public static func unknownMethod(_ method: String) -> DouyinAPIError {
        DouyinAPIError(code: codes.parameter, message: "参数不合法", subCode: "isv.method-invalid", subMessage: "method \(method) 不存在")
    }
}
