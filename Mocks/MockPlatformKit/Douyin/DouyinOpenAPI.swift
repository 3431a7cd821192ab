import Foundation
import Logging

/// The Douyin open API as the mock serves it (platforms.md §1.2, §1.3), independent of HTTP plumbing.
///
/// Every call is `POST /{method with . → /}` with the query parameters `app_key`, `method`,
/// `access_token` (not for token calls), `timestamp`, `v=2`, `sign_method`, `sign`, and the body
/// `param_json`. Checks run in this order: `app_key` known → per-app frequency limit → injected faults →
/// required parameters → `v`, `sign_method`, `method` matches the path → `timestamp` within the window →
/// `sign` over the body as received → body is JSON → (strict mode) body is canonical → access token →
/// the method itself.
///
/// Answers carry `code`/`msg`/`sub_code`/`sub_msg`/`log_id`/`data` and, unless the caller sends the header
/// `x-open-no-old-err-code: 1` (as zsmhub's SDK and the gateway do), also the old fields `err_no` (0 on
/// success) and `message`, as in minibear2021/doudian's README example answer cited by platforms.md §1.3;
/// that SDK reads `err_no` to accept `token.create`/`token.refresh`. The non-zero `err_no` of an error is
/// the mock's choice (**[U]**): the error's `code`.
struct DouyinOpenAPI: Sendable {
    /// An answer ready to send.
    struct Answer: Sendable, Equatable {
        var httpStatus: Int
        var body: String
        var code: Int
        var subCode: String
        var contentType = "application/json; charset=utf-8"
    }

    /// The answer of an applied ship call whose answer was lost (``MockShipFaults/lostAnswers``): what a gateway in
    /// front of the platform sends.
    static let lostAnswer = Answer(
        httpStatus: MockControl.lostAnswerStatus,
        body: MockControl.lostAnswerBody,
        code: MockControl.lostAnswerStatus,
        subCode: MockControl.lostAnswerSubCode,
        contentType: "text/plain"
    )

    /// The request header that drops the old `err_no`/`message` fields from answers.
    static let noOldErrorCodeHeader = "x-open-no-old-err-code"

    /// The methods served, by path.
    static let paths = [
        "/token/create", "/token/refresh", "/order/orderDetail", "/order/searchList", "/sku/syncStock", "/order/logisticsAdd",
        "/order/logisticsAddMultiPack", "/order/logisticsEdit", "/order/logisticsEditByPack", "/order/logisticsCompanyList",
    ]

    let shops: [DouyinShopMock]
    let control: MockControl
    let tokens: DouyinTokenStore
    let logger: Logger

    /// The method a path stands for: `/order/searchList` → `order.searchList`.
    static func method(forPath path: String) -> String {
        String(path.drop(while: { $0 == "/" })).replacingOccurrences(of: "/", with: ".")
    }

    /// Handles one call and records it in the request log.
    /// - Parameters:
    ///   - path: the request path.
    ///   - query: decoded query parameters.
    ///   - body: the raw body (`param_json`).
    ///   - oldErrorFields: whether answers carry `err_no` and `message` (false when the request sent
    ///     `x-open-no-old-err-code: 1`).
    ///   - now: the mock's clock.
    func handle(path: String, query: [String: String], body: [UInt8], oldErrorFields: Bool = true, now: Date = Date()) async -> Answer {
        let expectedMethod = Self.method(forPath: path)
        let appKey = query["app_key"]
        let candidates = shops.filter { $0.appKey == appKey }
        var shopKey = candidates.count == 1 ? candidates[0].shopKey : nil
        let signatureValid = isSignatureValid(query: query, body: body, candidates: candidates)
        var answer: Answer
        do throws(DouyinAPIError) {
            let data = try await process(
                method: expectedMethod,
                query: query,
                body: body,
                candidates: candidates,
                signatureValid: signatureValid,
                shopKey: &shopKey,
                now: now
            )
            answer = render(
                code: DouyinAPIError.successCode,
                message: "success",
                subCode: "",
                subMessage: "",
                data: data,
                oldErrorFields: oldErrorFields,
                now: now
            )
            if Self.shipMethods.contains(expectedMethod), await control.loseShipAnswer(shop: shopKey) { answer = Self.lostAnswer }
        } catch {
            if error.httpStatus != 200 {
                answer = Answer(
                    httpStatus: error.httpStatus,
                    body: "Service Unavailable",
                    code: error.code,
                    subCode: "",
                    contentType: "text/plain; charset=utf-8"
                )
            } else {
                answer = render(
                    code: error.code,
                    message: error.message,
                    subCode: error.subCode,
                    subMessage: error.subMessage,
                    data: [:],
                    oldErrorFields: oldErrorFields,
                    now: now
                )
            }
        }
        control.record(
            MockRequestRecord(
                platform: "douyin",
                path: path,
                method: query["method"] ?? expectedMethod,
                shop: shopKey,
                appKey: appKey,
                signatureValid: signatureValid,
                code: answer.code,
                httpStatus: answer.httpStatus,
                subCode: answer.subCode
            )
        )
        if answer.code != DouyinAPIError.successCode {
            logger.debug("douyin \(expectedMethod) answered \(answer.code) \(answer.subCode)")
        }
        return answer
    }

    private func render(
        code: Int,
        message: String,
        subCode: String,
        subMessage: String,
        data: JSONValue,
        oldErrorFields: Bool,
        now: Date
    ) -> Answer {
        var members: [String: JSONValue] = [
            "code": .int(code),
            "msg": .string(message),
            "sub_code": .string(subCode),
            "sub_msg": .string(subMessage),
            "log_id": .string(control.nextLogId(now: now)),
            "data": data,
        ]
        if oldErrorFields {
            members["err_no"] = .int(code == DouyinAPIError.successCode ? 0 : code)
            members["message"] = .string(message)
        }
        return Answer(httpStatus: 200, body: JSONValue.object(members).serialized, code: code, subCode: subCode)
    }

    /// Whether the `sign` matches the body as received for one of the app's secrets (and, in strict mode,
    /// the body is canonical `param_json`).
    private func isSignatureValid(query: [String: String], body: [UInt8], candidates: [DouyinShopMock]) -> Bool {
        guard let sign = query["sign"], let appKey = query["app_key"], let method = query["method"], let timestamp = query["timestamp"],
            let signMethod = DouyinSignMethod(rawValue: query["sign_method"] ?? DouyinSignMethod.md5.rawValue)
        else { return false }
        let paramJSON = String(decoding: body, as: UTF8.self)
        let matches = Set(candidates.map(\.appSecret)).contains { secret in
            let expected = DouyinSigner.sign(
                appKey: appKey,
                appSecret: secret,
                method: method,
                paramJSON: paramJSON,
                timestamp: timestamp,
                signMethod: signMethod
            )
            return Hex.constantTimeEquals(expected, sign)
        }
        guard matches else { return false }
        if control.requireCanonicalParamJSON && !body.isEmpty {
            return (try? JSONParser.parse(body).canonical) ?? false
        }
        return true
    }

    private func process(
        method: String,
        query: [String: String],
        body: [UInt8],
        candidates: [DouyinShopMock],
        signatureValid: Bool,
        shopKey: inout String?,
        now: Date
    ) async throws(DouyinAPIError) -> JSONValue {
        guard let appKey = query["app_key"], !appKey.isEmpty else { throw .missingParameter("app_key") }
        guard !candidates.isEmpty else { throw .invalidAppKey(appKey) }
        guard control.admit(appKey: appKey, now: now) else { throw .frequencyLimited }
        try await control.injectFault(systemError: DouyinAPIError.systemError, unavailable: DouyinAPIError.serviceUnavailable)
        let isTokenCall = method.hasPrefix("token.")
        var required = ["method", "timestamp", "v", "sign"]
        if !isTokenCall { required.append("access_token") }
        for name in required where (query[name] ?? "").isEmpty { throw .missingParameter(name) }
        guard query["v"] == DouyinSigner.version else { throw .invalidParameter("v", "must be 2") }
        if let signMethod = query["sign_method"], DouyinSignMethod(rawValue: signMethod) == nil {
            throw .invalidParameter("sign_method", "must be hmac-sha256 or md5")
        }
        guard query["method"] == method else { throw .invalidParameter("method", "\(query["method"] ?? "") does not match the path") }
        try checkTimestamp(query["timestamp"] ?? "", now: now)

        let parsed: (value: JSONValue, canonical: Bool)
        do {
            parsed = body.isEmpty ? (.object([:]), true) : try JSONParser.parse(body)
        } catch {
            if !signatureValid { throw .invalidSignature("sign does not match the request") }
            throw .invalidParameter("param_json", "not JSON: \(error)")
        }
        guard signatureValid else {
            if control.requireCanonicalParamJSON && !parsed.canonical {
                throw .invalidSignature(
                    "param_json must be compact JSON with keys sorted recursively, and sign computed over it exactly as sent"
                )
            }
            throw .invalidSignature("sign does not match the request")
        }
        guard let params = parsed.value.objectValue else { throw .invalidParameter("param_json", "must be a JSON object") }

        let nowSeconds = now.unixSeconds
        switch method {
        case "token.create":
            let shop = try tokenShop(params: params, candidates: candidates)
            shopKey = shop.shopKey
            guard params["grant_type"]?.textValue == "authorization_self" else {
                throw .invalidParameter("grant_type", "must be authorization_self")
            }
            return tokenData(tokens.issue(shopKey: shop.shopKey, appKey: appKey, now: nowSeconds), shop: shop)
        case "token.refresh":
            guard params["grant_type"]?.textValue == "refresh_token" else { throw .invalidParameter("grant_type", "must be refresh_token") }
            guard let refreshToken = params["refresh_token"]?.textValue, !refreshToken.isEmpty else {
                throw .missingParameter("refresh_token")
            }
            guard let token = tokens.refresh(refreshToken, appKey: appKey, now: nowSeconds),
                let shop = candidates.first(where: { $0.shopKey == token.shopKey })
            else { throw .invalidRefreshToken }
            shopKey = shop.shopKey
            return tokenData(token, shop: shop)
        default:
            break
        }

        let token = try tokens.validate(query["access_token"] ?? "", appKey: appKey, now: nowSeconds).get()
        guard let shop = candidates.first(where: { $0.shopKey == token.shopKey }) else { throw .invalidAccessToken }
        shopKey = shop.shopKey
        switch method {
        case "order.orderDetail":
            guard let orderId = params["shop_order_id"]?.textValue, !orderId.isEmpty else { throw .missingParameter("shop_order_id") }
            guard let order = shop.order(orderId) else { throw .orderNotFound(orderId) }
            return ["shop_order_detail": order.wire(shopId: shop.shopId, shopName: shop.shopName, includeUserInfo: true)]
        case "order.searchList":
            return try searchList(params: params, shop: shop)
        case "sku.syncStock":
            return try syncStock(params: params, shop: shop)
        case "order.logisticsAdd":
            return try logisticsAdd(params, shop: shop, now: now)
        case "order.logisticsAddMultiPack":
            return try logisticsAddMultiPack(params, shop: shop, now: now)
        case "order.logisticsEdit", "order.logisticsEditByPack":
            return try logisticsEdit(params, shop: shop, byPack: method == "order.logisticsEditByPack", now: now)
        case "order.logisticsCompanyList":
            return logisticsCompanyList()
        default:
            throw .unknownMethod(method)
        }
    }

    private func checkTimestamp(_ text: String, now: Date) throws(DouyinAPIError) {
        let seconds: Int64
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int64(text) {
            seconds = value
        } else if let value = BeijingTime.parse(text) {
            seconds = value
        } else {
            throw .invalidTimestamp("timestamp must be Unix seconds or yyyy-MM-dd HH:mm:ss (Beijing time): \(text)")
        }
        let skew = seconds - now.unixSeconds
        let tolerance = control.timestampToleranceSeconds
        guard abs(skew) <= tolerance else {
            throw .invalidTimestamp("timestamp \(text) is \(skew) s from the platform clock (allowed ±\(tolerance) s)")
        }
    }

    private func tokenShop(params: [String: JSONValue], candidates: [DouyinShopMock]) throws(DouyinAPIError) -> DouyinShopMock {
        if let shopId = params["shop_id"]?.textValue, !shopId.isEmpty {
            guard let shop = candidates.first(where: { $0.shopId == shopId }) else {
                throw .invalidParameter("shop_id", "shop \(shopId) has not authorised this app")
            }
            return shop
        }
        guard candidates.count == 1 else { throw .missingParameter("shop_id") }
        return candidates[0]
    }

    private func tokenData(_ token: DouyinToken, shop: DouyinShopMock) -> JSONValue {
        [
            "access_token": .string(token.accessToken),
            "expires_in": .int(DouyinTokenStore.accessLifetime),
            "refresh_token": .string(token.refreshToken),
            "scope": "SCOPE",
            "shop_id": .id(shop.shopId),
            "shop_name": .string(shop.shopName),
            "authority_id": "",
            "auth_subject_type": "MiniApp",
        ]
    }

    private func searchList(params: [String: JSONValue], shop: DouyinShopMock) throws(DouyinAPIError) -> JSONValue {
        let size = try integer(params, "size") ?? 10
        guard (1...100).contains(size) else { throw .invalidParameter("size", "must be between 1 and 100") }
        let page = try integer(params, "page") ?? 0
        guard page >= 0 else { throw .invalidParameter("page", "must be 0 or more (pages are 0-based)") }
        let updateStart = try integer(params, "update_time_start")
        let updateEnd = try integer(params, "update_time_end")
        let createStart = try integer(params, "create_time_start")
        let createEnd = try integer(params, "create_time_end")
        if let updateStart, let updateEnd, updateStart > updateEnd {
            throw .invalidParameter("update_time_start", "must not be after update_time_end")
        }
        if let createStart, let createEnd, createStart > createEnd {
            throw .invalidParameter("create_time_start", "must not be after create_time_end")
        }
        let orderBy = params["order_by"]?.textValue ?? "create_time"
        guard orderBy == "create_time" || orderBy == "update_time" else {
            throw .invalidParameter("order_by", "must be create_time or update_time")
        }
        var ascending = false
        if let flag = params["order_asc"] {
            guard let value = flag.boolValue else { throw .invalidParameter("order_asc", "must be a boolean") }
            ascending = value
        }
        var statuses: Set<Int>?
        if let filter = params["order_status"]?.textValue, !filter.isEmpty {
            var codes = Set<Int>()
            for part in filter.split(separator: ",") {
                guard let code = Int(part.trimmingCharacters(in: .whitespaces)) else {
                    throw .invalidParameter("order_status", "must be a comma-separated list of status codes")
                }
                codes.insert(code)
            }
            statuses = codes
        }

        let matching = shop.orders().filter { order in
            if let updateStart, order.updateTime < updateStart { return false }
            if let updateEnd, order.updateTime > updateEnd { return false }
            if let createStart, order.createTime < createStart { return false }
            if let createEnd, order.createTime > createEnd { return false }
            if let statuses, !statuses.contains(order.status) { return false }
            return true
        }
        let sorted = matching.sorted { left, right in
            let leftKey = orderBy == "update_time" ? left.updateTime : left.createTime
            let rightKey = orderBy == "update_time" ? right.updateTime : right.createTime
            if leftKey != rightKey { return ascending ? leftKey < rightKey : leftKey > rightKey }
            return ascending ? left.orderId < right.orderId : left.orderId > right.orderId
        }
        let (start, overflow) = Int(page).multipliedReportingOverflow(by: Int(size))
        let pageOrders = overflow || start >= sorted.count ? [] : sorted[start..<min(sorted.count, start + Int(size))]
        return [
            "page": .int(page),
            "size": .int(size),
            "total": .int(sorted.count),
            "shop_order_list": .array(pageOrders.map { $0.wire(shopId: shop.shopId, shopName: shop.shopName, includeUserInfo: false) }),
        ]
    }

    private func syncStock(params: [String: JSONValue], shop: DouyinShopMock) throws(DouyinAPIError) -> JSONValue {
        guard let productId = params["product_id"]?.textValue, !productId.isEmpty else { throw .missingParameter("product_id") }
        let skuId = params["sku_id"]?.textValue.flatMap { $0.isEmpty || $0 == "0" ? nil : $0 }
        let outSkuId = params["out_sku_id"]?.textValue.flatMap { $0.isEmpty ? nil : $0 }
        guard skuId != nil || outSkuId != nil else { throw .missingParameter("sku_id") }
        guard let stockNum = try integer(params, "stock_num") else { throw .missingParameter("stock_num") }
        var incremental = false
        if let flag = params["incremental"] {
            guard let value = flag.boolValue else { throw .invalidParameter("incremental", "must be a boolean") }
            incremental = value
        }
        guard incremental || stockNum >= 0 else { throw .invalidParameter("stock_num", "must not be negative") }
        _ = shop.recordStock(productId: productId, skuId: skuId, outSkuId: outSkuId, stockNum: stockNum, incremental: incremental)
        return [:]
    }

    /// An optional integer parameter given as a JSON integer or a string of digits.
    private func integer(_ params: [String: JSONValue], _ name: String) throws(DouyinAPIError) -> Int64? {
        guard let value = params[name], value != .null else { return nil }
        guard let number = value.int64Value else { throw .invalidParameter(name, "must be an integer") }
        return number
    }
}
