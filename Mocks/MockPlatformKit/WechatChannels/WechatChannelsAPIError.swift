/// A WeChat API error answer: HTTP 200 with `{"errcode":…,"errmsg":"… rid: …"}`.
///
/// The token and credential codes are WeChat's published ones (40001 invalid credential, 40002 invalid
/// grant_type, 40013 invalid appid, 41001/41002/41004 missing access_token/appid/secret, 42001 expired,
/// 45011 minute quota, 47001 data format error, -1 system busy). **[U]** 40097 (invalid args: window over
/// 7 days, page_size out of range, stock below zero) and 100002 (order not found) are the mock's choices for
/// the Channels business errors: gateways should treat any non-zero `errcode` as a failure.
public struct WechatChannelsAPIError: Error, Sendable, Equatable {
    /// `errcode`.
    public var errcode: Int
    /// `errmsg` without the ` rid: …` suffix.
    public var errmsg: String
    /// The HTTP status (200 except for ``serviceUnavailable``).
    public var httpStatus: Int

    /// Creates an error answer.
    public init(errcode: Int, errmsg: String, httpStatus: Int = 200) {
        self.errcode = errcode
        self.errmsg = errmsg
        self.httpStatus = httpStatus
    }

    /// The `secret` does not match, or an `access_token` is unknown.
    public static let invalidCredential = WechatChannelsAPIError(errcode: 40001, errmsg: "invalid credential, access_token is invalid or not latest")
    /// `grant_type` is not `client_credential`.
    public static let invalidGrantType = WechatChannelsAPIError(errcode: 40002, errmsg: "invalid grant_type")
    /// The `appid` is unknown.
    public static let invalidAppId = WechatChannelsAPIError(errcode: 40013, errmsg: "invalid appid")
    /// No `access_token` in the query.
    public static let missingAccessToken = WechatChannelsAPIError(errcode: 41001, errmsg: "access_token missing")
    /// No `appid`.
    public static let missingAppId = WechatChannelsAPIError(errcode: 41002, errmsg: "appid missing")
    /// No `secret`.
    public static let missingSecret = WechatChannelsAPIError(errcode: 41004, errmsg: "appsecret missing")
    /// The `access_token` expired.
    public static let expiredAccessToken = WechatChannelsAPIError(errcode: 42001, errmsg: "access_token expired")
    /// The per-app frequency limit.
    public static let frequencyLimited = WechatChannelsAPIError(errcode: 45011, errmsg: "api minute-quota reach limit mustslower retry next minute")
    /// The body is not a JSON object.
    public static let dataFormatError = WechatChannelsAPIError(errcode: 47001, errmsg: "data format error")
    /// An injected system error.
    public static let systemBusy = WechatChannelsAPIError(errcode: -1, errmsg: "system error")
    /// An injected bare HTTP 503.
    public static let serviceUnavailable = WechatChannelsAPIError(errcode: 503, errmsg: "Service Unavailable", httpStatus: 503)

    /// A business argument is invalid.
    public static func invalidArgs(_ detail: String) -> WechatChannelsAPIError {
        WechatChannelsAPIError(errcode: 40097, errmsg: "invalid args: \(detail)")
    }

    /// The order does not exist in the shop.
    public static func orderNotFound(_ id: String) -> WechatChannelsAPIError {
        WechatChannelsAPIError(errcode: 100002, errmsg: "order not exist: \(id)")
    }
}
