import AsyncHTTPClient
import Foundation
import GatewayCore
import Logging
import NIOCore

/// Calls the Douyin open API for one shop: signing, access tokens, timeouts, retries, rate limit.
///
/// Tokens come from `token.create` (`grant_type=authorization_self`) and are renewed with
/// `token.refresh` shortly before they expire, or at once when the platform says a token is invalid.
public final class DouyinAPIClient: Sendable {
    private let baseURL: String
    private let signer: DouyinSigner
    private let shopId: String
    private let transport: PlatformHTTPTransport
    private let limiter: RateLimiter
    private let retry: RetryPolicy
    private let tokens = DouyinTokenCache()
    private let logger: Logger
    /// The gateway's clock: signing timestamps and token expiry.
    let clock: GatewayClock

    /// Creates a client over any transport (tests pass a scripted platform, or the mock behind a wrapper).
    /// - Parameters:
    ///   - baseURL: API root, e.g. `https://openapi-fxg.jinritemai.com` or the mock's address.
    ///   - appKey: the app key; `appSecret`: the app secret; `shopId`: the shop id for self-authorised tokens.
    ///   - transport: how requests are sent; `limiter`: the shop's rate limit; `retry`: back-off policy.
    ///   - clock: the gateway's clock (signing timestamps, token expiry).
    public init(
        baseURL: String,
        appKey: String,
        appSecret: String,
        shopId: String,
        transport: PlatformHTTPTransport,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        clock: GatewayClock,
        logger: Logger = Logger(label: "douyin-api")
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.signer = DouyinSigner(appKey: appKey, appSecret: appSecret)
        self.shopId = shopId
        self.transport = transport
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
        self.logger = logger
    }

    /// Creates a client over AsyncHTTPClient.
    /// - Parameters:
    ///   - baseURL: API root, e.g. `https://openapi-fxg.jinritemai.com` or the mock's address.
    ///   - appKey: the app key; `appSecret`: the app secret; `shopId`: the shop id for self-authorised tokens.
    ///   - http: the HTTP client; `limiter`: the shop's rate limit; `retry`: back-off policy; `timeout`: per request.
    ///   - clock: the gateway's clock (signing timestamps, token expiry).
    public convenience init(
        baseURL: String,
        appKey: String,
        appSecret: String,
        shopId: String,
        http: HTTPClient,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        timeout: TimeAmount = .seconds(10),
        clock: GatewayClock,
        logger: Logger = Logger(label: "douyin-api")
    ) {
        self.init(
            baseURL: baseURL,
            appKey: appKey,
            appSecret: appSecret,
            shopId: shopId,
            transport: .asyncHTTPClient(http, timeout: timeout, logger: logger),
            limiter: limiter,
            retry: retry,
            clock: clock,
            logger: logger
        )
    }

    /// Fetches one shop order's detail; returns the decoded order and the raw response text.
    func orderDetail(shopOrderId: String) async throws -> (DouyinShopOrder, String) {
        let (data, raw): (DouyinOrderDetailData, String) = try await call(
            "order.orderDetail",
            parameters: ["shop_order_id": .string(shopOrderId)]
        )
        return (data.shop_order_detail, raw)
    }

    /// Lists one page of orders updated within a window (0-based pages), oldest update first; the page's
    /// `data.shop_order_list` comes back as raw rows (``PollPage``).
    func searchList(updateStart: Int64, updateEnd: Int64, page: Int, size: Int) async throws -> PollPage<DouyinSearchListData> {
        let (data, raw): (DouyinSearchListData, String) = try await call(
            "order.searchList",
            parameters: [
                "update_time_start": .int(updateStart), "update_time_end": .int(updateEnd), "page": .int(Int64(page)),
                "size": .int(Int64(size)), "order_by": .string("update_time"), "order_asc": .bool(true),
            ]
        )
        return try PollPage(envelope: data, responseText: raw) { $0["data"]?["shop_order_list"] }
    }

    /// Sets a SKU's stock on the platform (`sku.syncStock`).
    public func syncStock(productId: String, skuId: String, stock: Int) async throws {
        let _: (DouyinEmptyData, String) = try await call(
            "sku.syncStock",
            parameters: ["product_id": .string(productId), "sku_id": .string(skuId), "stock_num": .int(Int64(stock)), "incremental": .bool(false)]
        )
    }

    // MARK: calls

    /// Sends a call; `retrying` false sends it once (a refused token aside) — for writes the caller classifies.
    func call<T: Decodable & Sendable>(
        _ method: String,
        parameters: [String: DouyinParameter],
        retrying: Bool = true
    ) async throws -> (T, String) {
        let attempt: @Sendable () async throws -> (T, String) = {
            let token = try await self.accessToken()
            do {
                return try await self.send(method, parameters: parameters, accessToken: token)
            } catch let error as PlatformAPIError where Self.isTokenError(error) {
                await self.tokens.invalidate()
                let fresh = try await self.accessToken()
                return try await self.send(method, parameters: parameters, accessToken: fresh)
            }
        }
        return retrying ? try await retry.run(isRetryable: Self.isRetryable, attempt) : try await attempt()
    }

    private func accessToken() async throws -> String {
        if let token = await tokens.valid(now: clock.now()) { return token }
        return try await tokens.renew(clock: clock) { refreshToken in
            var data: DouyinTokenData
            if let refreshToken {
                do {
                    (data, _) = try await self.send(
                        "token.refresh",
                        parameters: ["grant_type": .string("refresh_token"), "refresh_token": .string(refreshToken)],
                        accessToken: nil
                    )
                } catch {
                    self.logger.warning("douyin token refresh failed, creating a new token", metadata: ["error": "\(error)"])
                    (data, _) = try await self.createToken()
                }
            } else {
                (data, _) = try await self.createToken()
            }
            return data
        }
    }

    private func createToken() async throws -> (DouyinTokenData, String) {
        try await send(
            "token.create",
            parameters: ["code": .string(""), "grant_type": .string("authorization_self"), "shop_id": .string(shopId)],
            accessToken: nil
        )
    }

    private func send<T: Decodable & Sendable>(
        _ method: String,
        parameters: [String: DouyinParameter],
        accessToken: String?
    ) async throws -> (T, String) {
        try await limiter.acquire()
        let paramJSON = try DouyinSigner.paramJSON(parameters)
        let timestamp = String(clock.now().secondsSince1970)
        var query: [(String, String)] = [("app_key", signer.appKey), ("method", method)]
        if let accessToken { query.append(("access_token", accessToken)) }
        query += [
            ("param_json", paramJSON), ("timestamp", timestamp), ("v", "2"), ("sign_method", "hmac-sha256"),
            ("sign", signer.sign(method: method, paramJSON: paramJSON, timestamp: timestamp)),
        ]
        let path = "/" + method.replacingOccurrences(of: ".", with: "/")
        let request = PlatformHTTPRequest(
            url: baseURL + path + "?" + Self.formEncode(query.filter { $0.0 != "param_json" }),
            method: "POST",
            headers: ["Content-Type": "application/json", "x-open-no-old-err-code": "1"],
            body: Array(paramJSON.utf8)
        )
        let response: PlatformHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw PlatformAPIError(platform: "douyin", method: method, code: "transport", message: "\(error)", isRetryable: true)
        }
        let raw = response.body
        guard response.status == 200 else {
            throw PlatformAPIError(
                platform: "douyin",
                method: method,
                httpStatus: response.status,
                code: "http",
                message: String(raw.prefix(300)),
                isRetryable: response.status >= 500 || response.status == 429
            )
        }
        let envelope: DouyinEnvelope<T>
        do {
            envelope = try JSONDecoder().decode(DouyinEnvelope<T>.self, from: Data(raw.utf8))
        } catch {
            throw PlatformAPIError(platform: "douyin", method: method, code: "decode", message: "unreadable response: \(error)", isRetryable: false)
        }
        guard envelope.code.value == 10000, let data = envelope.data else {
            let code = envelope.code.value
            throw PlatformAPIError(
                platform: "douyin",
                method: method,
                code: String(code),
                message: [envelope.msg, envelope.sub_code, envelope.sub_msg].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / "),
                isRetryable: code >= 50000 || code == 10000 || (envelope.sub_code ?? "").hasPrefix("isp."),
                subCode: envelope.sub_code
            )
        }
        return (data, raw)
    }

    static func isTokenError(_ error: PlatformAPIError) -> Bool {
        let code = Int(error.code) ?? 0
        return (30000..<31000).contains(code) || error.message.contains("access-token") || error.message.contains("access_token")
    }

    private static func isRetryable(_ error: any Error) -> Bool {
        (error as? PlatformAPIError)?.isRetryable ?? false
    }

    static func formEncode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}

/// An API response whose data the gateway does not read.
struct DouyinEmptyData: Codable, Sendable {}

/// The shop's current access token, renewed by one caller at a time.
actor DouyinTokenCache {
    private var token: String?
    private var refreshToken: String?
    private var expiresAt = Timestamp(millisecondsSince1970: .min)
    private var renewal: Task<String, any Error>?

    /// The token, if it is valid for at least another minute.
    func valid(now: Timestamp) -> String? {
        guard let token, now.adding(seconds: 60) < expiresAt else { return nil }
        return token
    }

    /// Forgets the token (the platform said it is invalid).
    func invalidate() {
        token = nil
        expiresAt = Timestamp(millisecondsSince1970: .min)
    }

    /// Renews the token once, however many callers ask at the same time; `clock` dates the new token's expiry.
    func renew(clock: GatewayClock, _ fetch: @escaping @Sendable (String?) async throws -> DouyinTokenData) async throws -> String {
        if let renewal { return try await renewal.value }
        let refresh = refreshToken
        let task = Task { () throws -> String in
            let data = try await fetch(refresh)
            self.store(data, now: clock.now())
            return data.access_token
        }
        renewal = task
        defer { renewal = nil }
        return try await task.value
    }

    private func store(_ data: DouyinTokenData, now: Timestamp) {
        token = data.access_token
        refreshToken = data.refresh_token ?? refreshToken
        expiresAt = now.adding(seconds: min(max(data.expires_in.value, 60), 31_536_000))
    }
}
