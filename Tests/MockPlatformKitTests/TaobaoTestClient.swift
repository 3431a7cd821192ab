import Crypto
import Foundation

/// A Taobao TOP `/router/rest` client written for the tests from platforms.md §4.2, independent of the
/// mock's signer: sorted `key + value` text; md5 wraps it in the secret, hmac is HMAC-MD5, hmac-sha256
/// HMAC-SHA256; uppercase hex.
struct TaobaoTestClient {
    var baseURL: String
    var appKey = PollPlatformsTestConfiguration.taobaoAppKey
    var appSecret = PollPlatformsTestConfiguration.taobaoSecret
    var session: String? = PollPlatformsTestConfiguration.taobaoSession

    static func sign(_ parameters: [String: String], secret: String, method: String) -> String {
        let text = parameters.keys.sorted().map { $0 + parameters[$0]! }.joined()
        let key = SymmetricKey(data: Data(secret.utf8))
        switch method {
        case "hmac": return RouterTestHTTP.upperHex(HMAC<Insecure.MD5>.authenticationCode(for: Data(text.utf8), using: key))
        case "hmac-sha256": return RouterTestHTTP.upperHex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
        default: return RouterTestHTTP.upperHex(Insecure.MD5.hash(data: Data((secret + text + secret).utf8)))
        }
    }

    /// The common parameters the SDKs put in the query string.
    static let commonNames: Set<String> = ["method", "app_key", "session", "timestamp", "format", "v", "sign", "sign_method", "partner_id"]

    /// Calls a method, signing correctly unless told otherwise.
    func call(
        _ method: String,
        _ business: [String: String] = [:],
        signMethod: String = "md5",
        placement: RouterTestHTTP.Placement? = nil,
        signingSecret: String? = nil,
        timestamp: String = RouterTestHTTP.beijing(Date()),
        afterSigning: (inout [String: String]) -> Void = { _ in },
        omit: Set<String> = []
    ) async throws -> RouterTestHTTP.Reply {
        var parameters = business
        parameters["method"] = method
        parameters["app_key"] = appKey
        parameters["timestamp"] = timestamp
        parameters["format"] = "json"
        parameters["v"] = "2.0"
        parameters["sign_method"] = signMethod
        if let session { parameters["session"] = session }
        parameters["sign"] = Self.sign(parameters, secret: signingSecret ?? appSecret, method: signMethod)
        afterSigning(&parameters)
        for name in omit { parameters[name] = nil }
        return try await RouterTestHTTP.send(url: baseURL + "/router/rest", parameters: parameters, placement: placement ?? .split(Self.commonNames))
    }

    /// `taobao.trades.sold.increment.get` over a window ending at `end`.
    func increment(
        windowSeconds: TimeInterval = 1800,
        end: Date = Date(),
        fields: String = "tid,status,payment,modified",
        _ extra: [String: String] = [:]
    )
        async throws -> RouterTestHTTP.Reply
    {
        var business = [
            "start_modified": RouterTestHTTP.beijing(end.addingTimeInterval(-windowSeconds)),
            "end_modified": RouterTestHTTP.beijing(end),
            "fields": fields,
        ]
        business.merge(extra) { _, new in new }
        return try await call("taobao.trades.sold.increment.get", business)
    }
}

extension RouterTestHTTP.Reply {
    /// TOP's `error_response`, if any.
    var topError: [String: Any]? { object["error_response"] as? [String: Any] }
    /// `error_response.code`, or -1.
    var topErrorCode: Int { (topError?["code"] as? NSNumber)?.intValue ?? -1 }
    /// `trades_sold_increment_get_response`.
    var soldIncrement: [String: Any] { object["trades_sold_increment_get_response"] as? [String: Any] ?? [:] }
    /// The trades of an increment page.
    var trades: [[String: Any]] { ((soldIncrement["trades"] as? [String: Any])?["trade"] as? [[String: Any]]) ?? [] }
    /// The `tid`s of an increment page as text (from `tid_str`), in order.
    var tids: [String] { trades.compactMap { $0["tid_str"] as? String } }
}
