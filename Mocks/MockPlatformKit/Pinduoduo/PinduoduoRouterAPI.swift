import Foundation
import Logging

/// The Pinduoduo open API as the mock serves it on `POST /api/router` (and `GET`), independent of HTTP
/// plumbing (platforms.md §3.1, §3.2, §8a).
///
/// Parameters may come in the query string, the body (form or JSON), or both; the signature covers all
/// of them. Checks run in this order: parameters readable → `client_id` present and known → per-app
/// frequency limit → injected faults → `type`, `timestamp`, `sign` present → `data_type` (`JSON`),
/// `version` (`V1`), `sign_method` (`md5`) when given → `timestamp` within the tolerance → `sign` →
/// `type` served → `access_token` is the token of one of the app's shops → the API itself.
///
/// `timestamp` is Unix seconds; the mock also takes milliseconds (13 digits), because the public
/// `pddsdk` package sends them (**[U]** whether the platform does).
///
/// Served APIs:
/// - `pdd.order.number.list.increment.get` → `order_sn_increment_get_response`
/// - `pdd.order.information.get` → `order_info_get_response`
/// - `pdd.goods.quantity.update` → `goods_quantity_update_response`
struct PinduoduoRouterAPI: Sendable {
    /// An answer ready to send.
    struct Answer: Sendable, Equatable {
        var httpStatus: Int
        var body: String
        var code: Int
        var subCode: String
        var contentType = "application/json;charset=UTF-8"
    }

    /// The path every API is called on.
    static let path = "/api/router"
    /// The API names served.
    static let types: Set<String> = ["pdd.order.number.list.increment.get", "pdd.order.information.get", "pdd.goods.quantity.update"]
    /// The longest `end_updated_at − start_updated_at`, seconds.
    static let maximumWindowSeconds: Int64 = 30 * 60
    /// How far back orders are served (成交时间 within 3 months), seconds.
    static let retentionSeconds: Int64 = 90 * 86_400

    let shops: [PinduoduoShopMock]
    let control: MockControl
    let logger: Logger
    let requestSequence = LockedBox<UInt64>(0)

    /// Handles one call and records it in the request log.
    /// - Parameters:
    ///   - query: the raw query string.
    ///   - body: the raw body.
    ///   - contentType: the `Content-Type` header.
    ///   - now: the mock's clock.
    func handle(query: String?, body: [UInt8], contentType: String?, now: Date = Date()) async -> Answer {
        let parameters = try? RouterParameters.parse(query: query, body: body, contentType: contentType)
        let clientId = parameters?.nonEmpty("client_id")
        let candidates = shops.filter { $0.clientId == clientId }
        let signatureValid = parameters.map { isSignatureValid($0, candidates: candidates) } ?? false
        var shopKey = candidates.count == 1 ? candidates[0].shopKey : nil
        let requestId = nextRequestId(now: now)
        let answer: Answer
        do throws(PinduoduoAPIError) {
            let (name, payload) = try await process(
                query: query,
                body: body,
                contentType: contentType,
                candidates: candidates,
                signatureValid: signatureValid,
                shopKey: &shopKey,
                now: now
            )
            var members = payload
            members["request_id"] = .string(requestId)
            answer = Answer(httpStatus: 200, body: JSONValue.object([name: .object(members)]).serialized, code: 0, subCode: "")
        } catch {
            if error.httpStatus != 200 {
                answer = Answer(httpStatus: error.httpStatus, body: "Service Unavailable", code: error.code, subCode: "", contentType: "text/plain")
            } else {
                let envelope: JSONValue = [
                    "error_response": [
                        "error_code": .int(error.code),
                        "error_msg": .string(error.message),
                        "sub_code": .string(error.subCode),
                        "sub_msg": .string(error.subMessage),
                        "request_id": .string(requestId),
                    ]
                ]
                answer = Answer(httpStatus: 200, body: envelope.serialized, code: error.code, subCode: error.subCode)
            }
        }
        control.record(
            MockRequestRecord(
                platform: "pinduoduo",
                path: Self.path,
                method: parameters?["type"] ?? "",
                shop: shopKey,
                appKey: clientId,
                signatureValid: signatureValid,
                code: answer.code,
                httpStatus: answer.httpStatus,
                subCode: answer.subCode
            )
        )
        if answer.code != 0 {
            logger.debug("pinduoduo \(parameters?["type"] ?? "?") answered \(answer.code) \(answer.subCode)")
        }
        return answer
    }

    /// Whether `sign` matches the parameters for one of the app's secrets (with or without the
    /// empty-valued parameters, since SDKs differ on those).
    private func isSignatureValid(_ parameters: RouterParameters, candidates: [PinduoduoShopMock]) -> Bool {
        guard let sign = parameters.nonEmpty("sign") else { return false }
        let given = sign.uppercased()
        return Set(candidates.map(\.clientSecret)).contains { secret in
            [true, false].contains { includeEmpty in
                Hex.constantTimeEquals(
                    PinduoduoSigner.sign(parameters: parameters.values, clientSecret: secret, includeEmptyValues: includeEmpty),
                    given
                )
            }
        }
    }

    private func nextRequestId(now: Date) -> String {
        let sequence = requestSequence.withLock { value in
            value += 1
            return value
        }
        return String(Int64(now.timeIntervalSince1970 * 1000)) + String(10_000 + sequence % 90_000)
    }

    private func process(
        query: String?,
        body: [UInt8],
        contentType: String?,
        candidates: [PinduoduoShopMock],
        signatureValid: Bool,
        shopKey: inout String?,
        now: Date
    ) async throws(PinduoduoAPIError) -> (String, [String: JSONValue]) {
        let parameters: RouterParameters
        do {
            parameters = try RouterParameters.parse(query: query, body: body, contentType: contentType)
        } catch {
            throw .commonParameter(error.name ?? "body", error.detail)
        }
        guard let clientId = parameters.nonEmpty("client_id") else { throw .commonParameter("client_id", "缺少 client_id") }
        guard !candidates.isEmpty else { throw .unknownClient(clientId) }
        guard control.admit(appKey: "pinduoduo:" + clientId, now: now) else { throw .frequencyLimited }
        let fault = control.drawFault()
        if fault.delayMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(fault.delayMilliseconds))
        }
        switch fault.decision {
        case .none: break
        case .systemError: throw .systemError
        case .unavailable: throw .serviceUnavailable
        }
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
        guard let token = parameters.nonEmpty("access_token") else { throw .invalidAccessToken("缺少 access_token（订单与商品接口须用户授权）") }
        guard let shop = candidates.first(where: { Hex.constantTimeEquals($0.accessToken, token) }) else {
            throw .invalidAccessToken("access_token 不属于 client_id \(clientId) 授权的店铺")
        }
        shopKey = shop.shopKey
        switch type {
        case "pdd.order.number.list.increment.get":
            return ("order_sn_increment_get_response", try increment(parameters, shop: shop, now: now))
        case "pdd.order.information.get":
            guard let orderSn = parameters.nonEmpty("order_sn") else { throw .invalidParameter("order_sn", "必填") }
            guard let order = shop.order(orderSn) else { throw .business("订单不存在: \(orderSn)") }
            return ("order_info_get_response", ["order_info": order.wire()])
        default:
            return ("goods_quantity_update_response", try quantityUpdate(parameters, shop: shop))
        }
    }

    private func checkTimestamp(_ text: String, now: Date) throws(PinduoduoAPIError) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int64(text) else {
            throw .commonParameter("timestamp", "timestamp 须为 UNIX 秒级时间戳: \(text)")
        }
        let seconds = value >= 100_000_000_000 ? value / 1000 : value
        let skew = seconds - Int64(now.timeIntervalSince1970.rounded(.down))
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

        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
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
        let (offset, overflow) = Int(page - 1).multipliedReportingOverflow(by: Int(pageSize))
        let slice = overflow || offset >= sorted.count ? [] : Array(sorted[offset..<min(sorted.count, offset + Int(pageSize))])
        var payload: [String: JSONValue] = ["order_sn_list": .array(slice.map { $0.wire() })]
        if useHasNext {
            payload["has_next"] = .bool(!overflow && offset + slice.count < sorted.count)
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

    /// An optional integer parameter.
    private func integer(_ parameters: RouterParameters, _ name: String) throws(PinduoduoAPIError) -> Int64? {
        guard let text = parameters.nonEmpty(name) else { return nil }
        guard let value = Int64(text) else { throw .invalidParameter(name, "须为整数: \(text)") }
        return value
    }

    /// An optional boolean parameter (`true`/`false` in any case, or `1`/`0`).
    private func flag(_ parameters: RouterParameters, _ name: String) throws(PinduoduoAPIError) -> Bool? {
        guard let text = parameters.nonEmpty(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidParameter(name, "须为 true 或 false: \(text)")
        }
    }
}
