/// A Taobao TOP `sign_method`.
public enum TaobaoSignMethod: String, Sendable, CaseIterable {
    /// MD5 of `secret + sorted key/value text + secret`.
    case md5
    /// HMAC-MD5 of the sorted key/value text, keyed with the secret.
    case hmac
    /// HMAC-SHA256 of the sorted key/value text, keyed with the secret (platforms.md §4.2 **[U]**).
    case hmacSHA256 = "hmac-sha256"
}
