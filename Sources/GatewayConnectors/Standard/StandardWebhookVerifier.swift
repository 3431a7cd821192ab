import Crypto
import Foundation
import GatewayCore

/// Standard Webhooks signature verification (platforms.md §7.3).
///
/// The signed content is `webhook-id + "." + webhook-timestamp + "." + raw body`; a `v1` signature
/// is base64 HMAC-SHA256 under the secret's bytes (`whsec_` + base64). `webhook-signature` may list
/// several space-separated signatures (key rotation); one valid `v1` is enough. Timestamps more than
/// five minutes from now (or outside 2000…2100) are refused.
public struct StandardWebhookVerifier: Sendable {
    private let keys: [SymmetricKey]
    /// Allowed clock difference, in seconds.
    public let toleranceSeconds: Int64

    /// Creates a verifier.
    /// - Parameters:
    ///   - secrets: one or more `whsec_…` secrets (several during a rotation).
    ///   - toleranceSeconds: allowed clock difference; the spec's libraries use 300.
    /// - Throws: ``ConnectorError`` when a secret is not `whsec_` + base64.
    public init(secrets: [String], toleranceSeconds: Int64 = 300) throws {
        self.keys = try secrets.map { secret in
            guard secret.hasPrefix("whsec_"), let bytes = Data(base64Encoded: String(secret.dropFirst(6))), !bytes.isEmpty else {
                throw ConnectorError("a Standard Webhooks secret must be whsec_ followed by base64")
            }
            return SymmetricKey(data: bytes)
        }
        self.toleranceSeconds = toleranceSeconds
    }

    /// The `v1,<base64>` signature for a message under the first secret (for senders and tests).
    public func sign(id: String, timestamp: Int64, body: [UInt8]) -> String {
        let content = Array("\(id).\(timestamp).".utf8) + body
        return "v1," + Data(HMAC<SHA256>.authenticationCode(for: content, using: keys[0])).base64EncodedString()
    }

    /// Checks a request's headers and body.
    /// - Returns: `nil` when valid, else the rejection and a message.
    public func verify(id: String?, timestamp: String?, signatures: String?, body: [UInt8], now: Timestamp) -> (WebhookRejection, String)? {
        guard let id, !id.isEmpty, let timestamp, let signatures else {
            return (.badSignature, "missing webhook-id, webhook-timestamp or webhook-signature header")
        }
        guard let parsed = Int64(timestamp) else { return (.badSignature, "webhook-timestamp is not an integer") }
        // Bounded before any arithmetic: an extreme value (Int64.min) would overflow `now - seconds`.
        guard let seconds = PlausibleTime.seconds(parsed), PlausibleTime.isFresh(seconds, now: now, tolerance: toleranceSeconds) else {
            return (.staleTimestamp, "webhook-timestamp is more than \(toleranceSeconds / 60) minutes from the gateway's clock")
        }
        let content = Array("\(id).\(timestamp).".utf8) + body
        for candidate in signatures.split(separator: " ") {
            let parts = candidate.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] == "v1", let signature = Data(base64Encoded: String(parts[1])) else { continue }
            for key in keys where HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: content, using: key) {
                return nil
            }
        }
        return (.badSignature, "no v1 signature in webhook-signature matches")
    }
}
