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

    /// Creates an error answer.
    public init(code: Int, message: String, subCode: String, subMessage: String, httpStatus: Int = 200) {
        self.code = code
        self.message = message
        self.subCode = subCode
        self.subMessage = subMessage
        self.httpStatus = httpStatus
    }

    /// `code` of a successful answer.
    public static let successCode = 10000
    /// `code` for a missing or malformed parameter (also an out-of-window `timestamp`, an oversize `size`).
    public static let parameterErrorCode = 40003
    /// `code` for a wrong `sign` (or, in strict mode, a non-canonical `param_json`).
    public static let signatureErrorCode = 40004
    /// `code` for an unknown `app_key`.
    public static let appKeyErrorCode = 30001
    /// `code` for a missing, unknown or expired `access_token` or refresh token.
    public static let tokenErrorCode = 30002
    /// `code` for the per-app frequency limit.
    public static let frequencyLimitCode = 50002
    /// `code` for a business failure such as an unknown order.
    public static let businessErrorCode = 50001
    /// `code` for an injected system error.
    public static let systemErrorCode = 50000

    /// A required parameter is missing.
    public static func missingParameter(_ name: String) -> DouyinAPIError {
        DouyinAPIError(code: parameterErrorCode, message: "缺少参数", subCode: "isv.missing-parameter:\(name)", subMessage: "缺少参数 \(name)")
    }

    /// A parameter has an invalid value.
    public static func invalidParameter(_ name: String, _ detail: String) -> DouyinAPIError {
        DouyinAPIError(
            code: parameterErrorCode,
            message: "参数不合法",
            subCode: "isv.parameter-invalid:\(name)",
            subMessage: "\(name) 不合法: \(detail)"
        )
    }

    /// The `timestamp` is unparseable or more than the allowed skew away from the mock's clock.
    public static func invalidTimestamp(_ detail: String) -> DouyinAPIError {
        DouyinAPIError(code: parameterErrorCode, message: "参数不合法", subCode: "isv.timestamp-invalid", subMessage: detail)
    }

    /// The `sign` does not match.
    public static func invalidSignature(_ detail: String) -> DouyinAPIError {
        DouyinAPIError(code: signatureErrorCode, message: "签名错误", subCode: "isv.signature-invalid", subMessage: detail)
    }

    /// The `app_key` is not known.
    public static func invalidAppKey(_ appKey: String) -> DouyinAPIError {
        DouyinAPIError(code: appKeyErrorCode, message: "app_key不存在", subCode: "isv.app-key-invalid", subMessage: "app_key \(appKey) 不存在")
    }

    /// The `access_token` is unknown or was issued to another app.
    public static let invalidAccessToken = DouyinAPIError(
        code: tokenErrorCode,
        message: "access_token不合法",
        subCode: "isv.access-token-invalid",
        subMessage: "access_token不存在或不合法"
    )

    /// The `access_token` has expired; refresh it.
    public static let expiredAccessToken = DouyinAPIError(
        code: tokenErrorCode,
        message: "access_token已过期",
        subCode: "isv.access-token-expired",
        subMessage: "access_token已过期，请刷新"
    )

    /// The refresh token is unknown, used or expired.
    public static let invalidRefreshToken = DouyinAPIError(
        code: tokenErrorCode,
        message: "refresh_token不合法",
        subCode: "isv.refresh-token-invalid",
        subMessage: "refresh_token不存在、已使用或已过期"
    )

    /// The app called more often than allowed.
    public static let frequencyLimited = DouyinAPIError(
        code: frequencyLimitCode,
        message: "调用频率超限",
        subCode: "isv.frequency-limited",
        subMessage: "应用调用频率超过限制，请稍后重试"
    )

    /// An injected system error, answered HTTP 200 in Douyin's shape.
    public static let systemError = DouyinAPIError(
        code: systemErrorCode,
        message: "系统错误",
        subCode: "isp.service-error",
        subMessage: "服务暂不可用，请稍后重试"
    )

    /// An injected bare HTTP 503.
    public static let serviceUnavailable = DouyinAPIError(
        code: 503,
        message: "Service Unavailable",
        subCode: "",
        subMessage: "",
        httpStatus: 503
    )

    /// The order does not exist in the shop.
    public static func orderNotFound(_ id: String) -> DouyinAPIError {
        DouyinAPIError(code: businessErrorCode, message: "业务处理失败", subCode: "isv.business-failed:order-not-found", subMessage: "订单不存在: \(id)")
    }

    /// The method is not served by the mock.
    public static func unknownMethod(_ method: String) -> DouyinAPIError {
        DouyinAPIError(code: parameterErrorCode, message: "参数不合法", subCode: "isv.method-invalid", subMessage: "method \(method) 不存在")
    }
}
