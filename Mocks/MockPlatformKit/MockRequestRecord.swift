/// One API request the mock received, for asserting how the gateway called the platform.
///
/// Served as `GET /_mock/requests` → `{"requests":[…]}`.
public struct MockRequestRecord: Codable, Sendable, Equatable {
    /// The platform, e.g. `douyin`.
    public var platform: String
    /// The request path, e.g. `/order/searchList`.
    public var path: String
    /// The API method, e.g. `order.searchList` (from the `method` query parameter, else derived from the path).
    public var method: String
    /// The shop key the request was attributed to (by `app_key`, `shop_id` or access token), if any.
    public var shop: String?
    /// The `app_key` query parameter as sent.
    public var appKey: String?
    /// Whether the `sign` was valid for the body as received (and, in strict mode, the body canonical).
    public var signatureValid: Bool
    /// The platform response `code` (Douyin: 10000 success), or the HTTP status for bare HTTP failures.
    public var code: Int
    /// The HTTP status of the answer.
    public var httpStatus: Int
    /// The platform `sub_code` of an error answer, empty on success.
    public var subCode: String

    /// Creates a record.
    public init(
        platform: String,
        path: String,
        method: String,
        shop: String?,
        appKey: String?,
        signatureValid: Bool,
        code: Int,
        httpStatus: Int,
        subCode: String
    ) {
        self.platform = platform
        self.path = path
        self.method = method
        self.shop = shop
        self.appKey = appKey
        self.signatureValid = signatureValid
        self.code = code
        self.httpStatus = httpStatus
        self.subCode = subCode
    }
}
