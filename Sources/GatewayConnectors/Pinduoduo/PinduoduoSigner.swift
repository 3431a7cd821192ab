import Crypto
import Foundation
import GatewayCore

/// Pinduoduo open-platform signing (platforms.md §3.2, §3.3).
///
/// API calls: `sign` = uppercase hex MD5 of `client_secret + (every parameter but sign, sorted by key,
/// as key + value) + client_secret`. The signature covers **all** parameters of the request, whether
/// they travel in the query string or the form body, so ``sign(query:body:)`` gives the same result
/// however the same parameters are split. `sign_method` is optional; when sent it is a parameter like
/// any other and is signed too.
public struct PinduoduoSigner: Sendable {
    /// The app's `client_id`.
    public var clientId: String
    /// The app's `client_secret`.
    public var clientSecret: String

    /// Creates a signer.
    public init(clientId: String, clientSecret: String) {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    /// The `sign` for a request's parameters (any `sign` among them is ignored).
    public func sign(_ parameters: [String: String]) -> String {
        SortedParameterSigner.md5(secret: clientSecret, parameters: parameters)
    }

    /// The `sign` for parameters split between the query string and the form body.
    ///
    /// A key present in both counts once, with the body's value ([U]: PDD does not document duplicates).
    public func sign(query: [String: String], body: [String: String]) -> String {
        sign(query.merging(body) { _, bodyValue in bodyValue })
    }

    /// Whether a request's `sign` matches its parameters (constant-time compare, case-insensitive hex).
    public func verify(_ parameters: [String: String]) -> Bool {
        guard let given = parameters["sign"] else { return false }
        return ConstantTime.equals(sign(parameters), given.uppercased())
    }

    /// The signature segment of the message-service WebSocket path (platforms.md §3.3, [V-3p]):
    /// `base64(md5hex(client_id + timestamp_ms + client_secret))`, before URL encoding.
    ///
    /// The gateway does not open PDD's WebSocket (polling only); this keeps the published test vector
    /// (`app` / `1700000000000` / `secret`) checked for when it does.
    public static func messageConnectionSignature(clientId: String, timestampMilliseconds: Int64, clientSecret: String) -> String {
        let hex = Digests.md5Hex(clientId + String(timestampMilliseconds) + clientSecret)
        return Data(hex.utf8).base64EncodedString()
    }

    /// The message-service WebSocket path `/message/{client_id}/{timestamp_ms}/{urlencoded signature}`.
    public func messageConnectionPath(timestampMilliseconds: Int64) -> String {
        let signature = Self.messageConnectionSignature(clientId: clientId, timestampMilliseconds: timestampMilliseconds, clientSecret: clientSecret)
        return "/message/\(FormURLEncoding.escape(clientId))/\(timestampMilliseconds)/\(FormURLEncoding.escape(signature))"
    }
}
