/// The `signMethod` values Kuaishou accepts (platforms.md §2.3).
public enum KuaishouSignMethod: String, Sendable, CaseIterable {
    /// Lowercase hex MD5 of the sign string.
    case md5 = "MD5"
    /// Base64 HMAC-SHA256 of the sign string, keyed with `signSecret` (recommended).
    case hmacSHA256 = "HMAC_SHA256"
}
