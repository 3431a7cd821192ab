import Foundation
import GatewayCore

/// Taobao's dialect of the router API (``RouterAPI``): TOP on `POST /router/rest` (and `GET`) (platforms.md §4.1,
/// §4.2, §8a): `app_key` names the app, `method` the API; `sign` follows `sign_method` (``TaobaoSigner``); errors
/// are ``TaobaoAPIError``.
///
/// Checks run in this order: parameters readable → `app_key` present (28) and known (29) → per-app frequency
/// limit (7) → injected faults (``RouterAPI``) → `method` (21), `sign` (24), `timestamp` (30), `v` (32)
/// present → `v` is `2.0` (34) → `format` is `json` (23; TOP's own default is XML, which the mock does not
/// write) → `sign_method` is `md5`, `hmac` or `hmac-sha256` (41; absent means `md5`) → `timestamp` readable
/// and within the tolerance (31) → `sign` (25) → `method` served (22) → `session` present (26) and the
/// session key of one of the app's shops (27) → the API itself (40/41/15).
///
/// `timestamp` may be `yyyy-MM-dd HH:mm:ss` Beijing time or Unix milliseconds (the official Python SDK
/// sends milliseconds); the tolerance is ``MockPlatform/timestampToleranceSeconds`` (10 minutes by default).
///
/// Served methods:
/// - `taobao.trades.sold.increment.get` → `trades_sold_increment_get_response`
/// - `taobao.trade.fullinfo.get` → `trade_fullinfo_get_response`
/// - `taobao.item.quantity.update` → `item_quantity_update_response`
/// - `taobao.logistics.offline.send` → `logistics_offline_send_response`, `taobao.logistics.consign.resend` →
///   `logistics_consign_resend_response`, `taobao.logistics.companies.get` → `logistics_companies_get_response`
///   (``offlineSend(_:shop:now:)``)
struct TaobaoTopDialect: RouterDialect {
    static let platform = Platform.taobao
    static let path = "/router/rest"
    static let appKeyName = "app_key"
    static let methodName = "method"
    static let demoIdField = "tid"
    /// The methods served.
    static let methods: Set<String> = [
        "taobao.trades.sold.increment.get", "taobao.trade.fullinfo.get", "taobao.item.quantity.update", "taobao.logistics.offline.send",
        "taobao.logistics.consign.resend", "taobao.logistics.companies.get",
    ]
    static let shipMethods: Set<String> = ["taobao.logistics.offline.send", "taobao.logistics.consign.resend"]
    /// The longest `end_modified − start_modified`, seconds.
    static let maximumWindowSeconds: Int64 = 86_400
    /// How far back trades are served (3 months), seconds.
    static let retentionSeconds: Int64 = 90 * 86_400

    let control: MockControl

    init(control: MockControl) {
        self.control = control
    }

    /// In TOP's style: lowercase letters and digits.
    static func requestId(sequence: UInt64, now: Date) -> String {
        String(sequence &* 2_654_435_761 % 36_000_000_000 + 1_000_000_000, radix: 36)
    }

    /// With the given `sign_method` (`md5` when absent); nil for a method TOP does not know.
    static func sign(_ parameters: RouterParameters, secret: String, includeEmptyValues: Bool) -> String? {
        guard let method = TaobaoSignMethod(rawValue: (parameters.nonEmpty("sign_method") ?? "md5").lowercased()) else { return nil }
        return TaobaoSigner.sign(parameters: parameters.values, appSecret: secret, method: method, includeEmptyValues: includeEmptyValues)
    }

    func respond(
        _ parameters: RouterParameters,
        candidates: [TaobaoShopMock],
        signatureValid: Bool,
        shopKey: inout String?,
        now: Date
    ) throws(TaobaoAPIError) -> (name: String, payload: [String: JSONValue]) {
        guard let method = parameters.nonEmpty("method") else {
            throw TaobaoAPIError(code: TaobaoAPIError.missingMethodCode, message: "Missing method")
        }
        guard parameters.nonEmpty("sign") != nil else {
            throw TaobaoAPIError(code: TaobaoAPIError.missingSignatureCode, message: "Missing signature")
        }
        guard let timestamp = parameters.nonEmpty("timestamp") else {
            throw TaobaoAPIError(code: TaobaoAPIError.missingTimestampCode, message: "Missing timestamp")
        }
        guard let version = parameters.nonEmpty("v") else {
            throw TaobaoAPIError(code: TaobaoAPIError.missingVersionCode, message: "Missing version")
        }
        guard version == "2.0" else {
            throw TaobaoAPIError(code: TaobaoAPIError.unsupportedVersionCode, message: "Unsupported version", subMessage: "v 须为 2.0")
        }
        guard (parameters.nonEmpty("format") ?? "").lowercased() == "json" else {
            throw TaobaoAPIError(
                code: TaobaoAPIError.invalidFormatCode,
                message: "Invalid format",
                subMessage: "the mock answers format=json only (TOP's default is xml)"
            )
        }
        if let signMethod = parameters.nonEmpty("sign_method"), TaobaoSignMethod(rawValue: signMethod.lowercased()) == nil {
            throw .invalidArgument("sign_method", "sign_method 须为 md5、hmac 或 hmac-sha256")
        }
        try checkTimestamp(timestamp, now: now)
        guard signatureValid else { throw .invalidSignature }
        guard Self.methods.contains(method) else {
            throw TaobaoAPIError(code: TaobaoAPIError.invalidMethodCode, message: "Invalid method", subMessage: "method \(method) 不存在")
        }
        guard let session = parameters.nonEmpty("session") else {
            throw TaobaoAPIError(code: TaobaoAPIError.missingSessionCode, message: "Missing session")
        }
        guard let shop = candidates.first(where: { Hex.constantTimeEquals($0.session, session) }) else { throw .invalidSession }
        shopKey = shop.shopKey
        if let simplify = parameters.nonEmpty("simplify"), simplify.lowercased() == "true" {
            throw .invalidArgument("simplify", "the mock answers the classic (simplify=false) JSON only")
        }
        switch method {
        case "taobao.trades.sold.increment.get":
            return ("trades_sold_increment_get_response", try soldIncrement(parameters, shop: shop, now: now))
        case "taobao.trade.fullinfo.get":
            let fields = try selection(parameters)
            guard let text = parameters.nonEmpty("tid") else { throw .missingArgument("tid") }
            guard let tid = Int64(text) else { throw .invalidArgument("tid", "tid 须为整数: \(text)") }
            guard let trade = shop.trade(tid) else { throw .tradeNotFound(text) }
            return ("trade_fullinfo_get_response", ["trade": trade.wire(fields: fields, sellerNick: shop.sellerNick)])
        case "taobao.logistics.offline.send":
            return ("logistics_offline_send_response", try offlineSend(parameters, shop: shop, now: now))
        case "taobao.logistics.consign.resend":
            return ("logistics_consign_resend_response", try consignResend(parameters, shop: shop, now: now))
        case "taobao.logistics.companies.get":
            return ("logistics_companies_get_response", companies())
        default:
            return ("item_quantity_update_response", try quantityUpdate(parameters, shop: shop, now: now))
        }
    }

    private func checkTimestamp(_ text: String, now: Date) throws(TaobaoAPIError) {
        let seconds: Int64
        if text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let milliseconds = Int64(text) {
            seconds = milliseconds / 1000
        } else if let parsed = BeijingTime.parse(text) {
            seconds = parsed
        } else {
            throw TaobaoAPIError(
                code: TaobaoAPIError.invalidTimestampCode,
                message: "Invalid timestamp",
                subMessage: "timestamp 须为 yyyy-MM-dd HH:mm:ss（北京时间）或毫秒: \(text)"
            )
        }
        let skew = seconds - now.unixSeconds
        let tolerance = control.timestampToleranceSeconds
        guard abs(skew) <= tolerance else {
            throw TaobaoAPIError(
                code: TaobaoAPIError.invalidTimestampCode,
                message: "Invalid timestamp",
                subMessage: "timestamp \(text) 与服务器时间相差 \(skew) 秒（允许 ±\(tolerance) 秒）"
            )
        }
    }

    private func selection(_ parameters: RouterParameters) throws(TaobaoAPIError) -> TaobaoFieldSelection {
        guard let fields = parameters.nonEmpty("fields") else { throw .missingArgument("fields") }
        return TaobaoFieldSelection(fields)
    }

    private func soldIncrement(_ parameters: RouterParameters, shop: TaobaoShopMock, now: Date) throws(TaobaoAPIError) -> [String: JSONValue] {
        let fields = try selection(parameters)
        let start = try time(parameters, "start_modified")
        let end = try time(parameters, "end_modified")
        guard start <= end else { throw .invalidArgument("start_modified", "start_modified 不能晚于 end_modified") }
        guard end - start <= Self.maximumWindowSeconds else {
            throw .invalidArgument("end_modified", "end_modified 与 start_modified 相差不能超过一天（\(end - start) 秒）")
        }
        let pageNo = try integer(parameters, "page_no") ?? 1
        guard pageNo >= 1 else { throw .invalidArgument("page_no", "page_no 从 1 开始") }
        let pageSize = try integer(parameters, "page_size") ?? 40
        guard (1...100).contains(pageSize) else { throw .invalidArgument("page_size", "page_size 取值 1–100") }
        let useHasNext = try flag(parameters, "use_has_next") ?? false
        let statuses = try statusFilter(parameters.nonEmpty("status"))

        let nowSeconds = now.unixSeconds
        let matching = shop.trades().filter { trade in
            guard trade.created >= nowSeconds - Self.retentionSeconds else { return false }
            guard trade.modified >= start, trade.modified <= end else { return false }
            if let statuses, !statuses.contains(trade.status) { return false }
            return true
        }
        // Sorted by modified time, newest first (platforms.md §4.1); page backwards to miss nothing.
        let sorted = matching.sorted { ($0.modified, $0.tid) > ($1.modified, $1.tid) }
        let (slice, hasNext) = page(sorted, number: pageNo, size: pageSize)
        var payload: [String: JSONValue] = [:]
        if !slice.isEmpty {
            payload["trades"] = ["trade": .array(slice.map { $0.wire(fields: fields, sellerNick: shop.sellerNick) })]
        }
        if useHasNext {
            payload["has_next"] = .bool(hasNext)
        } else {
            payload["total_results"] = .int(sorted.count)
        }
        return payload
    }

    private func statusFilter(_ text: String?) throws(TaobaoAPIError) -> Set<String>? {
        guard let text else { return nil }
        switch text {
        case "ALL_WAIT_PAY": return ["WAIT_BUYER_PAY", "TRADE_NO_CREATE_PAY"]
        case "ALL_CLOSED": return ["TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO"]
        default:
            guard TaobaoTrade.statuses.contains(text) else { throw .invalidArgument("status", "未知的交易状态: \(text)") }
            return [text]
        }
    }

    private func quantityUpdate(_ parameters: RouterParameters, shop: TaobaoShopMock, now: Date) throws(TaobaoAPIError) -> [String: JSONValue] {
        guard let numIid = try integer(parameters, "num_iid") else { throw .missingArgument("num_iid") }
        guard let quantity = try integer(parameters, "quantity") else { throw .missingArgument("quantity") }
        let skuId = try integer(parameters, "sku_id").map(String.init)
        let outerId = parameters.nonEmpty("outer_id")
        let type = try integer(parameters, "type") ?? 1
        guard type == 1 || type == 2 else { throw .invalidArgument("type", "type 取值 1（全量）或 2（增量）") }
        guard type == 2 || quantity >= 0 else { throw .invalidArgument("quantity", "全量更新时 quantity 不能为负数") }
        guard let level = shop.recordStock(numIid: String(numIid), skuId: skuId, outerId: outerId, quantity: quantity, incremental: type == 2)
        else { throw .invalidArgument("quantity", "库存不能小于 0") }
        let modified = JSONValue.string(BeijingTime.format(now.unixSeconds))
        var item: [String: JSONValue] = ["num_iid": .int(numIid), "num": .int(level.stock), "modified": modified]
        if let skuId {
            item["skus"] = ["sku": [["sku_id": .id(skuId), "quantity": .int(level.stock), "modified": modified]]]
        }
        return ["item": .object(item)]
    }

    private func time(_ parameters: RouterParameters, _ name: String) throws(TaobaoAPIError) -> Int64 {
        guard let text = parameters.nonEmpty(name) else { throw .missingArgument(name) }
        guard let seconds = BeijingTime.parse(text) else { throw .invalidArgument(name, "\(name) 须为 yyyy-MM-dd HH:mm:ss: \(text)") }
        return seconds
    }
}
