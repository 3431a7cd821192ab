import Crypto
import Foundation

/// A Pinduoduo `/api/router` client written for the tests from platforms.md §3.2, independent of the
/// mock's signer: upper-hex MD5(secret + sorted key+value + secret) over every parameter.
struct PinduoduoTestClient {
    var baseURL: String
    var clientId = PollPlatformsTestConfiguration.pddClientId
    var clientSecret = PollPlatformsTestConfiguration.pddSecret
    var accessToken: String? = PollPlatformsTestConfiguration.pddToken

    static func sign(_ parameters: [String: String], secret: String) -> String {
        let text = secret + parameters.keys.sorted().map { $0 + parameters[$0]! }.joined() + secret
        return RouterTestHTTP.upperHex(Insecure.MD5.hash(data: Data(text.utf8)))
    }

    /// The common parameters the SDKs put in the query string.
    static let commonNames: Set<String> = ["type", "client_id", "access_token", "timestamp", "data_type", "version", "sign", "sign_method"]

    /// Calls an API, signing correctly unless told otherwise.
    /// - Parameters:
    ///   - type: the API name.
    ///   - business: the business parameters.
    ///   - placement: where the parameters go (default: common ones in the query, business ones in the body).
    ///   - signingSecret: the secret to sign with (default the right one).
    ///   - timestamp: the `timestamp` (default now, seconds).
    ///   - afterSigning: changes made to the parameters after the sign is computed.
    ///   - omit: parameters left out after signing.
    func call(
        _ type: String,
        _ business: [String: String] = [:],
        placement: RouterTestHTTP.Placement? = nil,
        signingSecret: String? = nil,
        timestamp: String = String(Int(Date().timeIntervalSince1970)),
        afterSigning: (inout [String: String]) -> Void = { _ in },
        omit: Set<String> = []
    ) async throws -> RouterTestHTTP.Reply {
        var parameters = business
        parameters["type"] = type
        parameters["client_id"] = clientId
        parameters["timestamp"] = timestamp
        parameters["data_type"] = "JSON"
        parameters["version"] = "V1"
        if let accessToken { parameters["access_token"] = accessToken }
        parameters["sign"] = Self.sign(parameters, secret: signingSecret ?? clientSecret)
        afterSigning(&parameters)
        for name in omit { parameters[name] = nil }
        return try await RouterTestHTTP.send(
            url: baseURL + "/api/router",
            parameters: parameters,
            placement: placement ?? .split(Self.commonNames)
        )
    }

    /// `pdd.order.number.list.increment.get` over a window ending now.
    func increment(windowSeconds: Int = 1800, end: Date = Date(), _ extra: [String: String] = [:]) async throws -> RouterTestHTTP.Reply {
        let endSeconds = Int(end.timeIntervalSince1970)
        var business = ["start_updated_at": String(endSeconds - windowSeconds), "end_updated_at": String(endSeconds)]
        business.merge(extra) { _, new in new }
        return try await call("pdd.order.number.list.increment.get", business)
    }
}

extension RouterTestHTTP.Reply {
    /// Pinduoduo's `error_response`, if any.
    var pddError: [String: Any]? { object["error_response"] as? [String: Any] }
    /// `error_response.error_code`, or -1.
    var pddErrorCode: Int { (pddError?["error_code"] as? NSNumber)?.intValue ?? -1 }
    /// `order_sn_increment_get_response`.
    var increment: [String: Any] { object["order_sn_increment_get_response"] as? [String: Any] ?? [:] }
    /// The `order_sn`s of an increment page, in order.
    var orderSns: [String] { (increment["order_sn_list"] as? [[String: Any]] ?? []).compactMap { $0["order_sn"] as? String } }
}
