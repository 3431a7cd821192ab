import GatewayCore
import Hummingbird

/// The staff API under `/api/v1` (bearer token or console session required; staff see only their enterprise's shops).
///
/// - `GET /api/v1/orders/{platform}/{shop}/{platformOrderId}`: the order, its lines and its timeline
///   (`?payloads=false` leaves out raw payloads); `403` for another enterprise's shop.
/// - `GET /api/v1/orders?platform=&shop=&status=&limit=&offset=`: orders, most recently changed first, of the shops
///   the caller may read; `403` when `shop` names another enterprise's shop.
/// - `GET /api/v1/me`: who the caller is (username, role, enterprise, how they authenticated).
/// - `GET /api/v1/audit?subject=&limit=`: the audit log, newest first (staff: only their enterprise's entries).
struct StaffAPIController: Sendable {
    /// The largest `offset` `/api/v1/orders` accepts (larger → 400), so paging arithmetic stays far from overflow.
    static let maxOffset = QueryLimits.maxOffset
    let orders: any OrderStore
    let shopEnterprises: [String: String]
    let audit: (any AuditLog)?
    /// Line fulfilments (stock reservations), when inventory is served.
    var inventory: (any InventoryStore)? = nil
    /// Parcel allocations and trace codes, when supply is served.
    var supply: (any SupplyStore)? = nil

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/orders/:platform/:shop/:orderId") { request, context in
            try await self.order(request, context: context)
        }
        group.get("/orders") { request, context in
            try await self.list(request, context: context)
        }
        group.get("/me") { request, context in
            try self.me(request, context: context)
        }
        group.get("/audit") { request, context in
            try await self.auditEntries(request, context: context)
        }
    }

    func me(_ request: Request, context: AppRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        struct Me: Encodable {
            var username: String
            var role: String
            var enterpriseId: String?
            var method: String
            var shops: [String]?
        }
        return try JSONResponse.encode(
            Me(
                username: principal.user.username,
                role: principal.role.rawValue,
                enterpriseId: principal.user.enterpriseId,
                method: principal.method.rawValue,
                shops: principal.readableShops(shopEnterprises)?.sorted()
            )
        )
    }

    func auditEntries(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let limit = request.uri.queryParameters.get("limit").flatMap(Int.init) ?? 100
        guard QueryLimits.limits.contains(limit) else { return JSONResponse.error(.badRequest, "limit must be 1…1000") }
        let subject = request.uri.queryParameters.get("subject")
        let entries = try await audit?.entries(subject: subject, limit: principal.role == .staff ? 1000 : limit) ?? []
        let visible = entries.filter { principal.role != .staff || principal.canRead(enterprise: $0.enterpriseId) }.prefix(limit)
        struct Entry: Encodable {
            var at: String
            var actor: String
            var action: String
            var subject: String
            var detail: String
            var enterpriseId: String?
        }
        struct Page: Encodable { var entries: [Entry] }
        return try JSONResponse.encode(
            Page(
                entries: visible.map {
                    Entry(
                        at: OrderResponse.iso($0.at),
                        actor: $0.actor,
                        action: $0.action,
                        subject: $0.subject,
                        detail: $0.detail,
                        enterpriseId: $0.enterpriseId
                    )
                }
            )
        )
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
        try context.requireRead(enterprise: shopEnterprises[key.shop])
        guard let order = try await orders.order(key) else {
            return JSONResponse.error(.notFound, "no order \(key)")
        }
        let includePayloads = request.uri.queryParameters.get("payloads") != "false"
        var response = OrderResponse(order: order, timeline: try await orders.timeline(key), includePayloads: includePayloads)
        response.reservations = try await inventory?.fulfilments(of: key)
        response.allocations = try await supply?.allocations(of: key)
        return try JSONResponse.encode(response)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        var query = OrderQuery()
        query.shops = principal.readableShops(shopEnterprises)
        if let name = parameters.get("platform") {
            guard let platform = Platform(rawValue: name) else { return JSONResponse.error(.badRequest, "unknown platform \"\(name)\"") }
            query.platform = platform
        }
        if let shop = parameters.get("shop") {
            try context.requireRead(enterprise: shopEnterprises[shop])
            query.shop = shop
        }
        if let name = parameters.get("status") {
            guard let status = OrderStatus(rawValue: name) else {
                return JSONResponse.error(.badRequest, "unknown status \"\(name)\" (created, paid, shipped, completed, cancelled)")
            }
            query.status = status
        }
        if let event = parameters.get("live_event") { query.liveEventId = event }
        if let limit = parameters.get("limit") {
            guard let value = QueryLimits.limit(limit) else { return JSONResponse.error(.badRequest, "limit must be 1…1000") }
            query.limit = value
        }
        if let offset = parameters.get("offset") {
            guard let value = QueryLimits.offset(offset) else { return JSONResponse.error(.badRequest, "offset must be 0…\(Self.maxOffset)") }
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
