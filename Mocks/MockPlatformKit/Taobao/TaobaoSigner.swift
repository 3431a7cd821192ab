import Crypto

/// Taobao TOP request signatures, written from platforms.md §4.2.
///
/// Every parameter of the request (common and business, query and body) except `sign` is sorted by
/// name and written as `name + value` with no separators. `md5`: MD5 of `secret + text + secret`;
/// `hmac`: HMAC-MD5 of the text keyed with the secret; `hmac-sha256`: HMAC-SHA256 likewise. The
/// digest is written as uppercase hex.
public enum TaobaoSigner {
    /// The sorted `name + value` text a signature covers.
    /// - Parameters:
    ///   - parameters: every parameter of the request, by name (`sign` is left out if present).
    ///   - includeEmptyValues: whether parameters with an empty value take part. The official SDKs skip
    ///     them while the simple ones keep them; the mock accepts either form.
    /// - Returns: the concatenation.
    public static func concatenated(parameters: [String: String], includeEmptyValues: Bool = true) -> String {
        PinduoduoSigner.concatenated(parameters, includeEmptyValues: includeEmptyValues)
    }

    /// The `sign` of a request.
    /// - Parameters:
    ///   - parameters: every parameter of the request, by name.
    ///   - appSecret: the app secret.
    ///   - method: the `sign_method`.
    ///   - includeEmptyValues: whether empty values take part.
    /// - Returns: uppercase hex.
    public static func sign(
        parameters: [String: String],
        appSecret: String,
        method: TaobaoSignMethod,
        includeEmptyValues: Bool = true
    ) -> String {
        let text = concatenated(parameters: parameters, includeEmptyValues: includeEmptyValues)
        let key = SymmetricKey(data: Array(appSecret.utf8))
        let digest: [UInt8]
        switch method {
        case .md5:
            digest = Array(Insecure.MD5.hash(data: Array((appSecret + text + appSecret).utf8)))
        case .hmac:
            digest = Array(HMAC<Insecure.MD5>.authenticationCode(for: Array(text.utf8), using: key))
        case .hmacSHA256:
            digest = Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
        }
        return Hex.lowercase(digest).uppercased()
    }
}
