import GatewayCore
import Hummingbird

/// The staff API under `/api/v1` (bearer token required).
///
/// - `GET /api/v1/orders/{platform}/{shop}/{platformOrderId}`: the order, its lines and its timeline
///   (`?payloads=false` leaves out raw payloads).
/// - `GET /api/v1/orders?platform=&shop=&status=&limit=&offset=`: orders, most recently changed first.
struct StaffAPIController: Sendable {
    let orders: any OrderStore

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/orders/:platform/:shop/:orderId") { request, context in
            try await self.order(request, context: context)
        }
        group.get("/orders") { request, context in
            try await self.list(request, context: context)
        }
    }

    func order(_ request: Request, context: AppRequestContext) async throws -> Response {
        let platformName = try context.parameters.require("platform")
        guard let platform = Platform(rawValue: platformName) else {
            return JSONResponse.error(.notFound, "unknown platform \"\(platformName)\"")
        }
        let key = OrderKey(
            platform: platform,
            shop: try context.parameters.require("shop"),
            platformOrderId: try context.parameters.require("orderId")
        )
        guard let order = try await orders.order(key) else {
            return JSONResponse.error(.notFound, "no order \(key)")
        }
        let includePayloads = request.uri.queryParameters.get("payloads") != "false"
        return try JSONResponse.encode(OrderResponse(order: order, timeline: try await orders.timeline(key), includePayloads: includePayloads))
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        var query = OrderQuery()
        if let name = parameters.get("platform") {
            guard let platform = Platform(rawValue: name) else { return JSONResponse.error(.badRequest, "unknown platform \"\(name)\"") }
            query.platform = platform
        }
        query.shop = parameters.get("shop")
        if let name = parameters.get("status") {
            guard let status = OrderStatus(rawValue: name) else {
                return JSONResponse.error(.badRequest, "unknown status \"\(name)\" (created, paid, shipped, completed, cancelled)")
            }
            query.status = status
        }
        if let limit = parameters.get("limit") {
            guard let value = Int(limit), (1...1000).contains(value) else { return JSONResponse.error(.badRequest, "limit must be 1…1000") }
            query.limit = value
        }
        if let offset = parameters.get("offset") {
            guard let value = Int(offset), value >= 0 else { return JSONResponse.error(.badRequest, "offset must be 0 or more") }
            query.offset = value
        }
        let found = try await orders.orders(matching: query)
        struct Page: Encodable {
            var orders: [OrderResponse]
            var limit: Int
            var offset: Int
        }
        return try JSONResponse.encode(
            Page(orders: found.map { OrderResponse(order: $0, timeline: nil, includePayloads: false) }, limit: query.limit, offset: query.offset)
        )
    }
}
