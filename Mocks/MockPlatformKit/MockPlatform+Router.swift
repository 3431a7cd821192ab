import Foundation
import GatewayCore
import HTTPTypes
import Hummingbird
import NIOCore

extension MockPlatform {
    /// The mock's routes: every platform API path, plus `/_mock/…` ground truth.
    func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        for module in modules { module.addRoutes(to: router) }
        router.get("/_mock/health") { _, _ -> Response in
            Self.response(status: 200, contentType: "application/json", body: #"{"status":"ok"}"#)
        }
        let modules = modules
        let control = control
        router.get("/_mock/truth") { _, _ -> Response in
            try Self.json(["orders": modules.flatMap { $0.truth() }])
        }
        router.get("/_mock/stock") { _, _ -> Response in
            try Self.json(["stock": modules.flatMap { $0.stockLevels() }])
        }
        router.get("/_mock/requests") { _, _ -> Response in
            try Self.json(["requests": control.requestLog()])
        }
        let shops = modules.flatMap(\.mockShops)
        router.get("/_mock/ship-pushes") { _, _ -> Response in
            try Self.json([
                "pushes": control.pendingShipPushes().map { ["platform": $0.platform.rawValue, "shop": $0.shop, "id": $0.id, "orderId": $0.orderId] }
            ])
        }
        router.post("/_mock/ship-pushes") { request, _ -> Response in
            guard let target = Self.queryParameters(request.uri.query)["to"], !target.isEmpty else {
                return Self.response(status: 400, contentType: "application/json", body: #"{"error":"to= is required"}"#)
            }
            var sent: [JSONValue] = []
            for push in control.takeShipPushes() {
                guard let shop = shops.first(where: { $0.platform == push.platform && $0.shopKey == push.shop }) else { continue }
                let result = try? await shop.deliver([push], to: target, timeout: .seconds(5))
                sent.append([
                    "id": .string(push.id), "orderId": .string(push.orderId), "status": .int(result?.status ?? 0),
                    "acknowledged": .bool(result?.acknowledged ?? false),
                ])
            }
            return Self.response(status: 200, contentType: "application/json", body: JSONValue.object(["pushes": .array(sent)]).serialized)
        }
        router.get("/_mock/ship-faults") { _, _ -> Response in
            try Self.json(["shops": control.shipFaults])
        }
        router.post("/_mock/ship-faults") { request, _ -> Response in
            let query = Self.queryParameters(request.uri.query)
            guard let shop = query["shop"], !shop.isEmpty else {
                return Self.response(status: 400, contentType: "application/json", body: #"{"error":"shop= is required"}"#)
            }
            let faults = MockShipFaults(
                lostAnswers: max(0, Int(query["lost"] ?? "") ?? 0),
                lostAnswerDelayMilliseconds: max(0, Int(query["delay_ms"] ?? "") ?? 0),
                rejections: max(0, Int(query["reject"] ?? "") ?? 0)
            )
            control.setShipFaults(faults, shop: shop)
            return try Self.json(["shops": [shop: faults]])
        }
        return router
    }

    /// Decodes a raw query string as a form would (`+` is a space, `%XX` escapes); the first value of a
    /// repeated name wins.
    static func queryParameters(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if parameters[name] == nil { parameters[name] = value }
        }
        return parameters
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    static func response(status: Int, contentType: String, body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private static func json<Value: Encodable>(_ value: [String: Value]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return response(status: 200, contentType: "application/json", body: String(decoding: data, as: UTF8.self))
    }
}
