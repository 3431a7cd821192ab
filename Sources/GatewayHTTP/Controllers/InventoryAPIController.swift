import Foundation
import GatewayCore
import Hummingbird

/// The inventory part of the staff API (issue #5). Staff see and change only their enterprise's data.
///
/// - `GET /api/v1/inventory?enterprise=`: stock per warehouse and SKU (on hand, reserved, safety, available).
/// - `POST /api/v1/stock` `{"warehouse","sku","on_hand","safety"}`: set a level; held orders re-run.
/// - `GET /api/v1/sku-mappings?shop=`, `POST /api/v1/sku-mappings`
///   `{"shop","platform_sku_id","platform_product_id","components":[{"sku","quantity"}]}`: held orders re-run.
/// - `GET /api/v1/exceptions?status=open|resolved|all&kind=&shop=&limit=`,
///   `POST /api/v1/exceptions/{id}/resolve` `{"note","dismiss"}`: re-runs the order; 409 when its cause is still there.
/// - `GET /api/v1/live-events`, `GET /api/v1/live-events/{id}`: per-event figures.
/// - `POST /api/v1/skus` `{"code","enterprise","product","grade","net_weight_kg","title"}` and
///   `POST /api/v1/warehouses` `{"id","enterprise","name","regions":[…],"priority"}`: add or change master data.
struct InventoryAPIController: Sendable {
    let inventory: any InventoryStore
    let shopEnterprises: [String: String]
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/inventory") { request, context in try await self.listInventory(request, context: context) }
        group.post("/stock") { request, context in try await self.setStock(request, context: context) }
        group.get("/sku-mappings") { request, context in try await self.listMappings(request, context: context) }
        group.post("/sku-mappings") { request, context in try await self.upsertMapping(request, context: context) }
        group.get("/exceptions") { request, context in try await self.listExceptions(request, context: context) }
        group.post("/exceptions/:id/resolve") { request, context in try await self.resolve(request, context: context) }
        group.get("/live-events") { request, context in try await self.listLiveEvents(request, context: context) }
        group.get("/live-events/:id") { request, context in try await self.liveEvent(request, context: context) }
        group.post("/skus") { request, context in try await self.upsertSku(request, context: context) }
        group.post("/warehouses") { request, context in try await self.upsertWarehouse(request, context: context) }
    }

    func listInventory(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        var enterprise = request.uri.queryParameters.get("enterprise")
        if principal.role == .staff, enterprise == nil { enterprise = principal.user.enterpriseId }
        try context.requireRead(enterprise: enterprise ?? (principal.role == .staff ? "" : nil))
        let rows = try await inventory.inventory(enterpriseId: enterprise)
        return try JSONResponse.encode(["inventory": rows.map(InventoryRowResponse.init)])
    }

    func setStock(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var warehouse: String
            var sku: String
            var on_hand: Int
            var safety: Int?
        }
        let body = try await decode(Body.self, request, context: context)
        let data = try await inventory.masterData()
        guard let sku = data.skus[body.sku] else { return JSONResponse.error(.notFound, "unknown SKU \"\(body.sku)\"") }
        let principal = try context.requireWrite(enterprise: sku.enterpriseId)
        guard body.on_hand >= 0, (body.safety ?? 0) >= 0 else { return JSONResponse.error(.badRequest, "on_hand and safety must be 0 or more") }
        let current = try await inventory.inventory(enterpriseId: sku.enterpriseId).first {
            $0.level.key == StockKey(warehouseId: body.warehouse, skuCode: body.sku)
        }
        let level = StockLevel(
            warehouseId: body.warehouse,
            skuCode: body.sku,
            onHand: body.on_hand,
            safety: body.safety ?? current?.level.safety ?? 0
        )
        return try await apply(MasterDataSeed(stock: [level]), actor: principal.auditActor, owner: principal.writeScope)
    }

    func listMappings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let readable = principal.readableShops(shopEnterprises)
        let shop = request.uri.queryParameters.get("shop")
        if let shop { try context.requireRead(enterprise: shopEnterprises[shop]) }
        let mappings = try await inventory.masterData().mappings.values
            .filter { mapping in (shop == nil || mapping.shop == shop) && (readable?.contains(mapping.shop) ?? true) }
            .sorted { ($0.shop, $0.platformSkuId) < ($1.shop, $1.platformSkuId) }
        return try JSONResponse.encode(["mappings": mappings.map(MappingResponse.init)])
    }

    func upsertMapping(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await decode(MappingResponse.self, request, context: context)
        guard shopEnterprises[body.shop] != nil else { return JSONResponse.error(.notFound, "unknown shop \"\(body.shop)\"") }
        let principal = try context.requireWrite(enterprise: shopEnterprises[body.shop])
        guard !body.platform_sku_id.isEmpty, !body.components.isEmpty else {
            return JSONResponse.error(.badRequest, "give platform_sku_id and at least one component {sku, quantity}")
        }
        let data = try await inventory.masterData()
        for component in body.components {
            guard let sku = data.skus[component.sku] else { return JSONResponse.error(.badRequest, "unknown SKU \"\(component.sku)\"") }
            guard component.quantity ?? 1 >= 1 else { return JSONResponse.error(.badRequest, "component quantity must be 1 or more") }
            // Staff may map their shops only to their own enterprise's SKUs.
            try context.requireWrite(enterprise: sku.enterpriseId)
        }
        let mapping = SkuMapping(
            shop: body.shop,
            platformSkuId: body.platform_sku_id,
            platformProductId: body.platform_product_id,
            components: body.components.map { SkuComponent(skuCode: $0.sku, quantity: $0.quantity ?? 1) }
        )
        return try await apply(MasterDataSeed(masterData: MasterData(mappings: [mapping])), actor: principal.auditActor, owner: principal.writeScope)
    }

    func listExceptions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        var query = ExceptionQuery()
        query.shops = principal.readableShops(shopEnterprises)
        switch parameters.get("status") ?? "open" {
        case "all": query.status = nil
        case let name:
            guard let status = ExceptionStatus(rawValue: name) else { return JSONResponse.error(.badRequest, "status must be open, resolved or all") }
            query.status = status
        }
        if let name = parameters.get("kind") {
            guard let kind = ExceptionKind(rawValue: name) else {
                return JSONResponse.error(.badRequest, "kind must be one of \(ExceptionKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.kind = kind
        }
        if let shop = parameters.get("shop") {
            try context.requireRead(enterprise: shopEnterprises[shop])
            query.shops = [shop]
        }
        if let limit = parameters.get("limit") {
            guard let value = QueryLimits.limit(limit) else { return JSONResponse.error(.badRequest, "limit must be 1…1000") }
            query.limit = value
        }
        return try JSONResponse.encode(["exceptions": try await inventory.exceptions(query)])
    }

    func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var note: String
            var dismiss: Bool?
        }
        guard let id = Int64(try context.parameters.require("id")) else { return JSONResponse.error(.badRequest, "exception ids are numbers") }
        guard let exception = try await inventory.exception(id: id) else { return JSONResponse.error(.notFound, "no exception \(id)") }
        let principal = try context.requireWrite(enterprise: shopEnterprises[exception.order.shop])
        let body = try await decode(Body.self, request, context: context)
        guard !body.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return JSONResponse.error(.badRequest, "a note is required: say what was done")
        }
        let resolution = try await inventory.resolveException(
            id: id,
            note: body.note,
            dismiss: body.dismiss ?? false,
            actor: principal.auditActor,
            at: clock()
        )
        return try JSONResponse.encode(resolution, status: resolution.resolved ? .ok : .conflict)
    }

    func listLiveEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        return try JSONResponse.encode(["live_events": try await inventory.liveEvents()])
    }

    func liveEvent(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id")
        let shops = principal.readableShops(shopEnterprises)
        guard var figures = try await inventory.liveEventFigures(id: id, shops: shops) else {
            return JSONResponse.error(.notFound, "no live event \"\(id)\"")
        }
        if principal.role == .staff {
            let data = try await inventory.masterData()
            figures.stockLeft = figures.stockLeft.filter { principal.canRead(enterprise: data.skus[$0.skuCode]?.enterpriseId) }
        }
        return try JSONResponse.encode(figures)
    }

    func upsertSku(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var code: String
            var enterprise: String
            var product: String
            var grade: String?
            var net_weight_kg: String
            var title: String?
        }
        let body = try await decode(Body.self, request, context: context)
        let principal = try context.requireWrite(enterprise: body.enterprise)
        // An existing SKU is changed only by its current enterprise's staff (or an admin): no take-over by code.
        if let existing = try await inventory.masterData().skus[body.code] { try context.requireWrite(enterprise: existing.enterpriseId) }
        guard let grams = Weight.grams(fromKilograms: body.net_weight_kg), grams > 0 else {
            return JSONResponse.error(.badRequest, "net_weight_kg \"\(body.net_weight_kg)\" is not a weight in kg such as 5 or 0.25")
        }
        let sku = EnterpriseSKU(
            code: body.code,
            enterpriseId: body.enterprise,
            product: body.product,
            grade: body.grade ?? "",
            netWeightGrams: grams,
            title: body.title ?? body.code
        )
        return try await apply(MasterDataSeed(masterData: MasterData(skus: [sku])), actor: principal.auditActor, owner: principal.writeScope)
    }

    func upsertWarehouse(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var id: String
            var enterprise: String
            var name: String?
            var regions: [String]
            var priority: Int?
        }
        let body = try await decode(Body.self, request, context: context)
        let principal = try context.requireWrite(enterprise: body.enterprise)
        // An existing warehouse is changed only by its current enterprise's staff (or an admin): no take-over by id.
        if let existing = try await inventory.masterData().warehouses[body.id] { try context.requireWrite(enterprise: existing.enterpriseId) }
        guard !body.regions.isEmpty else { return JSONResponse.error(.badRequest, "list the provinces served in regions, or [\"*\"]") }
        let warehouse = Warehouse(
            id: body.id,
            enterpriseId: body.enterprise,
            name: body.name ?? body.id,
            regions: body.regions,
            priority: body.priority ?? 100
        )
        return try await apply(
            MasterDataSeed(masterData: MasterData(warehouses: [warehouse])),
            actor: principal.auditActor,
            owner: principal.writeScope
        )
    }

    // MARK: helpers

    private func apply(_ change: MasterDataSeed, actor: String, owner: String?) async throws -> Response {
        do {
            // The store re-checks ownership in its write transaction, so a row created meanwhile cannot be taken over.
            let summary = try await inventory.apply(change, actor: actor, at: clock(), ownedBy: owner)
            return try JSONResponse.encode(summary)
        } catch let error as InventoryStoreError {
            return JSONResponse.error(.unprocessableContent, error.description)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request, context: AppRequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch {
            throw HTTPError(.badRequest, message: "the body is not the expected JSON: \(error)")
        }
    }
}

/// A mapping as the API shows and accepts it.
struct MappingResponse: Codable {
    struct Component: Codable {
        var sku: String
        var quantity: Int?
    }
    var shop: String
    var platform_sku_id: String
    var platform_product_id: String?
    var components: [Component]

    init(_ mapping: SkuMapping) {
        shop = mapping.shop
        platform_sku_id = mapping.platformSkuId
        platform_product_id = mapping.platformProductId
        components = mapping.components.map { Component(sku: $0.skuCode, quantity: $0.quantity) }
    }
}

/// A stock level as the API shows it.
struct InventoryRowResponse: Encodable {
    var warehouse: String
    var warehouse_name: String
    var enterprise: String
    var sku: String
    var title: String
    var on_hand: Int
    var reserved: Int
    var safety: Int
    var available: Int

    init(_ row: InventoryRow) {
        warehouse = row.warehouse.id
        warehouse_name = row.warehouse.name
        enterprise = row.sku.enterpriseId
        sku = row.sku.code
        title = row.sku.title
        on_hand = row.level.onHand
        reserved = row.level.reserved
        safety = row.level.safety
        available = row.level.available
    }
}
