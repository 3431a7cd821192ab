/// A Taobao TOP error answer:
/// `{"error_response":{"code":…,"msg":…,"sub_code":…,"sub_msg":…,"request_id":…}}`, sent with HTTP 200
/// (`sub_code`/`sub_msg` only when there is one, as TOP leaves them out).
///
/// platforms.md gives no TOP error codes. The mock uses TOP's well-known platform-level codes: 25
/// `Invalid signature` and 27 `Invalid session` (sub_code `invalid-sessionkey`) as seen in public
/// captures, and from TOP's published table (**[U]** in this repository's sources) 7 `App Call Limited`,
/// 15 `Remote service error`, 21/22 method, 23 format, 24 signature missing, 26 session missing, 28/29
/// app key, 30/31 timestamp, 32/33/34 version, 40 `Missing required arguments`, 41 `Invalid arguments`.
public struct TaobaoAPIError: Error, Sendable, Equatable {
    /// `code`.
    public var code: Int
    /// `msg`.
    public var message: String
    /// `sub_code`, empty when absent.
    public var subCode: String
    /// `sub_msg`, empty when absent.
    public var subMessage: String
    /// The HTTP status of the answer (200, except an injected bare 503).
    public var httpStatus: Int

    /// Creates an error answer from its four texts, HTTP 200 (the one-line constants below).
    private init(_ code: Int, _ message: String, _ subCode: String, _ subMessage: String) {
        self.init(code: code, message: message, subCode: subCode, subMessage: subMessage)
    }

    /// Creates an error answer.
    public init(code: Int, message: String, subCode: String = "", subMessage: String = "", httpStatus: Int = 200) {
        self.code = code
        self.message = message
        self.subCode = subCode
        self.subMessage = subMessage
        self.httpStatus = httpStatus
    }

    /// App Call Limited.
    public static let appCallLimitedCode = 7
    /// Remote service error (injected system errors, unknown trade).
    public static let remoteServiceErrorCode = 15
    /// Missing method.
    public static let missingMethodCode = 21
    /// Invalid method.
    public static let invalidMethodCode = 22
    /// Invalid format.
    public static let invalidFormatCode = 23
    /// Missing signature.
    public static let missingSignatureCode = 24
    /// Invalid signature.
    public static let invalidSignatureCode = 25
    /// Missing session.
    public static let missingSessionCode = 26
    /// Invalid session.
    public static let invalidSessionCode = 27
    /// Missing app key.
    public static let missingAppKeyCode = 28
    /// Invalid app key.
    public static let invalidAppKeyCode = 29
    /// Missing timestamp.
    public static let missingTimestampCode = 30
    /// Invalid timestamp (unreadable, or more than the tolerance off).
    public static let invalidTimestampCode = 31
    /// Missing version.
    public static let missingVersionCode = 32
    /// Unsupported version.
    public static let unsupportedVersionCode = 34
    /// Missing required arguments.
    public static let missingArgumentsCode = 40
    /// Invalid arguments (also a window over one day, a bad page size).
    public static let invalidArgumentsCode = 41

    /// A required API parameter is missing.
    public static func missingArgument(_ name: String) -> TaobaoAPIError {
        TaobaoAPIError(
            code: missingArgumentsCode,
            message: "Missing required arguments:\(name)",
            subCode: "isv.missing-parameter:\(name)",
            subMessage: "缺少必选参数 \(name)"
        )
    }

    /// An API parameter is invalid.
    public static func invalidArgument(_ name: String, _ detail: String) -> TaobaoAPIError {
        TaobaoAPIError(
            code: invalidArgumentsCode,
            message: "Invalid arguments:\(name)",
            subCode: "isv.invalid-parameter:\(name)",
            subMessage: detail
        )
    }

    /// The `sign` does not match.
    public static let invalidSignature = TaobaoAPIError(code: invalidSignatureCode, message: "Invalid signature")

    /// The `session` is not the shop's session key.
    public static let invalidSession = TaobaoAPIError(invalidSessionCode, "Invalid session", "invalid-sessionkey", "SessionKey非法")

    /// The app called more often than allowed.
    public static let appCallLimited = TaobaoAPIError(
        code: appCallLimitedCode,
        message: "App Call Limited",
        subCode: "accesscontrol.limited-by-app-access-count",
        subMessage: "This ban will last for 1 more seconds"
    )

    /// An injected system error.
    public static let systemError = TaobaoAPIError(remoteServiceErrorCode, "Remote service error", "isp.service-error", "服务暂不可用，请稍后重试")

    /// An injected bare HTTP 503.
    public static let serviceUnavailable = TaobaoAPIError(code: 503, message: "Service Unavailable", httpStatus: 503)

    /// The trade does not exist in the shop.
    public static func tradeNotFound(_ tid: String) -> TaobaoAPIError {
        TaobaoAPIError(code: remoteServiceErrorCode, message: "Remote service error", subCode: "isv.trade-not-exist", subMessage: "交易不存在: \(tid)")
    }
}
