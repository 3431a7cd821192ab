import Foundation
import GatewayCore

/// Calls the Kuaishou open API for one shop: signing, timeouts, retries, rate limit (platforms.md §2.2–§2.3).
///
/// Every call is `POST {api_base}/{method with . → /}` (e.g. `/open/order/cursor/list`) with
/// `Content-Type: application/x-www-form-urlencoded`. The signed parameters `appkey`, `method`,
/// `version=1`, `param` (business JSON, compact, sorted keys), `timestamp` (ms), `signMethod`,
/// `access_token` (only when the shop configures one) and `sign` are sent **both** in the form body and
/// in the query string, so a server that reads either place (the official doc puts `param` in the body,
/// some SDKs send GET queries) sees the same signed set. Success is `result == 1`; anything else is a
/// ``PlatformAPIError`` with the platform's `code`/`msg`/`subCode`/`subMsg`. Reads are retried with the
/// back-off policy; the increment-only stock write is sent once per attempt of ``setSkuStock(itemId:skuId:quantity:)``,
/// each attempt reading the stock back first, so a write whose outcome is unknown is never simply re-sent.
///
/// [U] Kuaishou access tokens come from a merchant OAuth grant that design.md's credential list does not
/// include. A configured optional credential `access_token` is used as is; otherwise the client asks
/// `GET {api_base}/oauth2/access_token?app_id=&app_secret=&grant_type=client_credentials` (tokens last
/// 172800 s per platforms.md §2.2), caches the token until a minute before it expires, and asks again
/// when the platform says the token is invalid or expired.
public final class KuaishouAPIClient: Sendable {
    private let baseURL: String
    private let appKey: String
    private let accessToken: String?
    private let appSecret: String
    private let tokens = KuaishouTokenCache()
    private let signer: KuaishouSigner
    private let signMethod: KuaishouSigner.Method
    private let transport: PlatformHTTPTransport
    private let limiter: RateLimiter
    private let retry: RetryPolicy
    /// The gateway's clock: signing timestamps and token expiry.
    let clock: GatewayClock

    /// Creates a client.
    /// - Parameters:
    ///   - baseURL: API root, e.g. `https://openapi.kwaixiaodian.com` or the mock's address.
    ///   - appKey: credential `app_key`; `signSecret`: credential `sign_secret`; `accessToken`: optional credential `access_token`.
    ///   - signMethod: `HMAC_SHA256` (recommended by Kuaishou) or `MD5`.
    ///   - transport: how requests are sent (``PlatformHTTPTransport/asyncHTTPClient(_:timeout:logger:)`` in production);
    ///     `limiter`: the shop's rate limit; `retry`: back-off policy.
    ///   - clock: the gateway's clock (signing timestamps, token expiry).
    public init(
        baseURL: String,
        appKey: String,
        signSecret: String,
        appSecret: String = "",
        accessToken: String? = nil,
        signMethod: KuaishouSigner.Method = .hmacSHA256,
        transport: PlatformHTTPTransport,
        limiter: RateLimiter,
        retry: RetryPolicy = RetryPolicy(),
        clock: GatewayClock
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.appKey = appKey
        self.accessToken = accessToken.flatMap { $0.isEmpty ? nil : $0 }
        self.appSecret = appSecret
        self.signer = KuaishouSigner(signSecret: signSecret)
        self.signMethod = signMethod
        self.transport = transport
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
    }

    /// One page of `open.order.cursor.list` by update time.
    ///
    /// `param`: `{"beginTime":ms,"endTime":ms,"cursor":"…","pageSize":100,"queryType":2,"orderViewStatus":1,"sort":1}`
    /// ([U] semantics: `queryType` 2 = by update time, `orderViewStatus` 1 = all, `sort` 1 = descending).
    /// The page's `data.orderList` comes back as raw rows (``PollPage``).
    func cursorList(
        beginMilliseconds: Int64,
        endMilliseconds: Int64,
        cursor: String,
        pageSize: Int
    ) async throws -> PollPage<KuaishouCursorListData> {
        let (data, raw): (KuaishouCursorListData, String) = try await call(
            "open.order.cursor.list",
            param: [
                "beginTime": .int(beginMilliseconds), "endTime": .int(endMilliseconds), "cursor": .string(cursor),
                "pageSize": .int(Int64(pageSize)), "queryType": .int(2), "orderViewStatus": .int(1), "sort": .int(1),
            ]
        )
        return try PollPage(envelope: data, responseText: raw) { $0["data"]?["orderList"] }
    }

    /// `open.order.detail` with `param` `{"oid":…}`; returns the order (`data` itself) and the raw response.
    func orderDetail(oid: String) async throws -> (KuaishouOrder, String) {
        try await call("open.order.detail", param: ["oid": .id(oid)])
    }

    /// Sets a SKU's stock to `quantity` on top of Kuaishou's increment-only write: reads the current stock
    /// back (``skuStock(itemId:skuId:)``), then sends the difference once (``updateSkuStock(itemId:skuId:change:)``);
    /// nothing when they are equal.
    ///
    /// When the write's outcome is unknown (timeout, dropped connection, HTTP 5xx or 429, "busy") the next
    /// attempt of the retry policy starts again with a read-back, so a change the platform applied before
    /// its answer was lost is not applied twice, and a change the platform never saw is sent again. A
    /// business refusal (e.g. stock reserved for a promotion) is not retried. **[U]** A write still in
    /// flight after the client's timeout may land after the read-back; the next push corrects it, since it
    /// reads the stock back again.
    /// - Parameters:
    ///   - itemId: the Kuaishou item id (`kwaiItemId`); `skuId`: the Kuaishou SKU id (`kwaiSkuId`).
    ///   - quantity: the stock the SKU should have.
    /// - Returns: the change sent by the attempt that succeeded (0: the stock already was `quantity`).
    /// - Throws: ``PlatformAPIError`` from the platform; ``ConnectorError`` when the stock cannot be read back.
    @discardableResult
    public func setSkuStock(itemId: String, skuId: String, quantity: Int) async throws -> Int {
        try await retry.run(isRetryable: Self.isRetryable) {
            let current = try await self.skuStock(itemId: itemId, skuId: skuId)
            let change = Int64(quantity) - current
            try await self.updateSkuStock(itemId: itemId, skuId: skuId, change: Int(change))
            return Int(change)
        }
    }

    /// The current stock of one SKU, read back from the platform with `open.item.get`.
    ///
    /// `param`: `{"kwaiItemId":…}`; of the answer's `data.skuInfos[]` the entry whose `kwaiSkuId` is `skuId`
    /// gives `skuStock` (``KuaishouItemStock``). **[U]** platforms.md documents no item read: the method,
    /// `param` and fields follow third-party SDKs (`open.item.get` with `kwaiItemId` in several; `skuInfos[]`
    /// with `kwaiSkuId`/`skuStock` in one, the same pair under `skuList` in two item-list models, read too).
    /// Taken as the stock that `open.item.sku.stock.update` changes. Reads are idempotent and retried.
    /// - Throws: ``PlatformAPIError`` from the platform; ``ConnectorError`` when the item does not list the
    ///   SKU exactly once or gives no integer `skuStock` — an unreadable stock is never guessed.
    public func skuStock(itemId: String, skuId: String) async throws -> Int64 {
        let (item, raw): (KuaishouItemStock, String) = try await call("open.item.get", param: ["kwaiItemId": .id(itemId)])
        guard let stock = item.stock(ofSku: skuId) else {
            throw ConnectorError(
                "kuaishou open.item.get of item \(itemId) gives no stock for SKU \(skuId); nothing is written: \(raw.prefix(300))"
            )
        }
        return stock
    }

    /// Changes a SKU's stock on Kuaishou (`open.item.sku.stock.update`), which only takes increments.
    ///
    /// `param`: `{"kwaiItemId":…,"skuId":…,"skuChangeStock":|change|,"changeType":1 add / 2 subtract}`.
    /// A zero change sends nothing. The request is sent **once** (a refused access token aside, which
    /// nothing was applied with): when its outcome is unknown, re-sending it could apply the change twice,
    /// so read the stock back before anything else — ``setSkuStock(itemId:skuId:quantity:)`` does.
    /// - Parameters:
    ///   - itemId: the Kuaishou item id (`kwaiItemId`); `skuId`: the Kuaishou SKU id.
    ///   - change: units to add (positive) or subtract (negative).
    public func updateSkuStock(itemId: String, skuId: String, change: Int) async throws {
        guard change != 0 else { return }
        let _: (KuaishouIgnoredData, String) = try await call(
            "open.item.sku.stock.update",
            param: [
                "kwaiItemId": .id(itemId), "skuId": .id(skuId), "skuChangeStock": .int(Int64(change.magnitude)),
                "changeType": .int(change > 0 ? 1 : 2),
            ],
            retrying: false
        )
    }

    // MARK: calls

    /// The full parameter set of a request, signed (exposed for tests and the mock's own checks).
    func signedParameters(method: String, paramJSON: String, timestampMilliseconds: Int64, token: String? = nil) -> [String: String] {
        var parameters = [
            "appkey": appKey, "method": method, "version": "1", "param": paramJSON,
            "timestamp": String(timestampMilliseconds), "signMethod": signMethod.rawValue,
        ]
        if let token = token ?? accessToken { parameters["access_token"] = token }
        parameters["sign"] = signer.sign(parameters, method: signMethod)
        return parameters
    }

    private static func isRetryable(_ error: any Error) -> Bool { (error as? PlatformAPIError)?.isRetryable ?? false }

    /// Sends a call; `retrying` false sends it once (for writes that must not be repeated blindly).
    func call<T: Decodable & Sendable>(
        _ method: String,
        param: [String: KuaishouParameter],
        retrying: Bool = true
    ) async throws -> (T, String) {
        let attempt: @Sendable () async throws -> (T, String) = {
            do {
                return try await self.send(method, param: param, token: try await self.currentToken())
            } catch let error as PlatformAPIError where self.accessToken == nil && error.message.contains("access_token") {
                await self.tokens.invalidate()
                return try await self.send(method, param: param, token: try await self.currentToken())
            }
        }
        return retrying ? try await retry.run(isRetryable: Self.isRetryable, attempt) : try await attempt()
    }

    /// The token to send: the configured one, else a cached or freshly granted one.
    private func currentToken() async throws -> String? {
        if let accessToken { return accessToken }
        if let token = await tokens.valid(now: clock.now()) { return token }
        try await limiter.acquire()
        let query = FormURLEncoding.encode(["app_id": appKey, "app_secret": appSecret, "grant_type": "client_credentials"])
        let request = PlatformHTTPRequest(url: baseURL + "/oauth2/access_token?" + query, method: "GET", headers: [:], body: [])
        let response: PlatformHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw PlatformAPIError(platform: "kuaishou", method: "oauth2.access_token", code: "transport", message: "\(error)", isRetryable: true)
        }
        let grant = try? JSONDecoder().decode(KuaishouTokenGrant.self, from: Data(response.body.utf8))
        guard response.status == 200, let grant, grant.result?.value ?? 1 == 1, let token = grant.access_token, !token.isEmpty else {
            throw PlatformAPIError(
                platform: "kuaishou",
                method: "oauth2.access_token",
                httpStatus: response.status,
                code: grant?.result.map { String($0.value) } ?? "http",
                message: "no access token granted: \(response.body.prefix(300))",
                isRetryable: response.status >= 500
            )
        }
        await tokens.store(token, expiresIn: grant.expires_in?.value ?? 172_800, now: clock.now())
        return token
    }

    private func send<T: Decodable & Sendable>(_ method: String, param: [String: KuaishouParameter], token: String?) async throws -> (T, String) {
        try await limiter.acquire()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let paramJSON = String(decoding: try encoder.encode(param), as: UTF8.self)
        let parameters = signedParameters(
            method: method,
            paramJSON: paramJSON,
            timestampMilliseconds: clock.now().millisecondsSince1970,
            token: token
        )
        let form = FormURLEncoding.encode(parameters)
        let request = PlatformHTTPRequest(
            url: baseURL + "/" + method.replacingOccurrences(of: ".", with: "/") + "?" + form,
            method: "POST",
            headers: ["Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"],
            body: Array(form.utf8)
        )
        let response: PlatformHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw PlatformAPIError(platform: "kuaishou", method: method, code: "transport", message: "\(error)", isRetryable: true)
        }
        let raw = response.body
        guard response.status == 200 else {
            throw PlatformAPIError(
                platform: "kuaishou",
                method: method,
                httpStatus: response.status,
                code: "http",
                message: String(raw.prefix(300)),
                isRetryable: response.status >= 500 || response.status == 429
            )
        }
        let envelope: KuaishouEnvelope<T>
        do {
            envelope = try JSONDecoder().decode(KuaishouEnvelope<T>.self, from: Data(raw.utf8))
        } catch {
            throw PlatformAPIError(platform: "kuaishou", method: method, code: "decode", message: "unreadable response: \(error)", isRetryable: false)
        }
        if envelope.result?.value == 1, envelope.data == nil, let nothing = KuaishouIgnoredData() as? T { return (nothing, raw) }
        guard envelope.result?.value == 1, let data = envelope.data else {
            let message = [envelope.msg, envelope.subCode?.value, envelope.subMsg, envelope.error_msg, envelope.errorMsg]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
            let code = envelope.code?.value ?? envelope.result.map { String($0.value) } ?? "unknown"
            let busy = ["busy", "繁忙", "limit", "限流", "timeout", "超时"].contains { message.localizedCaseInsensitiveContains($0) }
            throw PlatformAPIError(
                platform: "kuaishou",
                method: method,
                code: code,
                message: message.isEmpty ? (envelope.result?.value == 1 ? "response has no data" : "result \(envelope.result?.value ?? 0)") : message,
                isRetryable: busy,
                subCode: envelope.subCode?.value
            )
        }
        return (data, raw)
    }
}

/// An API response whose data the gateway does not read (any JSON).
struct KuaishouIgnoredData: Decodable, Sendable {
    init() {}
    init(from decoder: any Decoder) throws {}
}

/// A business parameter value in Kuaishou's `param` JSON.
enum KuaishouParameter: Encodable, Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int64)
    /// A platform id: a JSON number when it is one (Kuaishou ids are `Long`), else a string.
    case id(String)
    /// An array.
    case array([KuaishouParameter])
    /// An object.
    case object([String: KuaishouParameter])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .id(let value):
            if let number = Int64(value) {
                try container.encode(number)
            } else if let number = UInt64(value) {
                try container.encode(number)
            } else {
                try container.encode(value)
            }
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// The answer of `/oauth2/access_token`.
struct KuaishouTokenGrant: Decodable, Sendable {
    var result: FlexibleInt?
    var access_token: String?
    var expires_in: FlexibleInt?
}

/// The shop's granted access token.
actor KuaishouTokenCache {
    private var token: String?
    private var expiresAt = Timestamp(millisecondsSince1970: .min)

    /// The token, if it stays valid for at least another minute.
    func valid(now: Timestamp) -> String? {
        guard let token, now.adding(seconds: 60) < expiresAt else { return nil }
        return token
    }

    /// Keeps a granted token.
    func store(_ token: String, expiresIn seconds: Int64, now: Timestamp) {
        self.token = token
        expiresAt = now.adding(seconds: min(max(seconds, 60), 31_536_000))
    }

    /// Forgets the token (the platform refused it).
    func invalidate() {
        token = nil
        expiresAt = Timestamp(millisecondsSince1970: .min)
    }
}
