import Foundation

/// Kuaishou open API request signing (platforms.md §2.3, official doc "API调用说明").
///
/// The signed string is the request's common parameters (`access_token` when present, `appkey`,
/// `method`, `param`, `signMethod`, `timestamp`, `version`) sorted by key and joined as `k=v&k=v`,
/// **not** URL-encoded, then `&signSecret=<sign_secret>`. `MD5` signs with its lowercase hex digest;
/// `HMAC_SHA256` (recommended) with the **Base64** HMAC-SHA256 keyed with the sign secret, as the
/// official Java sample and go-kwai do (a third-party claim of hex is not followed).
public struct KuaishouSigner: Sendable {
    /// A `signMethod` value.
    public enum Method: String, Sendable, CaseIterable {
        /// Lowercase hex MD5.
        case md5 = "MD5"
        /// Base64 HMAC-SHA256 keyed with the sign secret.
        case hmacSHA256 = "HMAC_SHA256"
    }

    /// The sign secret (credential `sign_secret`, distinct from `app_secret` and the message key).
    public let signSecret: String

    /// Creates a signer.
    public init(signSecret: String) { self.signSecret = signSecret }

    /// The string the signature covers: every parameter but `sign`, sorted, then `&signSecret=…`.
    public func stringToSign(_ parameters: [String: String]) -> String {
        SortedParameters.joined(parameters.filter { $0.key != "sign" }) + "&signSecret=" + signSecret
    }

    /// The `sign` parameter for a request whose parameters include `signMethod`.
    public func sign(_ parameters: [String: String], method: Method) -> String {
        let text = stringToSign(parameters)
        switch method {
        case .md5: return Digests.md5Hex(text)
        case .hmacSHA256: return Digests.hmacSHA256Base64(key: signSecret, message: text)
        }
    }

    /// Whether a request's `sign` is right for its own `signMethod` (for mocks and tests).
    public func verify(_ parameters: [String: String]) -> Bool {
        guard let sign = parameters["sign"], let method = parameters["signMethod"].flatMap(Method.init(rawValue:)) else { return false }
        return ConstantTime.equals(self.sign(parameters, method: method), sign)
    }
}
