/// Taobao TOP request signing (platforms.md §4.2).
///
/// Every parameter but `sign` (common and business alike) is sorted by key and concatenated as
/// `key + value`; then
/// - `sign_method=md5`: uppercase hex MD5 of `app_secret + concatenation + app_secret` (the default);
/// - `sign_method=hmac`: uppercase hex HMAC-MD5 keyed with `app_secret` over the concatenation.
///
/// `hmac-sha256` is listed in platforms.md only as [U] and is not supported.
public struct TaobaoSigner: Sendable {
    /// A TOP signature method, named as in the `sign_method` parameter.
    public enum Method: String, Sendable, CaseIterable {
        /// MD5 over `secret + concatenation + secret`.
        case md5
        /// HMAC-MD5 keyed with the secret.
        case hmac
    }

    /// The app's `app_key`.
    public var appKey: String
    /// The app's `app_secret`.
    public var appSecret: String
    /// The method used for outgoing requests.
    public var method: Method

    /// Creates a signer.
    public init(appKey: String, appSecret: String, method: Method = .md5) {
        self.appKey = appKey
        self.appSecret = appSecret
        self.method = method
    }

    /// The `sign` for parameters under a given method (any `sign` among them is ignored).
    public func sign(_ parameters: [String: String], method: Method) -> String {
        switch method {
        case .md5: SortedParameterSigner.md5(secret: appSecret, parameters: parameters)
        case .hmac: SortedParameterSigner.hmacMD5(secret: appSecret, parameters: parameters)
        }
    }

    /// The `sign` for parameters under the method their own `sign_method` names (default md5), as
    /// the platform checks it; `nil` for an unsupported method.
    public func sign(_ parameters: [String: String]) -> String? {
        guard let method = Method(rawValue: parameters["sign_method"] ?? Method.md5.rawValue) else { return nil }
        return sign(parameters, method: method)
    }

    /// Whether a request's `sign` matches its parameters (constant-time compare, case-insensitive hex).
    public func verify(_ parameters: [String: String]) -> Bool {
        guard let given = parameters["sign"], let expected = sign(parameters) else { return false }
        return ConstantTime.equals(expected, given.uppercased())
    }
}
