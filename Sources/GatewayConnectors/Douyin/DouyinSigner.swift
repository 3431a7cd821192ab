import Foundation
import GatewayCore

/// Douyin API request signing (platforms.md §1.3).
///
/// `param_json` is the business parameters as compact JSON with keys sorted recursively and no
/// escaped slashes; the string to sign is
/// `app_secret + "app_key" + app_key + "method" + method + "param_json" + param_json + "timestamp" + timestamp + "v" + "2" + app_secret`,
/// and `sign` is its lowercase hex HMAC-SHA256 keyed with `app_secret`.
public struct DouyinSigner: Sendable {
    /// The app key.
    public var appKey: String
    /// The app secret.
    public var appSecret: String

    /// Creates a signer.
    public init(appKey: String, appSecret: String) {
        self.appKey = appKey
        self.appSecret = appSecret
    }

    /// Canonical `param_json` for business parameters.
    public static func paramJSON(_ parameters: [String: DouyinParameter]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(parameters), as: UTF8.self)
    }

    /// The string the signature covers.
    public func stringToSign(method: String, paramJSON: String, timestamp: String) -> String {
        appSecret + "app_key" + appKey + "method" + method + "param_json" + paramJSON + "timestamp" + timestamp + "v" + "2" + appSecret
    }

    /// The `sign` query parameter (hmac-sha256).
    public func sign(method: String, paramJSON: String, timestamp: String) -> String {
        Digests.hmacSHA256Hex(key: appSecret, message: stringToSign(method: method, paramJSON: paramJSON, timestamp: timestamp))
    }

    /// Verifies a push's `event-sign`: lowercase hex MD5 of `app_key + raw body + app_secret`, compared in constant time.
    public func verifyPush(body: [UInt8], eventSign: String) -> Bool {
        let expected = Digests.md5Hex(Array(appKey.utf8) + body + Array(appSecret.utf8))
        return ConstantTime.equals(expected, eventSign.lowercased())
    }

    /// The `event-sign` Douyin would send for a body (used by tests and the benchmark client).
    public func pushSignature(body: [UInt8]) -> String {
        Digests.md5Hex(Array(appKey.utf8) + body + Array(appSecret.utf8))
    }
}

/// A business parameter value in `param_json`.
public enum DouyinParameter: Encodable, Sendable, Hashable {
    /// A string value.
    case string(String)
    /// An integer value.
    case int(Int64)
    /// A boolean value.
    case bool(Bool)
    /// An array.
    case array([DouyinParameter])
    /// An object (keys sorted in `param_json`).
    case object([String: DouyinParameter])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
