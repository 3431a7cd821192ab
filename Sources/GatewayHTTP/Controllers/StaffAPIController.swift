import GatewayCore
import Hummingbird

/// The staff API's orders, caller and audit log under `/api/v1` (bearer token or console session required; staff
/// see only their enterprise's shops). Shapes, parameters and errors: `API/openapi.yaml`.
///
/// - `GET /api/v1/orders/{platform}/{shop}/{platform_order_id}`: the order, its lines and its timeline
///   (`?payloads=false` leaves out raw payloads); `403` for another enterprise's shop.
/// - `GET /api/v1/orders?platform=&shop=&status=&live_event=&limit=&cursor=`: orders, most recently changed first,
///   of the shops the caller may read; `403` when `shop` names another enterprise's shop.
/// - `GET /api/v1/me`: who the caller is (username, role, enterprise, how they authenticated).
/// - `GET /api/v1/audit?subject=&limit=&cursor=`: the audit log, newest first (staff: only their enterprise's entries).
struct StaffAPIController: Sendable {
    let orders: any OrderStore
    let shopEnterprises: [String: String]
    let audit: (any AuditLog)?
    /// Line fulfilments (stock reservations), when inventory is served.
    var inventory: (any InventoryStore)? = nil
    /// Parcel allocations and trace codes, when supply is served.
    var supply: (any SupplyStore)? = nil

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/orders/:platform/:shop/:platform_order_id") { request, context in
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
        APIJSON.response(MeResponse(try context.requirePrincipal(), shopEnterprises: shopEnterprises))
    }

    func auditEntries(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let page = try PageRequest.parse(request)
        let subject = request.uri.queryParameters.get("subject")
        // Staff see their enterprise's entries only: read further so that filtering still fills the page.
        let read = principal.role == .staff ? min(PageRequest.maxMemoryOffset * 2, page.rowsToRead * 4 + 1000) : page.rowsToRead
        let entries = try await audit?.entries(subject: subject, limit: read) ?? []
        let visible = entries.filter { principal.role != .staff || principal.canRead(enterprise: $0.enterpriseId) }
        return APIJSON.response(APIPage(all: visible.map(AuditEntryResponse.init), page: page))
    }

    func order(_ request: Request, context: AppRequestContext) async throws -> Response {
        let platformName = try context.parameters.require("platform")
        guard let platform = Platform(rawValue: platformName) else {
            throw APIError(.notFound, .unknownPlatform, "unknown platform \"\(platformName)\"")
        }
        let key = OrderKey(
            platform: platform,
            shop: try context.parameters.require("shop"),
            platformOrderId: try context.parameters.require("platform_order_id")
        )
        let asked = try Self.boolean(request, "payloads")
        let principal = try context.requireRead(enterprise: shopEnterprises[key.shop])
        // Raw payloads can hold a buyer's plaintext contact: admins get them unless they pass `payloads=false`; for staff
        // and auditors they are left out, and asking for them explicitly (`payloads=true`) is 403.
        if asked == true && !principal.canOpenRawPayloads {
            throw APIError(.forbidden, .forbidden, "raw payloads are for admins only: they can hold buyers' plaintext names, phones and addresses")
        }
        guard let order = try await orders.order(key) else {
            throw APIError(.notFound, .orderNotFound, "no order \(key.platform.rawValue)/\(key.shop)/\(key.platformOrderId)")
        }
        let includePayloads = principal.canOpenRawPayloads && asked != false
        var response = OrderResponse(
            order: order,
            enterpriseId: shopEnterprises[key.shop],
            timeline: try await orders.timeline(key, payloads: includePayloads),
            includePayloads: includePayloads
        )
        response.reservations = try await inventory?.fulfilments(of: key).map(ReservationResponse.init)
        response.allocations = try await supply?.allocations(of: key).map(AllocationResponse.init)
        return APIJSON.response(response)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        let page = try PageRequest.parse(request, maxOffset: PageRequest.maxStoreOffset)
        var query = OrderQuery()
        query.shops = principal.readableShops(shopEnterprises)
        if let name = parameters.get("platform") {
            guard let platform = Platform(rawValue: name) else { throw APIError(.badRequest, .unknownPlatform, "unknown platform \"\(name)\"") }
            query.platform = platform
        }
        if let name = parameters.get("status") {
            guard let status = OrderStatus(rawValue: name) else {
                throw APIError.parameter("unknown status \"\(name)\" (created, paid, shipped, completed, cancelled)")
            }
            query.status = status
        }
        if let shop = parameters.get("shop") {
            try context.requireRead(enterprise: shopEnterprises[shop])
            query.shop = shop
        }
        if let event = parameters.get("live_event") { query.liveEventId = event }
        guard !page.isBeyondEnd else { return APIJSON.response(APIPage<OrderResponse>(items: [], next: nil)) }
        query.limit = page.limit + 1
        query.offset = page.offset
        let found = try await orders.orders(matching: query)
        let items = found.map {
            OrderResponse(order: $0, enterpriseId: shopEnterprises[$0.key.shop], timeline: nil, includePayloads: false)
        }
        return APIJSON.response(APIPage(rowsFromOffset: items, page: page))
    }

    /// A `true`/`false` query parameter (`nil` when absent).
    /// - Throws: ``APIError`` `invalid_parameter` for anything else.
    static func boolean(_ request: Request, _ name: String) throws -> Bool? {
        guard let value = request.uri.queryParameters.get(name) else { return nil }
        switch value {
        case "true": return true
        case "false": return false
        default: throw APIError.parameter("\(name) must be true or false")
        }
    }
}
