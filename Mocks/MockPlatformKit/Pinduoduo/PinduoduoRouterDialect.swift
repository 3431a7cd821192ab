import Foundation
import GatewayCore

/// Pinduoduo's dialect of the router API (``RouterAPI``) on `POST /api/router` (and `GET`) (platforms.md §3.1,
/// §3.2, §8a): `client_id` names the app, `type` the API; `sign` is upper-case hex MD5(client_secret + sorted
/// key+value + client_secret); errors are ``PinduoduoAPIError``.
///
/// Checks run in this order: parameters readable → `client_id` present and known → per-app frequency limit →
/// injected faults (``RouterAPI``) → `type`, `timestamp`, `sign` present → `data_type` (`JSON`), `version`
/// (`V1`), `sign_method` (`md5`) when given → `timestamp` within the tolerance → `sign` → `type` served →
/// `access_token` is the token of one of the app's shops → the API itself.
///
/// `timestamp` is Unix seconds; the mock also takes milliseconds (13 digits), because the public
/// `pddsdk` package sends them (**[U]** whether the platform does).
///
/// Served APIs:
/// - `pdd.order.number.list.increment.get` → `order_sn_increment_get_response`
/// - `pdd.order.information.get` → `order_info_get_response`
/// - `pdd.goods.quantity.update` → `goods_quantity_update_response`
/// - `pdd.logistics.online.send` → `logistics_online_send_response` (``onlineSend(_:shop:now:)``)
/// - `pdd.logistics.companies.get` → `logistics_companies_get_response` (no `access_token` needed)
struct PinduoduoRouterDialect: RouterDialect {
    static let platform = Platform.pinduoduo
    static let path = "/api/router"
    static let appKeyName = "client_id"
    static let methodName = "type"
    static let demoIdField = "order_sn"
    /// The API names served.
    static let types: Set<String> = [
        "pdd.order.number.list.increment.get", "pdd.order.information.get", "pdd.goods.quantity.update", "pdd.logistics.online.send",
        "pdd.logistics.companies.get",
    ]
    static let shipMethods: Set<String> = ["pdd.logistics.online.send"]
    /// The longest `end_updated_at − start_updated_at`, seconds.
    static let maximumWindowSeconds: Int64 = 30 * 60
    /// How far back orders are served (成交时间 within 3 months), seconds.
    static let retentionSeconds: Int64 = 90 * 86_400

    let control: MockControl

    init(control: MockControl) {
        self.control = control
    }

    /// The Unix milliseconds of the call, then a five-digit sequence number.
    static func requestId(sequence: UInt64, now: Date) -> String {
        String(now.unixMilliseconds) + String(10_000 + sequence % 90_000)
    }

    static func sign(_ parameters: RouterParameters, secret: String, includeEmptyValues: Bool) -> String? {
        PinduoduoSigner.sign(parameters: parameters.values, clientSecret: secret, includeEmptyValues: includeEmptyValues)
    }

    func respond(
        _ parameters: RouterParameters,
        candidates: [PinduoduoShopMock],
        signatureValid: Bool,
        shopKey: inout String?,
        now: Date
    ) throws(PinduoduoAPIError) -> (name: String, payload: [String: JSONValue]) {
        for name in ["type", "timestamp", "sign"] where parameters.nonEmpty(name) == nil {
            throw .commonParameter(name, "缺少 \(name)")
        }
        if let dataType = parameters["data_type"], dataType != "JSON" {
            throw .commonParameter("data_type", "data_type 须为 JSON（大写）；模拟平台只以 JSON 应答")
        }
        if let version = parameters["version"], version != "V1" {
            throw .commonParameter("version", "version 须为 V1")
        }
        if let signMethod = parameters["sign_method"], signMethod.lowercased() != "md5" {
            throw .commonParameter("sign_method", "sign_method 须为 md5")
        }
        try checkTimestamp(parameters["timestamp"] ?? "", now: now)
        guard signatureValid else { throw .invalidSignature }
        let type = parameters["type"] ?? ""
        guard Self.types.contains(type) else { throw .unknownType(type) }
        if type == "pdd.logistics.companies.get" { return ("logistics_companies_get_response", companies()) }
        guard let token = parameters.nonEmpty("access_token") else { throw .invalidAccessToken("缺少 access_token（订单与商品接口须用户授权）") }
        guard let shop = candidates.first(where: { Hex.constantTimeEquals($0.accessToken, token) }) else {
            throw .invalidAccessToken("access_token 不属于 client_id \(parameters.nonEmpty(Self.appKeyName) ?? "") 授权的店铺")
        }
        shopKey = shop.shopKey
        switch type {
        case "pdd.order.number.list.increment.get":
            return ("order_sn_increment_get_response", try increment(parameters, shop: shop, now: now))
        case "pdd.order.information.get":
            guard let orderSn = parameters.nonEmpty("order_sn") else { throw .invalidParameter("order_sn", "必填") }
            guard let order = shop.order(orderSn) else { throw .business("订单不存在: \(orderSn)") }
            return ("order_info_get_response", ["order_info": order.wire()])
        case "pdd.logistics.online.send":
            return ("logistics_online_send_response", try onlineSend(parameters, shop: shop, now: now))
        default:
            return ("goods_quantity_update_response", try quantityUpdate(parameters, shop: shop))
        }
    }

    private func checkTimestamp(_ text: String, now: Date) throws(PinduoduoAPIError) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int64(text) else {
            throw .commonParameter("timestamp", "timestamp 须为 UNIX 秒级时间戳: \(text)")
        }
        let seconds = value >= 100_000_000_000 ? value / 1000 : value
        let skew = seconds - now.unixSeconds
        let tolerance = control.timestampToleranceSeconds
        guard abs(skew) <= tolerance else {
            throw .commonParameter("timestamp", "timestamp \(text) 与平台时间相差 \(skew) 秒（允许 ±\(tolerance) 秒）")
        }
    }

    private func increment(_ parameters: RouterParameters, shop: PinduoduoShopMock, now: Date) throws(PinduoduoAPIError) -> [String: JSONValue] {
        guard let start = try integer(parameters, "start_updated_at") else { throw .invalidParameter("start_updated_at", "必填，UNIX 秒") }
        guard let end = try integer(parameters, "end_updated_at") else { throw .invalidParameter("end_updated_at", "必填，UNIX 秒") }
        guard start <= end else { throw .invalidParameter("start_updated_at", "不能晚于 end_updated_at") }
        guard end - start <= Self.maximumWindowSeconds else {
            throw .invalidParameter("end_updated_at", "end_updated_at - start_updated_at 不能超过 30 分钟（\(end - start) 秒）")
        }
        let page = try integer(parameters, "page") ?? 1
        guard page >= 1 else { throw .invalidParameter("page", "页码从 1 开始") }
        let pageSize = try integer(parameters, "page_size") ?? 100
        guard (1...100).contains(pageSize) else { throw .invalidParameter("page_size", "取值 1–100") }
        let orderStatus = try integer(parameters, "order_status") ?? 5
        guard [1, 2, 3, 5].contains(orderStatus) else { throw .invalidParameter("order_status", "取值 1, 2, 3, 5") }
        let refundStatus = try integer(parameters, "refund_status") ?? 5
        guard (1...5).contains(refundStatus) else { throw .invalidParameter("refund_status", "取值 1–5") }
        let luckyFlag = try integer(parameters, "is_lucky_flag") ?? 0
        guard (0...2).contains(luckyFlag) else { throw .invalidParameter("is_lucky_flag", "取值 0, 1, 2") }
        let tradeType = try integer(parameters, "trade_type")
        if let tradeType, !(0...1).contains(tradeType) { throw .invalidParameter("trade_type", "取值 0, 1") }
        let useHasNext = try flag(parameters, "use_has_next") ?? false

        let nowSeconds = now.unixSeconds
        let visibleUntil = nowSeconds - shop.indexLagSeconds
        let matching = shop.orders().filter { order in
            guard order.createdTime >= nowSeconds - Self.retentionSeconds else { return false }
            guard order.updatedAt >= start, order.updatedAt <= end, order.updatedAt <= visibleUntil else { return false }
            if orderStatus != 5, order.orderStatus != orderStatus { return false }
            if refundStatus != 5, order.refundStatus != refundStatus { return false }
            if luckyFlag == 2 || tradeType == 1 { return false }
            return true
        }
        // Newest change first; a reader paging from the last page backwards sees every order of the window
        // at least once even while orders keep changing.
        let sorted = matching.sorted { ($0.updatedAt, $0.orderSn) > ($1.updatedAt, $1.orderSn) }
        let (slice, hasNext) = self.page(sorted, number: page, size: pageSize)
        var payload: [String: JSONValue] = ["order_sn_list": .array(slice.map { $0.wire() })]
        if useHasNext {
            payload["has_next"] = .bool(hasNext)
        } else {
            payload["total_count"] = .int(sorted.count)
        }
        return payload
    }

    private func quantityUpdate(_ parameters: RouterParameters, shop: PinduoduoShopMock) throws(PinduoduoAPIError) -> [String: JSONValue] {
        guard let goodsId = try integer(parameters, "goods_id") else { throw .invalidParameter("goods_id", "必填") }
        guard let quantity = try integer(parameters, "quantity") else { throw .invalidParameter("quantity", "必填") }
        let skuId = try integer(parameters, "sku_id").map(String.init)
        let outerId = parameters.nonEmpty("outer_id")
        guard skuId != nil || outerId != nil else { throw .invalidParameter("sku_id", "sku_id 与 outer_id 至少填一个") }
        let updateType = try integer(parameters, "update_type") ?? 1
        guard updateType == 1 || updateType == 2 else { throw .invalidParameter("update_type", "1 全量更新，2 增量更新") }
        guard updateType == 2 || quantity >= 0 else { throw .invalidParameter("quantity", "全量更新时不能为负数") }
        guard
            shop.recordStock(goodsId: String(goodsId), skuId: skuId, outerId: outerId, quantity: quantity, incremental: updateType == 2) != nil
        else { throw .business("库存不能小于 0") }
        return ["is_success": true]
    }
}
