/// The `sign_method` query parameter of a Douyin open API call.
public enum DouyinSignMethod: String, Sendable, Equatable, CaseIterable {
    /// Lowercase hex HMAC-SHA256 keyed with `app_secret` (current SDKs).
    case hmacSHA256 = "hmac-sha256"
    /// Lowercase hex MD5 of the same wrapped string (older SDKs; assumed when `sign_method` is absent).
    case md5
}
