import AsyncHTTPClient
import Foundation
import GatewayCore
import Logging
import NIOCore

/// Calls the Taobao TOP API for one shop (platforms.md §4): signing, rate limit, retries.
///
/// Every call is `POST {api_base}/router/rest` with an `application/x-www-form-urlencoded;charset=utf-8`
/// body carrying all parameters — the TOP common ones `method`, `app_key`, `session`, `timestamp`
/// (`yyyy-MM-dd HH:mm:ss`, Beijing time), `format=json`, `v=2.0`, `sign_method` (`md5` default, or
/// `hmac`), the business parameters, and `sign` (``TaobaoSigner``). (Official SDKs put the common
/// parameters in the query string instead; the signature covers both alike. Real SDKs also send
/// `timestamp` with milliseconds or as Unix ms in places; responses are parsed accepting both forms.)
/// The answer is `{"<api>_response": {…}}` or
/// `{"error_response": {"code", "msg", "sub_code", "sub_msg", "request_id"}}`.
///
/// Retries ([U] TOP's code list is not in platforms.md; the safest reading retries only what is
/// clearly transient): transport failures, HTTP 5xx and 429, `code` 7 (App Call Limited) and 10
/// (Service Currently Unavailable), any `sub_code` starting `isp.` (platform-side failure) or
/// `accesscontrol.limited`, and messages saying limited/busy/timeout. Everything else — invalid
/// signature (25), invalid session (27), `isv.*` parameter errors — fails at once.
public final class TaobaoAPIClient: Sendable {
    /// The incremental trade list.
    public static let incrementMethod = "taobao.trades.sold.increment.get"
    /// The trade detail.
    public static let fullInfoMethod = "taobao.trade.fullinfo.get"
    /// The stock write-back.
    public static let quantityUpdateMethod = "taobao.item.quantity.update"

    /// Fields asked of the increment list (enough for a thin observation, plus a little context).
    static let incrementFields = "tid,tid_str,status,type,created,modified,pay_time,payment"
    /// Fields asked of the detail.
    static let fullInfoFields = [
        "tid", "tid_str", "status", "type", "created", "modified", "pay_time", "consign_time", "end_time", "payment", "total_fee",
        "post_fee", "discount_fee", "receiver_name", "receiver_mobile", "receiver_state", "receiver_city", "receiver_district", "oaid",
        "orders",
    ].joined(separator: ",")

    private let baseURL: String
    private let signer: TaobaoSigner
    private let session: String
    private let transport: PlatformHTTPTransport
    private let limiter: RateLimiter
    private let retry: RetryPolicy
    /// The gateway's clock: signing timestamps.
    let clock: GatewayClock

    /// Creates a client over any transport (tests pass a fake platform).
    /// - Parameters:
    ///   - baseURL: the API root, e.g. `https://eco.taobao.com` or the mock's address; `/router/rest` is appended.
    ///   - appKey: `app_key`; `appSecret`: `app_secret`; `session`: the shop's session key;
    ///     `signMethod`: `md5` (default) or `hmac`.
    ///   - transport: how requests are sent; `limiter`: the shop's rate limit; `retry`: back-off policy.
    ///   - clock: the gateway's clock, for `timestamp`.
    public init(
        baseURL: String,
        appKey: String,
        appSecret: String,
        session: String,
        signMethod: TaobaoSigner.Method = .md5,
        transport: PlatformHTTPTransport,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        clock: GatewayClock
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.signer = TaobaoSigner(appKey: appKey, appSecret: appSecret, method: signMethod)
        self.session = session
        self.transport = transport
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
    }

    /// Creates a client over AsyncHTTPClient; `clock` is the gateway's clock, for `timestamp`.
    public convenience init(
        baseURL: String,
        appKey: String,
        appSecret: String,
        session: String,
        signMethod: TaobaoSigner.Method = .md5,
        http: HTTPClient,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        timeout: TimeAmount = .seconds(10),
        clock: GatewayClock,
        logger: Logger = Logger(label: "taobao-api")
    ) {
        self.init(
            baseURL: baseURL,
            appKey: appKey,
            appSecret: appSecret,
            session: session,
            signMethod: signMethod,
            transport: .asyncHTTPClient(http, timeout: timeout, logger: logger),
            limiter: limiter,
            retry: retry,
            clock: clock
        )
    }

    /// One page of `taobao.trades.sold.increment.get` for trades modified in `[start, end]`.
    ///
    /// Sends `fields`, `start_modified`, `end_modified` (Beijing `yyyy-MM-dd HH:mm:ss`), `page_no`,
    /// `page_size`, `use_has_next`; no `status`/`type` filter (the platform's defaults). The page's trades come
    /// back as raw rows (``PollPage``), from `trades` wrapped the TOP way (`{"trade": […]}`) or bare.
    func incrementPage(start: Timestamp, end: Timestamp, page: Int, pageSize: Int, useHasNext: Bool) async throws -> PollPage<TaobaoIncrementPage> {
        let responseKey = "trades_sold_increment_get_response"
        let (result, raw): (TaobaoIncrementPage, String) = try await call(
            Self.incrementMethod,
            responseKey: responseKey,
            parameters: [
                "fields": Self.incrementFields, "start_modified": BeijingTime.format(start), "end_modified": BeijingTime.format(end),
                "page_no": String(page), "page_size": String(pageSize), "use_has_next": useHasNext ? "true" : "false",
            ]
        )
        return try PollPage(envelope: result, responseText: raw) { document in
            // Like ``TaobaoList``: an object's first member holds the array; a bare array is the list itself.
            RouterAPICall.payload(in: document, responseKey: responseKey)?["trades"].flatMap { $0.kind == .object ? $0.members?.first?.value : $0 }
        }
    }

    /// `taobao.trade.fullinfo.get` for one `tid`: the trade and the raw response text.
    func fullInfo(tid: String) async throws -> (TaobaoTrade, String) {
        let (result, raw): (TaobaoFullInfo, String) = try await call(
            Self.fullInfoMethod,
            responseKey: "trade_fullinfo_get_response",
            parameters: ["fields": Self.fullInfoFields, "tid": tid]
        )
        return (result.trade, raw)
    }

    /// Sets or changes an item's stock on Taobao (`taobao.item.quantity.update`).
    /// - Parameters:
    ///   - numIid: `num_iid`; `skuId`: `sku_id` (or nil for an item without SKUs); `outerId`: `outer_id` instead of `sku_id`.
    ///   - quantity: the stock (full) or the change (incremental); `incremental`: `type` 2 instead of 1.
    /// - Throws: ``PlatformAPIError`` when the platform refuses.
    public func updateItemQuantity(numIid: String, skuId: String?, outerId: String? = nil, quantity: Int64, incremental: Bool = false) async throws {
        var parameters = ["num_iid": numIid, "quantity": String(quantity), "type": incremental ? "2" : "1"]
        if let skuId, !skuId.isEmpty { parameters["sku_id"] = skuId }
        if let outerId, !outerId.isEmpty { parameters["outer_id"] = outerId }
        let _: (TaobaoQuantityUpdateResult, String) = try await call(
            Self.quantityUpdateMethod,
            responseKey: "item_quantity_update_response",
            parameters: parameters
        )
    }

    /// The complete form parameters of a call, `sign` included (exposed for tests and logs).
    func signedParameters(method: String, parameters: [String: String], at now: Timestamp) -> [String: String] {
        var all = parameters
        all["method"] = method
        all["app_key"] = signer.appKey
        all["session"] = session
        all["timestamp"] = BeijingTime.format(now)
        all["format"] = "json"
        all["v"] = "2.0"
        all["sign_method"] = signer.method.rawValue
        all["sign"] = signer.sign(all, method: signer.method)
        return all
    }

    // MARK: calls

    /// Sends a call; `retrying` false sends it once — for writes the caller classifies.
    func call<T: Decodable & Sendable>(
        _ method: String,
        responseKey: String,
        parameters: [String: String],
        retrying: Bool = true
    ) async throws -> (T, String) {
        guard retrying else { return try await send(method, responseKey: responseKey, parameters: parameters) }
        return try await retry.run(isRetryable: Self.isRetryableError) {
            try await self.send(method, responseKey: responseKey, parameters: parameters)
        }
    }

    private func send<T: Decodable & Sendable>(_ method: String, responseKey: String, parameters: [String: String]) async throws -> (T, String) {
        try await limiter.acquire()
        return try await RouterAPICall.post(
            platform: "taobao",
            method: method,
            url: baseURL + "/router/rest",
            contentType: "application/x-www-form-urlencoded;charset=utf-8",
            form: signedParameters(method: method, parameters: parameters, at: clock.now()),
            responseKey: responseKey,
            transport: transport
        ) { (body: TaobaoErrorBody, httpStatus: Int?) in Self.apiError(body, method: method, httpStatus: httpStatus) }
    }

    private static func isRetryableError(_ error: any Error) -> Bool {
        (error as? PlatformAPIError)?.isRetryable ?? false
    }

    /// The gateway's error for an `error_response`.
    static func apiError(_ body: TaobaoErrorBody, method: String, httpStatus: Int? = nil) -> PlatformAPIError {
        let code = body.code?.value ?? "unknown"
        let subCode = body.sub_code?.value ?? ""
        let message = [body.msg, body.sub_code?.value, body.sub_msg].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
        return PlatformAPIError(
            platform: "taobao",
            method: method,
            httpStatus: httpStatus,
            code: code,
            message: message,
            isRetryable: isRetryable(code: code, subCode: subCode, text: message) || (httpStatus.map { $0 >= 500 || $0 == 429 } ?? false),
            subCode: subCode
        )
    }

    /// Whether an `error_response` is worth retrying (rate limit, platform-side failure) — see the type's documentation.
    static func isRetryable(code: String, subCode: String, text: String) -> Bool {
        if ["7", "10"].contains(code) { return true }
        if subCode.hasPrefix("isv.") { return false }
        if subCode.hasPrefix("isp.") || subCode.hasPrefix("accesscontrol.limited") { return true }
        let lowered = text.lowercased()
        return ["call limited", "limited", "busy", "timeout", "unavailable", "频繁", "限流", "繁忙", "超时"].contains { lowered.contains($0) }
    }
}
