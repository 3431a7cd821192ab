import Crypto
import Foundation

/// Kuaishou's open API request signature (platforms.md §2.3), computed independently of the gateway.
///
/// The sign string is the non-empty parameters among `access_token, appkey, method, param, signMethod,
/// timestamp, version`, sorted by name, joined as `k=v&k=v` (values before URL-encoding), followed by
/// `&signSecret=<signSecret>`. `MD5` gives lowercase hex; `HMAC_SHA256` gives Base64 (keyed with signSecret).
public enum KuaishouSigner {
    /// The parameters that take part in the signature.
    public static let signedNames = ["access_token", "appkey", "method", "param", "signMethod", "timestamp", "version"]

    /// The string that is signed.
    /// - Parameters:
    ///   - parameters: the request parameters (others than ``signedNames`` are ignored).
    ///   - signSecret: the app's `signSecret`.
    public static func signString(_ parameters: [String: String], signSecret: String) -> String {
        let pairs = signedNames.sorted().compactMap { name -> String? in
            guard let value = parameters[name], !value.isEmpty else { return nil }
            return name + "=" + value
        }
        return pairs.joined(separator: "&") + "&signSecret=" + signSecret
    }

    /// The `sign` for a set of parameters.
    /// - Parameters:
    ///   - parameters: the request parameters.
    ///   - signSecret: the app's `signSecret`.
    ///   - method: the `signMethod`.
    public static func sign(_ parameters: [String: String], signSecret: String, method: KuaishouSignMethod) -> String {
        let text = Data(signString(parameters, signSecret: signSecret).utf8)
        switch method {
        case .md5:
            return Hex.lowercase(Insecure.MD5.hash(data: text))
        case .hmacSHA256:
            let mac = HMAC<SHA256>.authenticationCode(for: text, using: SymmetricKey(data: Data(signSecret.utf8)))
            return Data(mac).base64EncodedString()
        }
    }
}
