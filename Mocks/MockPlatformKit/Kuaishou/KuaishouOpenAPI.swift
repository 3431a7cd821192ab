import Foundation
import Logging

/// The Kuaishou open API as the mock serves it (platforms.md §2.2, §2.3, §8a), independent of HTTP plumbing.
///
/// API calls are `GET` or `POST` (form body) on `/{method with . → /}`, e.g. `/open/order/cursor/list`, with
/// the common parameters `appkey`, `method`, `version=1`, `param` (business JSON), `access_token`,
/// `timestamp` (ms), `signMethod` (`MD5` | `HMAC_SHA256`) and `sign`, in the query or the form body.
/// Checks run in this order: `appkey` known → frequency limit → injected faults → every common parameter
/// present → `method` matches the path → `version` is 1 → `signMethod` known → `timestamp` within the
/// window → `sign` (``KuaishouSigner``, keyed with the shop's `sign_secret`) → `param` is a JSON object →
/// access token → the method. With the ``MockFaults/lostAnswerRate`` fault, a stock write that succeeded
/// is answered with a bare HTTP 504 instead (after ``MockFaults/lostAnswerDelayMilliseconds``): applied,
/// but the caller cannot know.
///
/// Token endpoints (**[U]**: platforms.md gives only the lifetimes, 172800 s and 15552000 s): `GET|POST
/// /oauth2/access_token` with `app_id` (or `client_id`), `app_secret` (or `client_secret`) and
/// `grant_type` = `code` (with any non-empty `code`), `authorization_code` or `client_credentials`;
/// `GET|POST /oauth2/refresh_token` with `grant_type=refresh_token`, `refresh_token`, `app_id`, `app_secret`.
/// They answer `{"result":1,"access_token":…,"expires_in":172800,"refresh_token":…,
/// "refresh_token_expires_in":15552000,"open_id":…,"scopes":[…],"token_type":"bearer"}`.
/// A shop's optional `access_token` credential is accepted as a never-expiring token.
struct KuaishouOpenAPI: Sendable {
    /// An answer ready to send.
    struct Answer: Sendable, Equatable {
        var httpStatus: Int
        var body: String
        var result: Int
        var subCode: String
        var contentType = "application/json;charset=UTF-8"
    }

    /// The API methods served, by path.
    static let apiPaths = [
        "/open/order/cursor/list", "/open/order/detail", "/open/item/get", "/open/item/sku/stock/update", "/open/seller/order/goods/deliver",
        "/open/order/goods/split/deliver", "/open/seller/order/logistics/update",
    ]
    /// The path of the stock write, whose answer the lost-answer fault drops.
    static let stockUpdatePath = "/open/item/sku/stock/update"
    /// The answer of an applied write whose answer was lost: what a gateway in front of the platform sends.
    static let lostAnswer = Answer(
        httpStatus: MockControl.lostAnswerStatus,
        body: MockControl.lostAnswerBody,
        result: MockControl.lostAnswerStatus,
        subCode: MockControl.lostAnswerSubCode,
        contentType: "text/plain"
    )
    /// The token endpoints.
    static let tokenPaths = ["/oauth2/access_token", "/oauth2/refresh_token"]
    /// The longest `beginTime`…`endTime` window, ms (7 days, **[U]**).
    static let maximumWindow: Int64 = 7 * 86_400_000

    let shops: [KuaishouShopMock]
    let control: MockControl
    let tokens: MockAccessTokens
    let logger: Logger

    /// The method a path stands for: `/open/order/cursor/list` → `open.order.cursor.list`.
    static func method(forPath path: String) -> String {
        String(path.drop(while: { $0 == "/" })).replacingOccurrences(of: "/", with: ".")
    }

    /// Handles one call and records it in the request log.
    /// - Parameters:
    ///   - path: the request path.
    ///   - parameters: query and form parameters, decoded.
    ///   - now: the mock's clock.
    func handle(path: String, parameters: [String: String], now: Date = Date()) async -> Answer {
        let isToken = Self.tokenPaths.contains(path)
        let appKey = isToken ? (parameters["app_id"] ?? parameters["client_id"]) : parameters["appkey"]
        let candidates = shops.filter { $0.appKey == appKey }
        var shopKey = candidates.count == 1 ? candidates[0].shopKey : nil
        let signatureValid = isToken ? tokenSecretValid(parameters, candidates) : isSignatureValid(parameters, candidates)
        let answer: Answer
        do throws(KuaishouAPIError) {
            try await admit(appKey: appKey, candidates: candidates, now: now)
            if isToken {
                answer = try token(path: path, parameters: parameters, candidates: candidates, shopKey: &shopKey, now: now)
            } else {
                let data = try process(
                    path: path,
                    parameters: parameters,
                    candidates: candidates,
                    signatureValid: signatureValid,
                    shopKey: &shopKey,
                    now: now
                )
                if path == Self.stockUpdatePath, let delay = control.drawLostAnswer() {
                    if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
                    answer = Self.lostAnswer
                } else if Self.shipPaths.contains(path), await control.loseShipAnswer(shop: shopKey) {
                    answer = Self.lostAnswer
                } else {
                    let envelope: JSONValue = ["result": 1, "msg": "success", "data": data, "request_id": .string(control.nextLogId(now: now))]
                    answer = Answer(httpStatus: 200, body: envelope.serialized, result: 1, subCode: "")
                }
            }
        } catch {
            answer = render(error, now: now)
        }
        control.record(
            MockRequestRecord(
                platform: "kuaishou",
                path: path,
                method: parameters["method"] ?? Self.method(forPath: path),
                shop: shopKey,
                appKey: appKey,
                signatureValid: signatureValid,
                code: answer.result,
                httpStatus: answer.httpStatus,
                subCode: answer.subCode
            )
        )
        if answer.result != 1 { logger.debug("kuaishou \(path) answered \(answer.result) \(answer.subCode)") }
        return answer
    }

    private func render(_ error: KuaishouAPIError, now: Date) -> Answer {
        if error.httpStatus != 200 {
            return Answer(httpStatus: error.httpStatus, body: "Service Unavailable", result: error.result, subCode: "", contentType: "text/plain")
        }
        let body: JSONValue = [
            "result": .int(error.result),
            "code": .string(error.code),
            "msg": .string(error.message),
            "error": .string(error.subCode),
            "error_msg": .string(error.message),
            "sub_code": .string(error.subCode),
            "sub_msg": .string(error.message),
            "request_id": .string(control.nextLogId(now: now)),
        ]
        return Answer(httpStatus: 200, body: body.serialized, result: error.result, subCode: error.subCode)
    }

    /// `appkey` known → frequency limit → faults.
    private func admit(appKey: String?, candidates: [KuaishouShopMock], now: Date) async throws(KuaishouAPIError) {
        guard let appKey, !appKey.isEmpty else { throw .missingParameter("appkey") }
        guard !candidates.isEmpty else { throw .invalidApp("appkey \(appKey)") }
        guard control.admit(appKey: appKey, now: now) else { throw .frequencyLimited }
        try await control.injectFault(systemError: KuaishouAPIError.systemError, unavailable: KuaishouAPIError.serviceUnavailable)
    }

    private func isSignatureValid(_ parameters: [String: String], _ candidates: [KuaishouShopMock]) -> Bool {
        guard let sign = parameters["sign"], let method = parameters["signMethod"].flatMap(KuaishouSignMethod.init(rawValue:)) else {
            return false
        }
        return Set(candidates.map(\.signSecret)).contains { secret in
            Hex.constantTimeEquals(KuaishouSigner.sign(parameters, signSecret: secret, method: method), sign)
        }
    }

    private func tokenSecretValid(_ parameters: [String: String], _ candidates: [KuaishouShopMock]) -> Bool {
        let secret = parameters["app_secret"] ?? parameters["client_secret"] ?? ""
        return candidates.contains { Hex.constantTimeEquals($0.appSecret, secret) }
    }

    private func process(
        path: String,
        parameters: [String: String],
        candidates: [KuaishouShopMock],
        signatureValid: Bool,
        shopKey: inout String?,
        now: Date
    ) throws(KuaishouAPIError) -> JSONValue {
        for name in ["method", "version", "param", "access_token", "timestamp", "signMethod", "sign"] where (parameters[name] ?? "").isEmpty {
            throw .missingParameter(name)
        }
        let method = Self.method(forPath: path)
        guard parameters["method"] == method else { throw .unknownMethod(parameters["method"] ?? "") }
        guard parameters["version"] == "1" else { throw .invalidParameter("version", "must be 1") }
        guard KuaishouSignMethod(rawValue: parameters["signMethod"] ?? "") != nil else {
            throw .invalidParameter("signMethod", "must be MD5 or HMAC_SHA256")
        }
        guard let timestamp = Int64(parameters["timestamp"] ?? "") else { throw .invalidParameter("timestamp", "must be Unix milliseconds") }
        let skew = timestamp - now.unixMilliseconds
        let tolerance = control.timestampToleranceSeconds * 1000
        guard abs(skew) <= tolerance else {
            throw .invalidParameter("timestamp", "\(timestamp) is \(skew) ms from the platform clock (allowed ±\(tolerance) ms)")
        }
        guard signatureValid else { throw .invalidSignature }
        guard let param = try? JSONParser.parse(parameters["param"] ?? "").value, let fields = param.objectValue else {
            throw .invalidParameter("param", "must be a JSON object")
        }
        let nowSeconds = now.unixSeconds
        let shop: KuaishouShopMock
        switch tokens.check(parameters["access_token"] ?? "", appKey: parameters["appkey"], now: nowSeconds) {
        case .unknown: throw .invalidAccessToken
        case .expired: throw .expiredAccessToken
        case .valid(let token):
            guard let owner = candidates.first(where: { $0.shopKey == token.shopKey }) else { throw .invalidAccessToken }
            shop = owner
        }
        shopKey = shop.shopKey
        switch method {
        case "open.order.cursor.list": return try cursorList(fields, shop: shop)
        case "open.order.detail": return try detail(fields, shop: shop)
        case "open.item.get": return try item(fields, shop: shop)
        case "open.item.sku.stock.update": return try stockUpdate(fields, shop: shop)
        case "open.seller.order.goods.deliver": return try goodsDeliver(fields, shop: shop, now: now)
        case "open.order.goods.split.deliver": return try splitDeliver(fields, shop: shop, now: now)
        case "open.seller.order.logistics.update": return try logisticsUpdate(fields, shop: shop, now: now)
        default: throw .unknownMethod(method)
        }
    }

    /// `open.order.cursor.list`: `beginTime`, `endTime` (ms, required, ≤ 7 days apart), `cursor` ("" first),
    /// `pageSize` (1…100, default 10), `queryType` (1 create time (default), 2 update time), `sort` (1 newest
    /// first (default), 2 oldest first), `orderViewStatus` (1 all (default); 2 待付款, 3 待发货, 4 待收货/已发货,
    /// 5 交易成功, 6 交易失败 — **[U]** codes). Answers `{"cursor":…,"orderList":[…],"pageSize":…,
    /// "beginTime":…,"endTime":…}`; `cursor` is `"nomore"` on the last page.
    private func cursorList(_ fields: [String: JSONValue], shop: KuaishouShopMock) throws(KuaishouAPIError) -> JSONValue {
        guard let begin = try integer(fields, "beginTime") else { throw .missingParameter("beginTime") }
        guard let end = try integer(fields, "endTime") else { throw .missingParameter("endTime") }
        guard end >= begin else { throw .invalidParameter("endTime", "must not be before beginTime") }
        guard end - begin <= Self.maximumWindow else { throw .invalidParameter("endTime", "the window must not exceed 7 days") }
        let pageSize = try integer(fields, "pageSize") ?? 10
        guard (1...100).contains(pageSize) else { throw .invalidParameter("pageSize", "must be between 1 and 100") }
        let queryType = try integer(fields, "queryType") ?? 1
        guard queryType == 1 || queryType == 2 else { throw .invalidParameter("queryType", "must be 1 or 2") }
        let sort = try integer(fields, "sort") ?? 1
        guard sort == 1 || sort == 2 else { throw .invalidParameter("sort", "must be 1 or 2") }
        let view = try integer(fields, "orderViewStatus") ?? 1
        let statuses: Set<Int>? =
            switch view {
            case 1: nil
            case 2: [10]
            case 3: [30]
            case 4: [40, 50]
            case 5: [70]
            case 6: [80]
            default: []
            }
        guard statuses != [] else { throw .invalidParameter("orderViewStatus", "unknown value \(view)") }
        let cursor = fields["cursor"]?.textValue ?? ""
        let base: JSONValue = ["pageSize": .int(pageSize), "beginTime": .int(begin), "endTime": .int(end)]
        if cursor == "nomore" { return Self.merge(base, ["cursor": "nomore", "orderList": []]) }

        func key(_ order: KuaishouOrder) -> Int64 { queryType == 2 ? order.updateTime : order.createTime }
        let newestFirst = sort == 1
        let sorted = shop.orders().filter { order in
            key(order) >= begin && key(order) <= end && (statuses?.contains(order.status) ?? true)
        }.sorted { left, right in
            if key(left) != key(right) { return newestFirst ? key(left) > key(right) : key(left) < key(right) }
            return newestFirst ? Self.idLess(right.oid, left.oid) : Self.idLess(left.oid, right.oid)
        }
        var start = 0
        if !cursor.isEmpty {
            guard let position = Self.position(after: cursor, in: sorted, key: key, newestFirst: newestFirst) else {
                throw .invalidParameter("cursor", "unknown cursor \(cursor)")
            }
            start = position
        }
        let page = Array(sorted[min(start, sorted.count)..<min(sorted.count, start + Int(pageSize))])
        let next = start + page.count >= sorted.count ? "nomore" : page.last.map { "\(key($0))_\($0.oid)" } ?? "nomore"
        return Self.merge(
            base,
            [
                "cursor": .string(next),
                "orderList": .array(page.map { $0.wire(sellerId: shop.sellerId, sellerOpenId: shop.sellerOpenId) }),
            ]
        )
    }

    /// `open.order.detail`: `oid` → the order.
    private func detail(_ fields: [String: JSONValue], shop: KuaishouShopMock) throws(KuaishouAPIError) -> JSONValue {
        guard let oid = fields["oid"]?.textValue, !oid.isEmpty else { throw .missingParameter("oid") }
        guard let order = shop.order(oid) else { throw .business("订单不存在: \(oid)") }
        return order.wire(sellerId: shop.sellerId, sellerOpenId: shop.sellerOpenId)
    }

    /// `open.item.get`: `kwaiItemId` (required) → the item and its SKUs with their current stock:
    /// `{"kwaiItemId":…,"relItemId":0,"title":…,"skuInfos":[{"kwaiSkuId":…,"kwaiItemId":…,"relSkuId":0,
    /// "skuNick":…,"skuStock":…,"reserveStock":0,"isValid":1}]}`. `skuStock` is the stock that
    /// `open.item.sku.stock.update` changes. **[U]** platforms.md has no item read; the method, `param` and
    /// field names follow third-party Kuaishou SDKs (`open.item.get` with `kwaiItemId`; `skuInfos[]` with
    /// `kwaiSkuId`, `skuStock`). An item with no listed SKU answers a business error (商品不存在, the mock's choice).
    private func item(_ fields: [String: JSONValue], shop: KuaishouShopMock) throws(KuaishouAPIError) -> JSONValue {
        guard let itemId = fields["kwaiItemId"]?.textValue, !itemId.isEmpty else { throw .missingParameter("kwaiItemId") }
        guard Int64(itemId) != nil else { throw .invalidParameter("kwaiItemId", "must be an integer") }
        let skus = shop.itemSkus(itemId: itemId)
        guard !skus.isEmpty else { throw .business("商品不存在: \(itemId)") }
        let infos = skus.map { sku -> JSONValue in
            [
                "kwaiSkuId": .id(sku.skuId), "kwaiItemId": .id(itemId), "relSkuId": 0, "skuNick": .string(sku.skuNick),
                "skuStock": .int(sku.stock), "reserveStock": 0, "isValid": 1,
            ]
        }
        return [
            "kwaiItemId": .id(itemId), "relItemId": 0, "title": .string(skus.first { !$0.title.isEmpty }?.title ?? ""),
            "skuInfos": .array(infos),
        ]
    }

    /// `open.item.sku.stock.update`: `kwaiItemId`, `skuId`, `skuChangeStock` (> 0), `changeType` (1 add,
    /// 2 subtract). Stock may not go below zero. Answers `{}`.
    private func stockUpdate(_ fields: [String: JSONValue], shop: KuaishouShopMock) throws(KuaishouAPIError) -> JSONValue {
        guard let itemId = fields["kwaiItemId"]?.textValue, !itemId.isEmpty else { throw .missingParameter("kwaiItemId") }
        guard let skuId = fields["skuId"]?.textValue, !skuId.isEmpty else { throw .missingParameter("skuId") }
        guard let change = try integer(fields, "skuChangeStock") else { throw .missingParameter("skuChangeStock") }
        guard change > 0 else { throw .invalidParameter("skuChangeStock", "must be greater than 0") }
        guard let type = try integer(fields, "changeType") else { throw .missingParameter("changeType") }
        guard type == 1 || type == 2 else { throw .invalidParameter("changeType", "must be 1 (add) or 2 (subtract)") }
        guard shop.changeStock(itemId: itemId, skuId: skuId, change: type == 1 ? change : -change) != nil else {
            throw .business("库存不足: the stock of \(itemId)/\(skuId) cannot go below zero")
        }
        return [:]
    }

    private func token(
        path: String,
        parameters: [String: String],
        candidates: [KuaishouShopMock],
        shopKey: inout String?,
        now: Date
    ) throws(KuaishouAPIError) -> Answer {
        let appKey = parameters["app_id"] ?? parameters["client_id"] ?? ""
        let secret = parameters["app_secret"] ?? parameters["client_secret"] ?? ""
        guard !secret.isEmpty else { throw .missingParameter("app_secret") }
        let shops = candidates.filter { Hex.constantTimeEquals($0.appSecret, secret) }
        guard !shops.isEmpty else { throw .invalidApp("app_secret does not match") }
        let grantType = parameters["grant_type"] ?? ""
        let nowSeconds = now.unixSeconds
        let token: MockAccessTokens.Token
        if path == "/oauth2/refresh_token" {
            guard grantType == "refresh_token" else { throw .invalidParameter("grant_type", "must be refresh_token") }
            guard let refresh = parameters["refresh_token"], !refresh.isEmpty else { throw .missingParameter("refresh_token") }
            guard let renewed = tokens.refresh(refresh, appKey: appKey, now: nowSeconds) else { throw .invalidRefreshToken }
            token = renewed
        } else {
            switch grantType {
            case "code", "authorization_code":
                guard let code = parameters["code"], !code.isEmpty else { throw .missingParameter("code") }
                let shop = shops.first { $0.shopKey == code } ?? shops[0]
                token = tokens.issue(shopKey: shop.shopKey, appKey: appKey, now: nowSeconds)
            case "client_credentials":
                token = tokens.issue(shopKey: shops[0].shopKey, appKey: appKey, now: nowSeconds)
            default:
                throw .invalidParameter("grant_type", "must be code, authorization_code or client_credentials")
            }
        }
        shopKey = token.shopKey
        let seller = shops.first { $0.shopKey == token.shopKey }
        let body: JSONValue = [
            "result": 1,
            "access_token": .string(token.accessToken),
            "expires_in": .int(tokens.accessLifetime),
            "refresh_token": .string(token.refreshToken),
            "refresh_token_expires_in": .int(tokens.refreshLifetime),
            "open_id": .string(seller?.sellerOpenId ?? ""),
            "scopes": ["merchant_order", "merchant_refund", "merchant_item", "merchant_user"],
            "token_type": "bearer",
        ]
        return Answer(httpStatus: 200, body: body.serialized, result: 1, subCode: "")
    }

    /// Where a page starts after a cursor `"<sortTime>_<oid>"`: the first order after that key in sort order.
    private static func position(
        after cursor: String,
        in orders: [KuaishouOrder],
        key: (KuaishouOrder) -> Int64,
        newestFirst: Bool
    ) -> Int? {
        let parts = cursor.split(separator: "_")
        guard parts.count == 2, let time = Int64(parts[0]), Int64(parts[1]) != nil else { return nil }
        let oid = String(parts[1])
        return orders.firstIndex { order in
            let orderKey = key(order)
            if orderKey != time { return newestFirst ? orderKey < time : orderKey > time }
            return newestFirst ? idLess(order.oid, oid) : idLess(oid, order.oid)
        } ?? orders.count
    }

    /// Numeric order of digit strings.
    private static func idLess(_ left: String, _ right: String) -> Bool {
        left.count != right.count ? left.count < right.count : left < right
    }

    private static func merge(_ base: JSONValue, _ extra: [String: JSONValue]) -> JSONValue {
        .object((base.objectValue ?? [:]).merging(extra) { _, new in new })
    }

    /// An optional integer given as a JSON number or a string of digits.
    private func integer(_ fields: [String: JSONValue], _ name: String) throws(KuaishouAPIError) -> Int64? {
        guard let value = fields[name], value != .null else { return nil }
        if case .string(let text) = value, text.isEmpty { return nil }
        guard let number = value.int64Value else { throw .invalidParameter(name, "must be an integer") }
        return number
    }
}
