import Crypto

/// Douyin (抖店) signatures, written from platforms.md §1.1 and §1.3.
///
/// - API requests: the string `app_secret + "app_key" + app_key + "method" + method + "param_json" +
///   param_json + "timestamp" + timestamp + "v" + "2" + app_secret`, signed as lowercase hex
///   HMAC-SHA256 keyed with `app_secret` (or lowercase hex MD5 of the string for `sign_method=md5`).
/// - Pushes: header `event-sign` = lowercase hex MD5 of `app_key + raw body + app_secret`.
public enum DouyinSigner {
    /// The API version the string to sign carries.
    public static let version = "2"

    /// The string an API request signature covers.
    /// - Parameters:
    ///   - appKey: the `app_key` query parameter.
    ///   - appSecret: the shared secret.
    ///   - method: the `method` query parameter, e.g. `order.searchList`.
    ///   - paramJSON: the request body exactly as sent.
    ///   - timestamp: the `timestamp` query parameter exactly as sent.
    /// - Returns: the wrapped string.
    public static func stringToSign(appKey: String, appSecret: String, method: String, paramJSON: String, timestamp: String) -> String {
        appSecret + "app_key" + appKey + "method" + method + "param_json" + paramJSON + "timestamp" + timestamp + "v" + version
            + appSecret
    }

    /// The `sign` of an API request.
    /// - Parameters:
    ///   - appKey: the `app_key` query parameter.
    ///   - appSecret: the shared secret.
    ///   - method: the `method` query parameter.
    ///   - paramJSON: the request body exactly as sent.
    ///   - timestamp: the `timestamp` query parameter exactly as sent.
    ///   - signMethod: `hmac-sha256` (default) or `md5`.
    /// - Returns: lowercase hex.
    public static func sign(
        appKey: String,
        appSecret: String,
        method: String,
        paramJSON: String,
        timestamp: String,
        signMethod: DouyinSignMethod = .hmacSHA256
    ) -> String {
        let text = stringToSign(appKey: appKey, appSecret: appSecret, method: method, paramJSON: paramJSON, timestamp: timestamp)
        switch signMethod {
        case .hmacSHA256:
            let key = SymmetricKey(data: Array(appSecret.utf8))
            return Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
        case .md5:
            return Hex.lowercase(Insecure.MD5.hash(data: Array(text.utf8)))
        }
    }

    /// The `event-sign` header of a push.
    /// - Parameters:
    ///   - appKey: the app key (also sent as header `app-id`).
    ///   - appSecret: the shared secret.
    ///   - body: the raw request body.
    /// - Returns: lowercase hex MD5.
    public static func pushSignature(appKey: String, appSecret: String, body: some Sequence<UInt8>) -> String {
        var bytes = Array(appKey.utf8)
        bytes.append(contentsOf: body)
        bytes.append(contentsOf: appSecret.utf8)
        return Hex.lowercase(Insecure.MD5.hash(data: bytes))
    }

    /// Douyin's `param_json` form of a JSON text: compact, keys sorted by UTF-8 bytes at every level,
    /// no HTML or slash escaping, non-ASCII as UTF-8, numbers exactly as written.
    /// - Parameter json: any JSON text.
    /// - Returns: the canonical text.
    /// - Throws: when the text is not JSON.
    public static func canonicalParamJSON(_ json: String) throws -> String {
        try JSONParser.parse(json).value.serialized
    }

    /// Whether a JSON text is already in canonical `param_json` form (compact, keys sorted recursively,
    /// no duplicate keys). String escape choices are not judged.
    /// - Parameter json: the text.
    /// - Returns: false also when the text is not JSON.
    public static func isCanonicalParamJSON(_ json: String) -> Bool {
        (try? JSONParser.parse(json).canonical) ?? false
    }
}
