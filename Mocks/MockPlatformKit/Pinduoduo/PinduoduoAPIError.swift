/// A Pinduoduo open API error answer:
/// `{"error_response":{"error_code":…,"error_msg":…,"sub_code":…,"sub_msg":…,"request_id":…}}`, sent
/// with HTTP 200.
///
/// platforms.md gives no error codes for Pinduoduo. The codes are those of Pinduoduo's published
/// gateway error table (主错误码, reproduced in public copies of its API pages): 10000 参数错误, 10001
/// 公共参数错误, 10016 client_id, 10017 type, 20004 签名, 20032 access_token, 50000 系统内部错误,
/// 50001 业务服务错误, 70031 调用过于频繁. Which code the real platform picks for a given business
/// failure (window too long, unknown order) is **[U]**: the mock uses 10000 and 50001. `sub_code` is the
/// code as a string, as the table lists it (the platform also sends `null`).
public struct PinduoduoAPIError: Error, Sendable, Equatable {
    /// `error_code`.
    public var code: Int
    /// `error_msg`.
    public var message: String
    /// `sub_code`.
    public var subCode: String
    /// `sub_msg`.
    public var subMessage: String
    /// The HTTP status of the answer (200, except an injected bare 503).
    public var httpStatus: Int

    /// Creates an error answer.
    public init(code: Int, message: String, subCode: String? = nil, subMessage: String = "", httpStatus: Int = 200) {
        self.code = code
        self.message = message
        self.subCode = subCode ?? String(code)
        self.subMessage = subMessage
        self.httpStatus = httpStatus
    }

    /// 参数错误: a business parameter is missing or invalid (also a window over 30 minutes).
    public static let parameterErrorCode = 10000
    /// 公共参数错误: a common parameter (`type`, `client_id`, `timestamp`, `sign`, `data_type`, `version`, `sign_method`) is missing or invalid.
    public static let commonParameterErrorCode = 10001
    /// client下线或者clientId不正确.
    public static let clientIdErrorCode = 10016
    /// type不正确: the API is not served.
    public static let typeErrorCode = 10017
    /// 签名sign校验失败.
    public static let signatureErrorCode = 20004
    /// access_token或client_id错误: missing, unknown, or not of this app.
    public static let accessTokenErrorCode = 20032
    /// 系统内部错误 (injected).
    public static let systemErrorCode = 50000
    /// 业务服务错误 (e.g. unknown order, stock below zero).
    public static let businessErrorCode = 50001
    /// 调用过于频繁，请调整调用频率.
    public static let frequencyLimitCode = 70031

    /// A business parameter is missing or invalid.
    public static func invalidParameter(_ name: String, _ detail: String) -> PinduoduoAPIError {
        PinduoduoAPIError(code: parameterErrorCode, message: "参数错误", subMessage: "\(name): \(detail)")
    }

    /// A common parameter is missing or invalid (`error_msg` is `公共参数错误:<name>`, as the platform writes it).
    public static func commonParameter(_ name: String, _ detail: String) -> PinduoduoAPIError {
        PinduoduoAPIError(code: commonParameterErrorCode, message: "公共参数错误:\(name)", subMessage: detail)
    }

    /// The `client_id` is unknown.
    public static func unknownClient(_ clientId: String) -> PinduoduoAPIError {
        PinduoduoAPIError(code: clientIdErrorCode, message: "client下线或者clientId不正确", subMessage: "client_id \(clientId) 不存在")
    }

    /// The `type` names an API the mock does not serve.
    public static func unknownType(_ type: String) -> PinduoduoAPIError {
        PinduoduoAPIError(code: typeErrorCode, message: "type不正确", subMessage: "type \(type) 不存在")
    }

    /// The `sign` does not match.
    public static let invalidSignature = PinduoduoAPIError(
        code: signatureErrorCode,
        message: "签名sign校验失败",
        subMessage: "sign 不正确: MD5(client_secret + 排序后的全部参数 key+value + client_secret) 大写"
    )

    /// The `access_token` is missing or not this app's token for a shop.
    public static func invalidAccessToken(_ detail: String) -> PinduoduoAPIError {
        PinduoduoAPIError(code: accessTokenErrorCode, message: "access_token或client_id错误", subMessage: detail)
    }

    /// An injected system error.
    public static let systemError = PinduoduoAPIError(code: systemErrorCode, message: "系统内部错误", subMessage: "系统内部错误，请稍后重试")

    /// An injected bare HTTP 503.
    public static let serviceUnavailable = PinduoduoAPIError(code: 503, message: "Service Unavailable", subCode: "", httpStatus: 503)

    /// A business failure.
    public static func business(_ detail: String) -> PinduoduoAPIError {
        PinduoduoAPIError(code: businessErrorCode, message: "业务服务错误", subMessage: detail)
    }

    /// The app called more often than allowed.
    public static let frequencyLimited = PinduoduoAPIError(code: frequencyLimitCode, message: "调用过于频繁，请调整调用频率", subMessage: "调用过于频繁，请调整调用频率")
}
