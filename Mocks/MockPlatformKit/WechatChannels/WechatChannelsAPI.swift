import Foundation
import Logging

/// The WeChat Channels shop API as the mock serves it (platforms.md §5.2, §8a), independent of HTTP plumbing.
///
/// - `GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…` → `{"access_token":…,"expires_in":7200}`.
///   Each call issues a new token; earlier ones stay valid until they expire.
/// - `POST /channels/ec/order/list/get?access_token=…`, JSON body: `create_time_range` and/or
///   `update_time_range` `{start_time,end_time}` (Unix s; at least one; each ≤ 7 days, end ≥ start),
///   optional `status`, `openid`, `page_size` (1…100, default 10, **[U]** max), `next_key` →
///   `{"errcode":0,"errmsg":"ok","order_id_list":["…"],"next_key":"…","has_more":bool}`; newest first (by
///   update time when `update_time_range` is given, else by create time).
/// - `POST /channels/ec/order/get?access_token=…`, body `{"order_id":"…"}` (a string or an exact number) →
///   `{"errcode":0,"errmsg":"ok","order":{…}}` (``WechatChannelsOrder/wire()``).
/// - `POST /channels/ec/product/stock/update?access_token=…`, body `{"product_id","sku_id","diff_type":1|2|3,"num"}`
///   (ids as strings or numbers; 1 add, 2 subtract, 3 set; stock never below 0) → `{"errcode":0,"errmsg":"ok"}`.
///
/// Checks: access token present, issued and unexpired → frequency limit (per appid) → injected faults →
/// body is a JSON object → the method. Errors: ``WechatChannelsAPIError``.
struct WechatChannelsAPI: Sendable {
    /// An answer ready to send.
    struct Answer: Sendable, Equatable {
        var httpStatus: Int
        var body: String
        var errcode: Int
        var contentType = "application/json; charset=utf-8"
    }

    /// The POST methods served.
    static let postPaths = [
        "/channels/ec/order/list/get", "/channels/ec/order/get", "/channels/ec/product/stock/update", "/channels/ec/order/delivery/send",
        "/channels/ec/order/deliveryinfo/update", "/channels/ec/order/deliverycompanylist/new/get",
        "/channels/ec/order/deliverycompanylist/get",
    ]
    /// The token path (GET).
    static let tokenPath = "/cgi-bin/token"
    /// The longest time range, seconds.
    static let maximumWindow: Int64 = 7 * 86_400

    let shops: [WechatChannelsShopMock]
    let control: MockControl
    let tokens: MockAccessTokens
    let logger: Logger

    /// Handles one call and records it in the request log.
    /// - Parameters:
    ///   - path: the request path.
    ///   - query: the decoded query parameters.
    ///   - body: the raw body (empty for the token GET).
    ///   - now: the mock's clock.
    func handle(path: String, query: [String: String], body: [UInt8], now: Date = Date()) async -> Answer {
        var shop: WechatChannelsShopMock?
        var credentialValid = false
        var answer: Answer
        do throws(WechatChannelsAPIError) {
            let data: [String: JSONValue]
            if path == Self.tokenPath {
                data = try await token(query: query, shop: &shop, valid: &credentialValid, now: now)
            } else {
                data = try await call(path: path, query: query, body: body, shop: &shop, valid: &credentialValid, now: now)
            }
            var envelope = data
            if path != Self.tokenPath {
                envelope["errcode"] = 0
                envelope["errmsg"] = "ok"
            }
            answer = Answer(httpStatus: 200, body: JSONValue.object(envelope).serialized, errcode: 0)
            if Self.shipPaths.contains(path), await control.loseShipAnswer(shop: shop?.shopKey) {
                answer = Answer(
                    httpStatus: MockControl.lostAnswerStatus,
                    body: MockControl.lostAnswerBody,
                    errcode: MockControl.lostAnswerStatus,
                    contentType: "text/plain"
                )
            }
        } catch {
            if error.httpStatus != 200 {
                answer = Answer(httpStatus: error.httpStatus, body: "Service Unavailable", errcode: error.errcode, contentType: "text/plain")
            } else {
                let body: JSONValue = ["errcode": .int(error.errcode), "errmsg": .string(error.errmsg + " rid: " + control.nextLogId(now: now))]
                answer = Answer(httpStatus: 200, body: body.serialized, errcode: error.errcode)
            }
        }
        control.record(
            MockRequestRecord(
                platform: "wechat-channels",
                path: path,
                method: String(path.drop(while: { $0 == "/" })).replacingOccurrences(of: "/", with: "."),
                shop: shop?.shopKey,
                appKey: shop?.appId ?? query["appid"],
                signatureValid: credentialValid,
                code: answer.errcode,
                httpStatus: answer.httpStatus,
                subCode: ""
            )
        )
        if answer.errcode != 0 { logger.debug("wechat-channels \(path) answered \(answer.errcode)") }
        return answer
    }

    private func token(
        query: [String: String],
        shop: inout WechatChannelsShopMock?,
        valid: inout Bool,
        now: Date
    ) async throws(WechatChannelsAPIError) -> [String: JSONValue] {
        guard query["grant_type"] == "client_credential" else { throw .invalidGrantType }
        guard let appId = query["appid"], !appId.isEmpty else { throw .missingAppId }
        guard let secret = query["secret"], !secret.isEmpty else { throw .missingSecret }
        let candidates = shops.filter { $0.appId == appId }
        guard let first = candidates.first else { throw .invalidAppId }
        shop = first
        guard let owner = candidates.first(where: { Hex.constantTimeEquals($0.appSecret, secret) }) else { throw .invalidCredential }
        shop = owner
        valid = true
        try await admit(appId: appId, now: now)
        let issued = tokens.issue(shopKey: owner.shopKey, appKey: appId, now: now.unixSeconds)
        return ["access_token": .string(issued.accessToken), "expires_in": .int(tokens.accessLifetime)]
    }

    private func call(
        path: String,
        query: [String: String],
        body: [UInt8],
        shop: inout WechatChannelsShopMock?,
        valid: inout Bool,
        now: Date
    ) async throws(WechatChannelsAPIError) -> [String: JSONValue] {
        guard let accessToken = query["access_token"], !accessToken.isEmpty else { throw .missingAccessToken }
        let owner: WechatChannelsShopMock
        switch tokens.check(accessToken, appKey: nil, now: now.unixSeconds) {
        case .unknown: throw .invalidCredential
        case .expired: throw .expiredAccessToken
        case .valid(let token):
            guard let found = shops.first(where: { $0.shopKey == token.shopKey }) else { throw .invalidCredential }
            owner = found
        }
        shop = owner
        valid = true
        try await admit(appId: owner.appId, now: now)
        guard let parsed = try? JSONParser.parse(body).value, let fields = parsed.objectValue else { throw .dataFormatError }
        switch path {
        case "/channels/ec/order/list/get": return try list(fields, shop: owner)
        case "/channels/ec/order/get": return try orderGet(fields, shop: owner)
        case "/channels/ec/order/delivery/send": return try deliverySend(fields, shop: owner, now: now)
        case "/channels/ec/order/deliveryinfo/update": return try deliveryInfoUpdate(fields, shop: owner, now: now)
        case _ where Self.courierListPaths.contains(path): return deliveryCompanyList()
        default: return try stockUpdate(fields, shop: owner)
        }
    }

    private func admit(appId: String, now: Date) async throws(WechatChannelsAPIError) {
        guard control.admit(appKey: appId, now: now) else { throw .frequencyLimited }
        try await control.injectFault(systemError: WechatChannelsAPIError.systemBusy, unavailable: WechatChannelsAPIError.serviceUnavailable)
    }

    private func list(_ fields: [String: JSONValue], shop: WechatChannelsShopMock) throws(WechatChannelsAPIError) -> [String: JSONValue] {
        let created = try range(fields, "create_time_range")
        let updated = try range(fields, "update_time_range")
        guard created != nil || updated != nil else { throw .invalidArgs("create_time_range or update_time_range is required") }
        let pageSize = try integer(fields, "page_size") ?? 10
        guard (1...100).contains(pageSize) else { throw .invalidArgs("page_size must be between 1 and 100") }
        let status = try integer(fields, "status")
        let openId = fields["openid"]?.textValue.flatMap { $0.isEmpty ? nil : $0 }
        let byUpdate = updated != nil
        func key(_ order: WechatChannelsOrder) -> Int64 { byUpdate ? order.updateTime : order.createTime }
        let sorted = shop.orders().filter { order in
            if let created, !(created.start...created.end).contains(order.createTime) { return false }
            if let updated, !(updated.start...updated.end).contains(order.updateTime) { return false }
            if let status, order.status != Int(status) { return false }
            if let openId, order.openId != openId { return false }
            return true
        }.sorted { left, right in
            key(left) != key(right) ? key(left) > key(right) : Self.idGreater(left.orderId, right.orderId)
        }
        var start = 0
        if let nextKey = fields["next_key"]?.textValue, !nextKey.isEmpty {
            let parts = nextKey.split(separator: "_")
            guard parts.count == 2, let time = Int64(parts[0]), UInt64(parts[1]) != nil else { throw .invalidArgs("invalid next_key") }
            let after = String(parts[1])
            start = sorted.firstIndex { key($0) < time || (key($0) == time && Self.idGreater(after, $0.orderId)) } ?? sorted.count
        }
        let page = Array(sorted[min(start, sorted.count)..<min(sorted.count, start + Int(pageSize))])
        let nextKey = page.last.map { "\(key($0))_\($0.orderId)" } ?? (fields["next_key"]?.textValue ?? "")
        return [
            "order_id_list": .array(page.map { .string($0.orderId) }),
            "next_key": .string(nextKey),
            "has_more": .bool(start + page.count < sorted.count),
        ]
    }

    private func orderGet(_ fields: [String: JSONValue], shop: WechatChannelsShopMock) throws(WechatChannelsAPIError) -> [String: JSONValue] {
        guard let id = fields["order_id"]?.textValue, !id.isEmpty else { throw .invalidArgs("order_id is required") }
        guard let order = shop.order(id) else { throw .orderNotFound(id) }
        return ["order": order.wire()]
    }

    private func stockUpdate(_ fields: [String: JSONValue], shop: WechatChannelsShopMock) throws(WechatChannelsAPIError) -> [String: JSONValue] {
        guard let productId = fields["product_id"]?.textValue, !productId.isEmpty else { throw .invalidArgs("product_id is required") }
        guard let skuId = fields["sku_id"]?.textValue, !skuId.isEmpty else { throw .invalidArgs("sku_id is required") }
        guard let diffType = try integer(fields, "diff_type"), (1...3).contains(diffType) else {
            throw .invalidArgs("diff_type must be 1 (add), 2 (subtract) or 3 (set)")
        }
        guard let number = try integer(fields, "num"), number >= 0 else { throw .invalidArgs("num must be a non-negative integer") }
        guard shop.writeStock(productId: productId, skuId: skuId, diffType: diffType, number: number) != nil else {
            throw .invalidArgs("stock of \(productId)/\(skuId) cannot go below zero")
        }
        return [:]
    }

    private func range(_ fields: [String: JSONValue], _ name: String) throws(WechatChannelsAPIError) -> (start: Int64, end: Int64)? {
        guard let value = fields[name], value != .null else { return nil }
        guard let start = value["start_time"]?.int64Value, let end = value["end_time"]?.int64Value else {
            throw .invalidArgs("\(name) needs start_time and end_time")
        }
        guard end >= start else { throw .invalidArgs("\(name).end_time is before start_time") }
        guard end - start <= Self.maximumWindow else { throw .invalidArgs("\(name) spans more than 7 days") }
        return (start, end)
    }

    private func integer(_ fields: [String: JSONValue], _ name: String) throws(WechatChannelsAPIError) -> Int64? {
        guard let value = fields[name], value != .null else { return nil }
        guard let number = value.int64Value else { throw .invalidArgs("\(name) must be an integer") }
        return number
    }

    private static func idGreater(_ left: String, _ right: String) -> Bool {
        left.count != right.count ? left.count > right.count : left > right
    }

}
