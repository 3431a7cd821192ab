import Foundation
import GatewayCore

/// Calls the WeChat Channels shop API for one shop: access token, timeouts, retries, rate limit
/// (platforms.md §5.2, §8a).
///
/// - Token: `GET {api_base}/cgi-bin/token?grant_type=client_credential&appid=…&secret=…` →
///   `{"access_token":…,"expires_in":7200}`; cached until a minute before it expires, renewed once
///   however many calls wait, and renewed at once when an answer says `errcode` 40001, 42001 or 40014.
/// - Business calls: `POST {api_base}{path}?access_token=…` with a JSON body; `errcode` 0 (or absent) is
///   success. `errcode` -1 (system busy), HTTP 5xx/429 and transport failures are retried.
public final class WeChatChannelsAPIClient: Sendable {
    private let baseURL: String
    private let appId: String
    private let appSecret: String
    private let transport: PlatformHTTPTransport
    private let limiter: RateLimiter
    private let retry: RetryPolicy
    private let tokens = WeChatTokenCache()
    /// The gateway's clock: token expiry.
    let clock: GatewayClock

    /// Creates a client.
    /// - Parameters:
    ///   - baseURL: API root, e.g. `https://api.weixin.qq.com` or the mock's address.
    ///   - appId: credential `app_id`; `appSecret`: credential `app_secret`.
    ///   - transport: how requests are sent; `limiter`: the shop's rate limit; `retry`: back-off policy.
    ///   - clock: the gateway's clock (token expiry).
    public init(
        baseURL: String,
        appId: String,
        appSecret: String,
        transport: PlatformHTTPTransport,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        clock: GatewayClock
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.appId = appId
        self.appSecret = appSecret
        self.transport = transport
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
    }

    /// One page of `/channels/ec/order/list/get` by update time:
    /// `{"update_time_range":{"start_time":s,"end_time":s},"page_size":100[,"next_key":"…"]}` →
    /// `{"errcode":0,"order_id_list":[…],"next_key":"…","has_more":true}`, with `order_id_list` as raw rows (``PollPage``).
    func orderList(updateStart: Int64, updateEnd: Int64, pageSize: Int, nextKey: String?) async throws -> PollPage<WeChatOrderListResponse> {
        var body: [String: WeChatJSON] = [
            "update_time_range": .object(["start_time": .int(updateStart), "end_time": .int(updateEnd)]),
            "page_size": .int(Int64(pageSize)),
        ]
        if let nextKey, !nextKey.isEmpty { body["next_key"] = .string(nextKey) }
        let (response, raw): (WeChatOrderListResponse, String) = try await call("/channels/ec/order/list/get", body: body)
        return try PollPage(envelope: response, responseText: raw) { $0["order_id_list"] }
    }

    /// `/channels/ec/order/get` with `{"order_id":"…"}`; returns the order and the raw answer.
    func order(orderId: String) async throws -> (WeChatOrder, String) {
        let (response, raw): (WeChatOrderGetResponse, String) = try await call("/channels/ec/order/get", body: ["order_id": .string(orderId)])
        guard let order = response.order else {
            throw PlatformAPIError(
                platform: "wechat-channels",
                method: "/channels/ec/order/get",
                code: "0",
                message: "answer has no order",
                isRetryable: false
            )
        }
        return (order, raw)
    }

    /// A stock change for `/channels/ec/product/stock/update`.
    public enum StockChange: Sendable, Hashable {
        /// Add units (`diff_type` 1).
        case add(Int)
        /// Subtract units (`diff_type` 2).
        case subtract(Int)
        /// Set the stock (`diff_type` 3).
        case set(Int)
    }

    /// Changes a SKU's stock: `{"product_id":"…","sku_id":"…","diff_type":1|2|3,"num":n}` (ids as strings).
    public func updateStock(productId: String, skuId: String, change: StockChange) async throws {
        let (diffType, num): (Int64, Int) =
            switch change {
            case .add(let n): (1, n)
            case .subtract(let n): (2, n)
            case .set(let n): (3, n)
            }
        let _: (WeChatErrorFields, String) = try await call(
            "/channels/ec/product/stock/update",
            body: ["product_id": .string(productId), "sku_id": .string(skuId), "diff_type": .int(diffType), "num": .int(Int64(num))]
        )
    }

    // MARK: calls

    private static func isRetryable(_ error: any Error) -> Bool { (error as? PlatformAPIError)?.isRetryable ?? false }

    /// Sends a call; `retrying` false sends it once (a refused token aside) — for writes the caller classifies.
    func call<T: Decodable & Sendable>(_ path: String, body: [String: WeChatJSON], retrying: Bool = true) async throws -> (T, String) {
        let attempt: @Sendable () async throws -> (T, String) = {
            let token = try await self.accessToken()
            do {
                return try await self.post(path, body: body, accessToken: token)
            } catch let error as PlatformAPIError where Self.isTokenError(error) {
                await self.tokens.invalidate(token)
                return try await self.post(path, body: body, accessToken: try await self.accessToken())
            }
        }
        return retrying ? try await retry.run(isRetryable: Self.isRetryable, attempt) : try await attempt()
    }

    private func accessToken() async throws -> String {
        if let token = await tokens.valid(now: clock.now()) { return token }
        return try await tokens.renew(clock: clock) { try await self.fetchToken() }
    }

    private func fetchToken() async throws -> (String, Int64) {
        try await limiter.acquire()
        let query = FormURLEncoding.encode([("grant_type", "client_credential"), ("appid", appId), ("secret", appSecret)])
        let raw = try await send(PlatformHTTPRequest(url: baseURL + "/cgi-bin/token?" + query, method: "GET"), path: "/cgi-bin/token")
        let answer = try decode(WeChatTokenResponse.self, raw, path: "/cgi-bin/token")
        try check(errcode: answer.errcode, errmsg: answer.errmsg, path: "/cgi-bin/token")
        guard let token = answer.access_token, !token.isEmpty else {
            throw PlatformAPIError(
                platform: "wechat-channels",
                method: "/cgi-bin/token",
                code: "0",
                message: "answer has no access_token",
                isRetryable: true
            )
        }
        return (token, answer.expires_in?.value ?? 7200)
    }

    private func post<T: Decodable & Sendable>(_ path: String, body: [String: WeChatJSON], accessToken: String) async throws -> (T, String) {
        try await limiter.acquire()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let request = PlatformHTTPRequest(
            url: baseURL + path + "?access_token=" + FormURLEncoding.escape(accessToken),
            method: "POST",
            headers: ["Content-Type": "application/json"],
            body: Array(try encoder.encode(body))
        )
        let raw = try await send(request, path: path)
        let fields = try decode(WeChatErrorFields.self, raw, path: path)
        try check(errcode: fields.errcode, errmsg: fields.errmsg, path: path)
        return (try decode(T.self, raw, path: path), raw)
    }

    private func send(_ request: PlatformHTTPRequest, path: String) async throws -> String {
        let response = try await transport.sendExpectingOK(request, platform: "wechat-channels", method: path)
        return response.body
    }

    private func decode<T: Decodable>(_ type: T.Type, _ raw: String, path: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(raw.utf8))
        } catch {
            throw PlatformAPIError(
                platform: "wechat-channels",
                method: path,
                code: "decode",
                message: "unreadable answer: \(error)",
                isRetryable: false
            )
        }
    }

    private func check(errcode: FlexibleInt?, errmsg: String?, path: String) throws {
        guard let code = errcode?.value, code != 0 else { return }
        throw PlatformAPIError(platform: "wechat-channels", method: path, code: String(code), message: errmsg ?? "", isRetryable: code == -1)
    }

    static func isTokenError(_ error: PlatformAPIError) -> Bool { ["40001", "42001", "40014"].contains(error.code) }
}

/// A JSON request body value.
enum WeChatJSON: Encodable, Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int64)
    /// An object.
    case object([String: WeChatJSON])
    /// An array.
    case array([WeChatJSON])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        }
    }
}

/// The shop's current access token, renewed by one caller at a time.
actor WeChatTokenCache {
    private var token: String?
    private var expiresAt = Timestamp(millisecondsSince1970: .min)
    private var renewal: Task<String, any Error>?

    /// The token, if it is valid for at least another minute.
    func valid(now: Timestamp) -> String? {
        guard let token, now.adding(seconds: 60) < expiresAt else { return nil }
        return token
    }

    /// Forgets `token` if it is still the current one (the platform said it is invalid or expired).
    func invalidate(_ stale: String) {
        guard token == stale else { return }
        token = nil
        expiresAt = Timestamp(millisecondsSince1970: .min)
    }

    /// Renews the token once, however many callers ask at the same time; `clock` dates the new token's expiry.
    func renew(clock: GatewayClock, _ fetch: @escaping @Sendable () async throws -> (String, Int64)) async throws -> String {
        if let renewal { return try await renewal.value }
        let task = Task { () throws -> String in
            let (token, expiresIn) = try await fetch()
            self.store(token, expiresIn: expiresIn, now: clock.now())
            return token
        }
        renewal = task
        defer { renewal = nil }
        return try await task.value
    }

    private func store(_ token: String, expiresIn: Int64, now: Timestamp) {
        self.token = token
        expiresAt = now.adding(seconds: min(max(expiresIn, 120), 31_536_000))
    }
}
