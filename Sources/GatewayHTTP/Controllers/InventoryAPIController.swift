import Foundation
import GatewayCore
import Hummingbird

/// The inventory part of the staff API (issue #5). Staff see and change only their enterprise's data. Shapes,
/// parameters and errors: `API/openapi.yaml`.
///
/// - `GET /api/v1/inventory?enterprise=&limit=&cursor=`: stock per warehouse and SKU (on hand, reserved, safety, available).
/// - `POST /api/v1/stock` `{"warehouse_id","sku_code","on_hand","safety"}`: set a level; held orders re-run.
/// - `GET /api/v1/sku-mappings?shop=&limit=&cursor=`, `POST /api/v1/sku-mappings`
///   `{"shop","platform_sku_id","platform_product_id","components":[{"sku_code","quantity"}]}`: held orders re-run.
/// - `GET /api/v1/exceptions?status=open|resolved|all&kind=&shop=&limit=&cursor=`,
///   `POST /api/v1/exceptions/{id}/resolve` `{"note","dismiss"}`: re-runs the order; 409 when its cause is still there.
/// - `GET /api/v1/live-events?limit=&cursor=`, `GET /api/v1/live-events/{id}`: per-event figures.
/// - `POST /api/v1/skus` `{"code","enterprise_id","product","grade","net_weight_grams","title"}` and
///   `POST /api/v1/warehouses` `{"id","enterprise_id","name","regions":[…],"priority"}`: add or change master data.
struct InventoryAPIController: Sendable {
    /// The largest stock level or safety stock accepted.
    static let maxQuantity = 1_000_000_000
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
        let page = try PageRequest.parse(request)
        var enterprise = request.uri.queryParameters.get("enterprise")
        if principal.role == .staff, enterprise == nil { enterprise = principal.user.enterpriseId }
        try context.requireRead(enterprise: enterprise ?? (principal.role == .staff ? "" : nil))
        let rows = try await inventory.inventory(enterpriseId: enterprise)
        return APIJSON.response(APIPage(all: rows.map(InventoryRowResponse.init), page: page))
    }

    func setStock(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var warehouseId: String
            var skuCode: String
            var onHand: Int
            var safety: Int?
        }
        let body = try await APIJSON.body(Body.self, request)
        guard (0...Self.maxQuantity).contains(body.onHand), (0...Self.maxQuantity).contains(body.safety ?? 0) else {
            throw APIError.body("on_hand and safety must be 0 to \(Self.maxQuantity)")
        }
        let data = try await inventory.masterData()
        guard let sku = data.skus[body.skuCode] else { throw APIError(.unprocessableContent, .unknownSku, "unknown SKU \"\(body.skuCode)\"") }
        let principal = try context.requireWrite(enterprise: sku.enterpriseId)
        let current = try await inventory.inventory(enterpriseId: sku.enterpriseId).first {
            $0.level.key == StockKey(warehouseId: body.warehouseId, skuCode: body.skuCode)
        }
        let level = StockLevel(
            warehouseId: body.warehouseId,
            skuCode: body.skuCode,
            onHand: body.onHand,
            safety: body.safety ?? current?.level.safety ?? 0
        )
        return try await apply(MasterDataSeed(stock: [level]), actor: principal.auditActor, owner: principal.writeScope)
    }

    func listMappings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let page = try PageRequest.parse(request)
        let readable = principal.readableShops(shopEnterprises)
        let shop = request.uri.queryParameters.get("shop")
        if let shop { try context.requireRead(enterprise: shopEnterprises[shop]) }
        let mappings = try await inventory.masterData().mappings.values
            .filter { mapping in (shop == nil || mapping.shop == shop) && (readable?.contains(mapping.shop) ?? true) }
            .sorted { ($0.shop, $0.platformSkuId) < ($1.shop, $1.platformSkuId) }
        return APIJSON.response(APIPage(all: mappings.map(SkuMappingResponse.init), page: page))
    }

    func upsertMapping(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await APIJSON.body(SkuMappingResponse.self, request)
        guard !body.platformSkuId.isEmpty, !body.components.isEmpty else {
            throw APIError.body("give platform_sku_id and at least one component {sku_code, quantity}")
        }
        for component in body.components where !(1...1000).contains(component.quantity ?? 1) {
            throw APIError.body("component quantity must be 1 to 1000")
        }
        guard shopEnterprises[body.shop] != nil else { throw APIError(.unprocessableContent, .unknownShop, "unknown shop \"\(body.shop)\"") }
        let principal = try context.requireWrite(enterprise: shopEnterprises[body.shop])
        let data = try await inventory.masterData()
        for component in body.components {
            guard let sku = data.skus[component.skuCode] else {
                throw APIError(.unprocessableContent, .unknownSku, "unknown SKU \"\(component.skuCode)\"")
            }
            // Staff may map their shops only to their own enterprise's SKUs.
            try context.requireWrite(enterprise: sku.enterpriseId)
        }
        let mapping = SkuMapping(
            shop: body.shop,
            platformSkuId: body.platformSkuId,
            platformProductId: body.platformProductId,
            components: body.components.map { SkuComponent(skuCode: $0.skuCode, quantity: $0.quantity ?? 1) }
        )
        return try await apply(MasterDataSeed(masterData: MasterData(mappings: [mapping])), actor: principal.auditActor, owner: principal.writeScope)
    }

    func listExceptions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        let page = try PageRequest.parse(request)
        var query = ExceptionQuery()
        query.shops = principal.readableShops(shopEnterprises)
        switch parameters.get("status") ?? "open" {
        case "all": query.status = nil
        case let name:
            guard let status = ExceptionStatus(rawValue: name) else { throw APIError.parameter("status must be open, resolved or all") }
            query.status = status
        }
        if let name = parameters.get("kind") {
            guard let kind = ExceptionKind(rawValue: name) else {
                throw APIError.parameter("kind must be one of \(ExceptionKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.kind = kind
        }
        if let shop = parameters.get("shop") {
            try context.requireRead(enterprise: shopEnterprises[shop])
            query.shops = [shop]
        }
        query.limit = page.rowsToRead
        let rows = try await inventory.exceptions(query)
        return APIJSON.response(APIPage(all: rows.map(ExceptionResponse.init), page: page))
    }

    func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var note: String
            var dismiss: Bool?
        }
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else { throw APIError.parameter("exception ids are positive numbers, not \"\(text)\"") }
        guard let exception = try await inventory.exception(id: id) else {
            throw APIError(.notFound, .exceptionNotFound, "no exception \(id)")
        }
        let principal = try context.requireWrite(enterprise: shopEnterprises[exception.order.shop])
        let body = try await APIJSON.body(Body.self, request)
        guard !body.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.body("a note is required: say what was done")
        }
        let resolution = try await inventory.resolveException(
            id: id,
            note: body.note,
            dismiss: body.dismiss ?? false,
            actor: principal.auditActor,
            at: clock()
        )
        guard resolution.resolved else {
            throw APIError(.conflict, .exceptionStillOpen, "exception \(id) is still open: \(resolution.reason ?? "its cause is still there")")
        }
        return APIJSON.response(ExceptionResponse(resolution.exception))
    }

    func listLiveEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let page = try PageRequest.parse(request)
        return APIJSON.response(APIPage(all: try await inventory.liveEvents().map(LiveEventResponse.init), page: page))
    }

    func liveEvent(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id")
        let shops = principal.readableShops(shopEnterprises)
        guard var figures = try await inventory.liveEventFigures(id: id, shops: shops) else {
            throw APIError(.notFound, .liveEventNotFound, "no live event \"\(id)\"")
        }
        if principal.role == .staff {
            let data = try await inventory.masterData()
            figures.stockLeft = figures.stockLeft.filter { principal.canRead(enterprise: data.skus[$0.skuCode]?.enterpriseId) }
        }
        return APIJSON.response(LiveEventFiguresResponse(figures))
    }

    func upsertSku(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var code: String
            var enterpriseId: String
            var product: String
            var grade: String?
            var netWeightGrams: Int64
            var title: String?
        }
        let body = try await APIJSON.body(Body.self, request)
        guard !body.code.isEmpty, !body.product.isEmpty else { throw APIError.body("code and product must not be empty") }
        guard (1...1_000_000).contains(body.netWeightGrams) else { throw APIError.body("net_weight_grams must be 1 to 1000000") }
        let principal = try context.requireWrite(enterprise: body.enterpriseId)
        // An existing SKU is changed only by its current enterprise's staff (or an admin): no take-over by code.
        if let existing = try await inventory.masterData().skus[body.code] { try context.requireWrite(enterprise: existing.enterpriseId) }
        let sku = EnterpriseSKU(
            code: body.code,
            enterpriseId: body.enterpriseId,
            product: body.product,
            grade: body.grade ?? "",
            netWeightGrams: body.netWeightGrams,
            title: body.title ?? body.code
        )
        return try await apply(MasterDataSeed(masterData: MasterData(skus: [sku])), actor: principal.auditActor, owner: principal.writeScope)
    }

    func upsertWarehouse(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var id: String
            var enterpriseId: String
            var name: String?
            var regions: [String]
            var priority: Int?
        }
        let body = try await APIJSON.body(Body.self, request)
        guard !body.id.isEmpty else { throw APIError.body("id must not be empty") }
        guard !body.regions.isEmpty else { throw APIError.body("list the provinces served in regions, or [\"*\"]") }
        guard (0...1_000_000).contains(body.priority ?? 100) else { throw APIError.body("priority must be 0 to 1000000") }
        let principal = try context.requireWrite(enterprise: body.enterpriseId)
        // An existing warehouse is changed only by its current enterprise's staff (or an admin): no take-over by id.
        if let existing = try await inventory.masterData().warehouses[body.id] { try context.requireWrite(enterprise: existing.enterpriseId) }
        let warehouse = Warehouse(
            id: body.id,
            enterpriseId: body.enterpriseId,
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

    private func apply(_ change: MasterDataSeed, actor: String, owner: String?) async throws -> Response {
        do {
            // The store re-checks ownership in its write transaction, so a row created meanwhile cannot be taken over.
            let summary = try await inventory.apply(change, actor: actor, at: clock(), ownedBy: owner)
            return APIJSON.response(ChangeSummaryResponse(summary))
        } catch let error as InventoryStoreError {
            throw APIError(.unprocessableContent, .changeRefused, error.description)
        }
    }
}
