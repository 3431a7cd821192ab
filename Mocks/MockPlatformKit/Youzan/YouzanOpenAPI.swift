import Foundation
import Logging

/// The Youzan Cloud API as the mock serves it: the token call and the logistics APIs (shipping.md §8b.6).
///
/// - `POST /auth/token`, JSON `{"client_id","client_secret","authorize_type":"silent","grant_id":"<kdt_id>"}` →
///   `{"success":true,"code":200,"data":{"access_token":…,"expires":<ms>,"scope":…}}` (**[U]**: not in the docs
///   read; the shape of Youzan Cloud's silent authorisation). A shop's `access_token` credential also works.
/// - `POST /api/{method}/{version}?access_token=…`, JSON (or form) body; the token only from the query string:
///   `youzan.logistics.online.confirm` 3.0.0 (`tid`, `out_stype`, `out_sid`, `is_no_express`, `oids`),
///   `youzan.logistics.online.update` 3.0.0 (`tid`, `out_stype`, `out_sid`, `oids`), `youzan.logistics.express.get`
///   3.0.0. Success: `{"success":true,"code":200,"message":"successful","data":{…}}` (**[U]** envelope).
///
/// Checks: token present and valid → frequency limit (per `client_id`) → injected faults → method served →
/// body → the method. Errors: ``YouzanAPIError``.
struct YouzanOpenAPI: Sendable {
    /// An answer ready to send.
    struct Answer: Sendable, Equatable {
        var httpStatus: Int
        var body: String
        var code: Int
        var contentType = "application/json;charset=UTF-8"
    }

    /// The token path.
    static let tokenPath = "/auth/token"
    /// The API paths served.
    static let apiPaths = [
        "/api/youzan.logistics.online.confirm/3.0.0", "/api/youzan.logistics.online.update/3.0.0", "/api/youzan.logistics.express.get/3.0.0",
    ]
    /// The ship and edit paths, whose answers the lost-answer ship fault drops.
    static let shipPaths: Set<String> = ["/api/youzan.logistics.online.confirm/3.0.0", "/api/youzan.logistics.online.update/3.0.0"]

    let shops: [YouzanShopMock]
    let control: MockControl
    let tokens: MockAccessTokens
    let logger: Logger

    /// Handles one call and records it in the request log.
    /// - Parameters:
    ///   - path: the request path.
    ///   - query: the decoded query parameters.
    ///   - body: the raw body.
    ///   - contentType: the `Content-Type` header.
    ///   - now: the mock's clock.
    func handle(path: String, query: [String: String], body: [UInt8], contentType: String, now: Date = Date()) async -> Answer {
        var shop: YouzanShopMock?
        var answer: Answer
        do throws(YouzanAPIError) {
            let fields = Self.fields(body: body, contentType: contentType)
            let data = path == Self.tokenPath ? try token(fields, shop: &shop, now: now) : try await call(path, query, fields, shop: &shop, now: now)
            let envelope: JSONValue = ["success": true, "code": 200, "message": "successful", "data": data]
            answer = Answer(httpStatus: 200, body: envelope.serialized, code: 200)
            if Self.shipPaths.contains(path), await control.loseShipAnswer(shop: shop?.shopKey) {
                answer = Answer(
                    httpStatus: MockControl.lostAnswerStatus,
                    body: MockControl.lostAnswerBody,
                    code: MockControl.lostAnswerStatus,
                    contentType: "text/plain"
                )
            }
        } catch {
            answer =
                error.code == 503
                ? Answer(httpStatus: 503, body: "Service Unavailable", code: 503, contentType: "text/plain")
                : Answer(httpStatus: 200, body: error.body.serialized, code: error.code)
        }
        control.record(
            MockRequestRecord(
                platform: "youzan",
                path: path,
                method: path.split(separator: "/").dropFirst().first.map(String.init) ?? path,
                shop: shop?.shopKey,
                appKey: shop?.clientId,
                signatureValid: shop != nil,
                code: answer.code,
                httpStatus: answer.httpStatus,
                subCode: ""
            )
        )
        if answer.code != 200 { logger.debug("youzan \(path) answered \(answer.code)") }
        return answer
    }

    private func token(_ fields: [String: JSONValue], shop: inout YouzanShopMock?, now: Date) throws(YouzanAPIError) -> JSONValue {
        let clientId = fields["client_id"]?.textValue ?? ""
        let secret = fields["client_secret"]?.textValue ?? ""
        let candidates = shops.filter { $0.clientId == clientId && Hex.constantTimeEquals($0.clientSecret, secret) }
        guard !candidates.isEmpty else { throw .invalidClient }
        let grant = fields["grant_id"]?.textValue ?? ""
        guard let owner = candidates.first(where: { $0.kdtId == grant }) ?? (grant.isEmpty ? candidates.first : nil) else {
            throw YouzanAPIError(code: 40002, message: "grant_id \(grant) 未授权该应用")
        }
        shop = owner
        let issued = tokens.issue(shopKey: owner.shopKey, appKey: clientId, now: now.unixSeconds)
        return [
            "access_token": .string(issued.accessToken), "expires": .int((now.unixSeconds + tokens.accessLifetime) * 1000),
            "scope": "trade logistics", "authority_id": .string(owner.kdtId),
        ]
    }

    private func call(
        _ path: String,
        _ query: [String: String],
        _ fields: [String: JSONValue],
        shop: inout YouzanShopMock?,
        now: Date
    ) async throws(YouzanAPIError) -> JSONValue {
        let owner: YouzanShopMock
        switch tokens.check(query["access_token"] ?? "", appKey: nil, now: now.unixSeconds) {
        case .unknown: throw .invalidToken
        case .expired: throw .expiredToken
        case .valid(let token):
            guard let found = shops.first(where: { $0.shopKey == token.shopKey }) else { throw .invalidToken }
            owner = found
        }
        shop = owner
        guard control.admit(appKey: "youzan:" + owner.clientId, now: now) else { throw .frequencyLimited }
        try await control.injectFault(systemError: YouzanAPIError.systemError, unavailable: YouzanAPIError.serviceUnavailable)
        switch path {
        case "/api/youzan.logistics.online.confirm/3.0.0": return try confirm(fields, shop: owner, now: now)
        case "/api/youzan.logistics.online.update/3.0.0": return try update(fields, shop: owner, now: now)
        default:
            return [
                "allExpress": .array(YouzanShopMock.couriers.map { ["id": .int($0.id), "name": .string($0.name), "display": 1] })
            ]
        }
    }

    /// `youzan.logistics.online.confirm`: whole trade, or the lines in `oids` (each shipped whole). `is_no_express=1`
    /// ships without a parcel record (courier and tracking number empty). Answers `{"is_success":true}`.
    private func confirm(_ fields: [String: JSONValue], shop: YouzanShopMock, now: Date) throws(YouzanAPIError) -> JSONValue {
        let tid = try text(fields, "tid")
        let noExpress = fields["is_no_express"]?.int64Value ?? 0
        let (courier, tracking) = noExpress == 1 ? ("", "") : try express(fields)
        let oids = try oidList(fields)
        let left = shop.unitsLeft(tid: tid)
        let lines = oids.map { $0.map { MockShippedLine(lineId: $0, quantity: left[$0] ?? 0) } }
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberRejected }
        do throws(MockShipRefusal) {
            let message = try shop.shipParcels(tid: tid, parcels: [MockParcel(trackingNo: tracking, courierCode: courier, lines: lines)], at: now)
            control.recordShipPush(shop.wrap(message, tid: tid))
        } catch {
            throw .shipRefusal(error)
        }
        return ["is_success": true]
    }

    /// `youzan.logistics.online.update`: the parcel holding the first of `oids` (without: the first parcel).
    private func update(_ fields: [String: JSONValue], shop: YouzanShopMock, now: Date) throws(YouzanAPIError) -> JSONValue {
        let tid = try text(fields, "tid")
        let (courier, tracking) = try express(fields)
        let oids = try oidList(fields)
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberRejected }
        do throws(MockShipRefusal) {
            try shop.editParcel(tid: tid, oid: oids?.first, trackingNo: tracking, courierCode: courier, at: now)
        } catch {
            throw .shipRefusal(error)
        }
        return ["is_success": true]
    }

    private func text(_ fields: [String: JSONValue], _ name: String) throws(YouzanAPIError) -> String {
        guard let value = fields[name]?.textValue, !value.isEmpty else { throw .invalidParameter("\(name) 不能为空") }
        return value
    }

    /// `out_stype` (numeric, in the courier list) and `out_sid` (not empty).
    private func express(_ fields: [String: JSONValue]) throws(YouzanAPIError) -> (courier: String, tracking: String) {
        let stype = fields["out_stype"]?.textValue ?? ""
        guard let id = Int64(stype) else { throw .badExpress("快递公司类型编号(out_stype)必须为数字") }
        guard YouzanShopMock.couriers.contains(where: { $0.id == id }) else { throw .unknownCourier(stype) }
        guard let sid = fields["out_sid"]?.textValue, !sid.isEmpty else { throw .badExpress("快递单号(out_sid)不能为空") }
        return (String(id), sid)
    }

    /// `oids`: a comma list of line ids, nil when empty.
    private func oidList(_ fields: [String: JSONValue]) throws(YouzanAPIError) -> [String]? {
        let oids = (fields["oids"]?.textValue ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return oids.isEmpty ? nil : oids
    }

    /// The body as fields: a JSON object, or a form.
    private static func fields(body: [UInt8], contentType: String) -> [String: JSONValue] {
        if !contentType.contains("json"), !body.isEmpty {
            return MockPlatform.queryParameters(String(decoding: body, as: UTF8.self)).mapValues { .string($0) }
        }
        return (try? JSONParser.parse(body))?.value.objectValue ?? [:]
    }
}
