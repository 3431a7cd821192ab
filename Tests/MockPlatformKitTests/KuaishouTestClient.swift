import Crypto
import Foundation
import NIOHTTP1

/// A Kuaishou open API client written for the tests from platforms.md §2.3, independent of the mock's signer.
struct KuaishouTestClient {
    var baseURL: String
    var appKey = DomesticPlatformsConfiguration.kuaishouAppKey
    var signSecret = DomesticPlatformsConfiguration.kuaishouSignSecret

    /// `sign` over the sorted `k=v&…&signSecret=…` string.
    static func sign(_ parameters: [String: String], secret: String, method: String) -> String {
        let names = ["access_token", "appkey", "method", "param", "signMethod", "timestamp", "version"]
        let text = names.sorted().compactMap { name in parameters[name].map { "\(name)=\($0)" } }.joined(separator: "&") + "&signSecret=" + secret
        if method == "MD5" { return TestHTTPCall.hex(Insecure.MD5.hash(data: Data(text.utf8))) }
        return Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(secret.utf8)))).base64EncodedString()
    }

    /// Gets an access token with the client credentials grant.
    func accessToken() async throws -> String {
        let reply = try await TestHTTPCall.send(
            .POST,
            baseURL + "/oauth2/access_token",
            body: TestHTTPCall.form([
                "app_id": appKey, "app_secret": DomesticPlatformsConfiguration.kuaishouAppSecret, "grant_type": "client_credentials",
            ]),
            contentType: "application/x-www-form-urlencoded"
        )
        return reply.object["access_token"] as? String ?? ""
    }

    /// Calls a method with its business `param`, signing correctly unless told otherwise.
    /// - Parameters:
    ///   - method: e.g. `open.order.cursor.list`.
    ///   - param: the business JSON.
    ///   - accessToken: the token.
    ///   - signMethod: `HMAC_SHA256` or `MD5`.
    ///   - signingSecret: the secret to sign with (a wrong one to test refusals).
    ///   - sentParam: the `param` actually sent, when it differs from the signed one.
    ///   - omit: parameters to leave out after signing.
    ///   - httpMethod: POST (form body) or GET (everything in the query).
    ///   - timestamp: the `timestamp`, ms; now by default.
    func call(
        _ method: String,
        param: String,
        accessToken: String,
        signMethod: String = "HMAC_SHA256",
        signingSecret: String? = nil,
        sentParam: String? = nil,
        omit: Set<String> = [],
        httpMethod: HTTPMethod = .POST,
        timestamp: Int64? = nil
    ) async throws -> TestHTTPCall.Reply {
        var parameters = [
            "appkey": appKey,
            "method": method,
            "version": "1",
            "param": param,
            "access_token": accessToken,
            "timestamp": String(timestamp ?? Int64(Date().timeIntervalSince1970 * 1000)),
            "signMethod": signMethod,
        ]
        parameters["sign"] = Self.sign(parameters, secret: signingSecret ?? signSecret, method: signMethod)
        if let sentParam { parameters["param"] = sentParam }
        for name in omit { parameters[name] = nil }
        let url = baseURL + "/" + method.replacingOccurrences(of: ".", with: "/")
        if httpMethod == .GET {
            return try await TestHTTPCall.send(.GET, url + "?" + TestHTTPCall.form(parameters))
        }
        return try await TestHTTPCall.send(.POST, url, body: TestHTTPCall.form(parameters), contentType: "application/x-www-form-urlencoded")
    }
}
