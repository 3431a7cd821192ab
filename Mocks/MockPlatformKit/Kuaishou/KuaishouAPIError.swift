/// A Kuaishou open API error answer, HTTP 200 with
/// `{"result":<code ≠ 1>,"code":"…","msg":"…","error_msg":"…","sub_code":"…","sub_msg":"…","request_id":"…"}`.
///
/// platforms.md §2.2 verifies `result` (1 = success) and one captured error (`result` 2001, `code` 807000,
/// "endTime无效"); every other `result` value below is the mock's choice (**[U]**). Gateways should treat any
/// `result` other than 1 as a failure and read `error_msg`. The error fields are sent in snake_case (the form
/// the Kuaishou token endpoint and the Python SDK use; platforms.md names them in Java's camelCase).
public struct KuaishouAPIError: Error, Sendable, Equatable {
    /// `result`.
    public var result: Int
    /// `code`.
    public var code: String
    /// `error_msg` (also `msg`).
    public var message: String
    /// `sub_code`.
    public var subCode: String
    /// The HTTP status (200 except for ``serviceUnavailable``).
    public var httpStatus: Int

    /// Creates an error answer.
    public init(result: Int, code: String, message: String, subCode: String, httpStatus: Int = 200) {
        self.result = result
        self.code = code
        self.message = message
        self.subCode = subCode
        self.httpStatus = httpStatus
    }

    /// The `result`s of the answers every mock API gives (2001 verified, the others **[U]**): success, parameter,
    /// signature, app key, token, frequency, business, system.
    static let codes = MockErrorCodes(1, 2001, 2002, 2003, 2004, 2006, 2007, 2008)
    /// `result` of a successful answer.
    public static let successResult = 1

    /// A required parameter is missing.
    public static func missingParameter(_ name: String) -> KuaishouAPIError {
        KuaishouAPIError(result: codes.parameter, code: "807000", message: "缺少参数\(name)", subCode: "missing.\(name)")
    }

    /// A parameter is invalid (e.g. `endTime无效`).
    public static func invalidParameter(_ name: String, _ detail: String) -> KuaishouAPIError {
        KuaishouAPIError(result: codes.parameter, code: "807000", message: "\(name)无效: \(detail)", subCode: "invalid.\(name)")
    }

    /// The `sign` does not match.
    public static let invalidSignature = KuaishouAPIError(result: codes.signature, code: "802002", message: "签名验证失败", subCode: "invalid.sign")

    /// The `appkey` is unknown (or the app secret does not match, for token calls).
    public static func invalidApp(_ detail: String) -> KuaishouAPIError {
        KuaishouAPIError(result: codes.appKey, code: "802003", message: "应用不存在或密钥错误: \(detail)", subCode: "invalid.appkey")
    }

    /// The `access_token` is unknown or belongs to another app.
    public static let invalidAccessToken = KuaishouAPIError(
        result: codes.token,
        code: "802004",
        message: "access_token无效",
        subCode: "invalid.access_token"
    )

    /// The `access_token` expired; refresh it.
    public static let expiredAccessToken = KuaishouAPIError(
        result: codes.token,
        code: "802005",
        message: "access_token已过期",
        subCode: "expired.access_token"
    )

    /// The refresh token is unknown, used or expired.
    public static let invalidRefreshToken = KuaishouAPIError(
        result: codes.token,
        code: "802006",
        message: "refresh_token无效",
        subCode: "invalid.refresh_token"
    )

    /// The app called more often than allowed.
    public static let frequencyLimited = KuaishouAPIError(result: codes.frequency, code: "802006", message: "调用频率超过限制", subCode: "limit.frequency")

    /// An injected system error (HTTP 200, Kuaishou's shape).
    public static let systemError = KuaishouAPIError(result: codes.system, code: "800000", message: "系统繁忙，请稍后重试", subCode: "system.busy")

    /// An injected bare HTTP 503.
    public static let serviceUnavailable = KuaishouAPIError(result: 503, code: "503", message: "Service Unavailable", subCode: "", httpStatus: 503)

    /// A business failure.
    public static func business(_ detail: String) -> KuaishouAPIError {
        KuaishouAPIError(result: codes.business, code: "803000", message: detail, subCode: "biz.failed")
    }

    /// The method is not served or does not match the path.
    public static func unknownMethod(_ method: String) -> KuaishouAPIError {
        KuaishouAPIError(result: codes.parameter, code: "807000", message: "method无效: \(method)", subCode: "invalid.method")
    }
}
