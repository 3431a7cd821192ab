import Crypto
import GatewayCore

/// The "sorted key+value" request signature shared by Taobao TOP and Pinduoduo (platforms.md §3.2, §4.2).
///
/// Every parameter except `sign` itself is sorted by key (byte order of the UTF-8 key) and written as
/// `key + value` with no separators; values are the raw, un-encoded texts that go on the wire.
/// - ``md5(secret:parameters:)``: uppercase hex MD5 of `secret + concatenation + secret`
///   (TOP `sign_method=md5`, and PDD's only method).
/// - ``hmacMD5(secret:parameters:)``: uppercase hex HMAC-MD5 keyed with the secret over the
///   concatenation alone (TOP `sign_method=hmac`).
public enum SortedParameterSigner {
    /// The `key + value` concatenation of every parameter but `sign`, sorted by key.
    public static func concatenation(_ parameters: [String: String]) -> String {
        parameters
            .filter { $0.key != "sign" }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { $0.key + $0.value }
            .joined()
    }

    /// Uppercase hex MD5 of `secret + concatenation + secret`.
    public static func md5(secret: String, parameters: [String: String]) -> String {
        let plain = secret + concatenation(parameters) + secret
        return Hex.encode(Insecure.MD5.hash(data: Array(plain.utf8)), uppercase: true)
    }

    /// Uppercase hex HMAC-MD5 keyed with `secret` over the concatenation.
    public static func hmacMD5(secret: String, parameters: [String: String]) -> String {
        let mac = HMAC<Insecure.MD5>.authenticationCode(
            for: Array(concatenation(parameters).utf8),
            using: SymmetricKey(data: Array(secret.utf8))
        )
        return Hex.encode(mac, uppercase: true)
    }
}
