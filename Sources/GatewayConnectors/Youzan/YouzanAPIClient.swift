import AsyncHTTPClient
import Foundation
import GatewayCore
import Logging
import NIOCore

/// Calls the Youzan Cloud API for one shop — only the shipment write-back (`shipping.md` §8b.6).
///
/// Every call is `POST {api_base}/api/{method}/{version}?access_token=…` with a JSON body; the token is read from
/// the query string only. **[U]** How a Youzan Cloud token is obtained is not documented in the shared notes: the
/// shop configures it as the optional credential `access_token` and renews it there (an expired token answers
/// code 40010, which the write-back treats as transient).
///
/// Answers are read tolerantly, since the envelope of these APIs on the Youzan Cloud gateway is **[U]**:
/// `{"gw_err_resp":{"err_code","err_msg"}}` (gateway refusal, HTTP 200), `{"success","code","message","data"}`
/// (Youzan Cloud), or the older `{"response":{…}}` / `{"error_response":{"code","msg"}}`. Success needs a success
/// flag and no `is_success: false`. A write is sent once.
public final class YouzanAPIClient: Sendable {
    private let baseURL: String
    private let accessToken: String?
    private let transport: PlatformHTTPTransport
    private let limiter: RateLimiter

    /// Creates a client.
    /// - Parameters:
    ///   - baseURL: API root, e.g. `https://open.youzanyun.com` or the mock's address.
    ///   - accessToken: the shop's access token (credential `access_token`); `nil` or empty: none configured.
    ///   - transport: how requests are sent; `limiter`: the shop's rate limit.
    public init(baseURL: String, accessToken: String?, transport: PlatformHTTPTransport, limiter: RateLimiter) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.accessToken = accessToken.flatMap { $0.isEmpty ? nil : $0 }
        self.transport = transport
        self.limiter = limiter
    }

    /// Whether an access token is configured.
    var hasAccessToken: Bool { accessToken != nil }

    /// Sends one call once; returns the raw answer when Youzan says success.
    /// - Throws: ``PlatformAPIError`` — the platform's code for a refusal; `transport`, `http` or `decode` when the
    ///   outcome is unknown.
    func call(_ method: String, version: String, body: [String: String]) async throws -> String {
        guard let accessToken else {
            throw PlatformAPIError(
                platform: "youzan",
                method: method,
                code: "no-access-token",
                message: "no access_token configured",
                isRetryable: false
            )
        }
        try await limiter.acquire()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let request = PlatformHTTPRequest(
            url: baseURL + "/api/" + method + "/" + version + "?access_token=" + FormURLEncoding.escape(accessToken),
            method: "POST",
            headers: ["Content-Type": "application/json"],
            body: Array(try encoder.encode(body))
        )
        let response = try await transport.sendExpectingOK(request, platform: "youzan", method: method)
        let answer: YouzanAPIAnswer
        do {
            answer = try JSONDecoder().decode(YouzanAPIAnswer.self, from: Data(response.body.utf8))
        } catch {
            throw PlatformAPIError(platform: "youzan", method: method, code: "decode", message: "unreadable answer: \(error)", isRetryable: false)
        }
        if let refusal = answer.refusal {
            throw PlatformAPIError(platform: "youzan", method: method, code: refusal.code, message: refusal.message, isRetryable: false)
        }
        guard answer.succeeded else {
            throw PlatformAPIError(
                platform: "youzan",
                method: method,
                code: "decode",
                message: "answer says neither success nor failure: \(response.body.prefix(300))",
                isRetryable: false
            )
        }
        return response.body
    }
}
