import Crypto

/// Pinduoduo open platform request signatures, written from platforms.md §3.2.
///
/// `sign` = uppercase hex MD5 of `client_secret + key1 + value1 + key2 + value2 + … + client_secret`,
/// the keys sorted (by UTF-8 bytes), covering every request parameter — common and business, from the
/// query string and the body alike — except `sign` itself. No `=` or `&` between them.
public enum PinduoduoSigner {
    /// The string a signature covers.
    /// - Parameters:
    ///   - parameters: every parameter of the request, by name (`sign` is left out if present).
    ///   - clientSecret: the app's `client_secret`.
    ///   - includeEmptyValues: whether parameters with an empty value take part (`key` alone). SDKs differ
    ///     here; the mock accepts either form.
    /// - Returns: the wrapped string.
    public static func stringToSign(parameters: [String: String], clientSecret: String, includeEmptyValues: Bool = true) -> String {
        clientSecret + concatenated(parameters, includeEmptyValues: includeEmptyValues) + clientSecret
    }

    /// The `sign` of a request.
    /// - Parameters:
    ///   - parameters: every parameter of the request, by name.
    ///   - clientSecret: the app's `client_secret`.
    ///   - includeEmptyValues: whether empty values take part.
    /// - Returns: 32 uppercase hex digits.
    public static func sign(parameters: [String: String], clientSecret: String, includeEmptyValues: Bool = true) -> String {
        let text = stringToSign(parameters: parameters, clientSecret: clientSecret, includeEmptyValues: includeEmptyValues)
        return Hex.lowercase(Insecure.MD5.hash(data: Array(text.utf8))).uppercased()
    }

    /// `key + value` of every parameter but `sign`, sorted by key.
    static func concatenated(_ parameters: [String: String], includeEmptyValues: Bool) -> String {
        parameters.keys
            .filter { $0 != "sign" && (includeEmptyValues || !(parameters[$0] ?? "").isEmpty) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { $0 + (parameters[$0] ?? "") }
            .joined()
    }
}
