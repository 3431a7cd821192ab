import AsyncHTTPClient
import Foundation
import GatewayCore
import Logging
import NIOCore

/// Calls the Pinduoduo open API for one shop (platforms.md §3): signing, rate limit, retries.
///
/// Every call is `POST {api_base}/api/router` with an `application/x-www-form-urlencoded` body that
/// carries all parameters: `type` (the API name), `client_id`, `access_token`, `timestamp` (Unix
/// seconds), `data_type=JSON`, `version=V1`, the business parameters, and `sign`
/// (``PinduoduoSigner``). `sign_method` is not sent (md5 is PDD's only method; a server treats it as
/// optional). The answer is `{"<api>_response": {…}}` or `{"error_response": {"error_code", "error_msg",
/// "sub_code", "sub_msg", "request_id"}}`.
///
/// Retries ([U] PDD's code list is not in platforms.md; the safest reading retries only what is
/// clearly transient): transport failures, HTTP 5xx and 429, `error_code` 70031 (call frequency
/// limited) and 50000 (system error), and codes or messages that say rate limit, busy, timeout or
/// system error (`limited`, `rate limit`, `频繁`, `限流`, `繁忙`, `超时`, `isp.`…). Everything else — bad sign, expired
/// access token, bad parameters — fails at once.
public final class PinduoduoAPIClient: Sendable {
    /// The `type` of the incremental order list.
    public static let incrementListType = "pdd.order.number.list.increment.get"
    /// The `type` of the order detail.
    public static let orderInformationType = "pdd.order.information.get"
    /// The `type` of the stock write-back.
    public static let quantityUpdateType = "pdd.goods.quantity.update"

    private let baseURL: String
    private let signer: PinduoduoSigner
    private let accessToken: String
    private let transport: PlatformHTTPTransport
    private let limiter: RateLimiter
    private let retry: RetryPolicy
    /// The gateway's clock: signing timestamps.
    let clock: GatewayClock

    /// Creates a client over any transport (tests pass a fake platform).
    /// - Parameters:
    ///   - baseURL: the API root, e.g. `https://gw-api.pinduoduo.com` or the mock's address; `/api/router` is appended.
    ///   - clientId: the app's `client_id`; `clientSecret`: its `client_secret`; `accessToken`: the shop's token.
    ///   - transport: how requests are sent; `limiter`: the shop's rate limit; `retry`: back-off policy.
    ///   - clock: the gateway's clock, for `timestamp`.
    public init(
        baseURL: String,
        clientId: String,
        clientSecret: String,
        accessToken: String,
        transport: PlatformHTTPTransport,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        clock: GatewayClock
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.signer = PinduoduoSigner(clientId: clientId, clientSecret: clientSecret)
        self.accessToken = accessToken
        self.transport = transport
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
    }

    /// Creates a client over AsyncHTTPClient; `clock` is the gateway's clock, for `timestamp`.
    public convenience init(
        baseURL: String,
        clientId: String,
        clientSecret: String,
        accessToken: String,
        http: HTTPClient,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        timeout: TimeAmount = .seconds(10),
        clock: GatewayClock,
        logger: Logger = Logger(label: "pinduoduo-api")
    ) {
        self.init(
            baseURL: baseURL,
            clientId: clientId,
            clientSecret: clientSecret,
            accessToken: accessToken,
            transport: .asyncHTTPClient(http, timeout: timeout, logger: logger),
            limiter: limiter,
            retry: retry,
            clock: clock
        )
    }

    /// One page of `pdd.order.number.list.increment.get` for orders updated in `[start, end]` (Unix seconds).
    ///
    /// Sends `start_updated_at`, `end_updated_at`, `page`, `page_size`, `use_has_next`, and
    /// `order_status=5` (全部), `refund_status=5` (全部), `is_lucky_flag=0` (全部). The page's `order_sn_list`
    /// comes back as raw rows (``PollPage``).
    func incrementPage(start: Int64, end: Int64, page: Int, pageSize: Int, useHasNext: Bool) async throws -> PollPage<PinduoduoIncrementPage> {
        let responseKey = "order_sn_increment_get_response"
        let (result, raw): (PinduoduoIncrementPage, String) = try await call(
            Self.incrementListType,
            responseKey: responseKey,
            parameters: [
                "start_updated_at": String(start), "end_updated_at": String(end), "page": String(page), "page_size": String(pageSize),
                "use_has_next": useHasNext ? "true" : "false", "order_status": "5", "refund_status": "5", "is_lucky_flag": "0",
            ]
        )
        return try PollPage(envelope: result, responseText: raw) { RouterAPICall.payload(in: $0, responseKey: responseKey)?["order_sn_list"] }
    }

    /// `pdd.order.information.get` for one `order_sn`: the order and the raw response text.
    func orderInformation(orderSn: String) async throws -> (PinduoduoOrder, String) {
        let (result, raw): (PinduoduoOrderInfo, String) = try await call(
            Self.orderInformationType,
            responseKey: "order_info_get_response",
            parameters: ["order_sn": orderSn]
        )
        return (result.order_info, raw)
    }

    /// Sets or changes a SKU's stock on PDD (`pdd.goods.quantity.update`).
    /// - Parameters:
    ///   - goodsId: `goods_id`; `skuId`: `sku_id`; `quantity`: the stock (full) or the change (incremental).
    ///   - incremental: `update_type` 2 (incremental) instead of 1 (full) — [U] per platforms.md §8a.
    ///     PDD refuses to decrease the stock of goods in a promotion.
    /// - Throws: ``PlatformAPIError`` when the platform refuses.
    public func updateGoodsQuantity(goodsId: String, skuId: String, quantity: Int64, incremental: Bool = false) async throws {
        let (result, raw): (PinduoduoQuantityUpdateResult, String) = try await call(
            Self.quantityUpdateType,
            responseKey: "goods_quantity_update_response",
            parameters: ["goods_id": goodsId, "sku_id": skuId, "quantity": String(quantity), "update_type": incremental ? "2" : "1"]
        )
        if result.is_success?.value == false {
            throw PlatformAPIError(
                platform: "pinduoduo",
                method: Self.quantityUpdateType,
                code: "is_success",
                message: String(raw.prefix(300)),
                isRetryable: false
            )
        }
    }

    /// The complete form parameters of a call, `sign` included (exposed for tests and logs).
    func signedParameters(type: String, parameters: [String: String], at now: Timestamp) -> [String: String] {
        var all = parameters
        all["type"] = type
        all["client_id"] = signer.clientId
        all["access_token"] = accessToken
        all["timestamp"] = String(now.secondsSince1970)
        all["data_type"] = "JSON"
        all["version"] = "V1"
        all["sign"] = signer.sign(all)
        return all
    }

    // MARK: calls

    /// Sends a call; `retrying` false sends it once — for writes the caller classifies.
    func call<T: Decodable & Sendable>(
        _ type: String,
        responseKey: String,
        parameters: [String: String],
        retrying: Bool = true
    ) async throws -> (T, String) {
        guard retrying else { return try await send(type, responseKey: responseKey, parameters: parameters) }
        return try await retry.run(isRetryable: Self.isRetryableError) {
            try await self.send(type, responseKey: responseKey, parameters: parameters)
        }
    }

    private func send<T: Decodable & Sendable>(_ type: String, responseKey: String, parameters: [String: String]) async throws -> (T, String) {
        try await limiter.acquire()
        return try await RouterAPICall.post(
            platform: "pinduoduo",
            method: type,
            url: baseURL + "/api/router",
            contentType: "application/x-www-form-urlencoded; charset=utf-8",
            form: signedParameters(type: type, parameters: parameters, at: clock.now()),
            responseKey: responseKey,
            transport: transport
        ) { (body: PinduoduoErrorBody, httpStatus: Int?) in Self.apiError(body, method: type, httpStatus: httpStatus) }
    }

    private static func isRetryableError(_ error: any Error) -> Bool {
        (error as? PlatformAPIError)?.isRetryable ?? false
    }

    /// The gateway's error for an `error_response`.
    static func apiError(_ body: PinduoduoErrorBody, method: String, httpStatus: Int? = nil) -> PlatformAPIError {
        let code = body.error_code?.value ?? "unknown"
        let message = [body.error_msg, body.sub_code?.value, body.sub_msg].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
        return PlatformAPIError(
            platform: "pinduoduo",
            method: method,
            httpStatus: httpStatus,
            code: code,
            message: message,
            isRetryable: isRetryable(code: code, text: message) || (httpStatus.map { $0 >= 500 || $0 == 429 } ?? false),
            subCode: body.sub_code?.value
        )
    }

    /// Whether an `error_response` is worth retrying (rate limit, system error) — see the type's documentation.
    static func isRetryable(code: String, text: String) -> Bool {
        if ["70031", "50000"].contains(code) { return true }
        let lowered = text.lowercased()
        let markers = [
            "rate limit", "ratelimit", "limited", "frequen", "too many", "busy", "timeout", "time out", "unavailable", "system error", "isp.", "频繁",
            "限流", "繁忙", "超时", "系统异常", "系统错误",
        ]
        return markers.contains { lowered.contains($0) }
    }
}
