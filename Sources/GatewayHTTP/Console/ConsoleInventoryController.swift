import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// Stock per warehouse and SKU (库存) with a form per row to set on hand and safety stock. Staff see their enterprise only.
///
/// - `GET /console/inventory?enterprise=`
/// - `GET /console/inventory.csv?enterprise=`
/// - `POST /console/inventory/stock` (`warehouse`, `sku`, `on_hand`, `safety`): re-runs orders held for stock; audited by the store.
struct ConsoleInventoryController: Sendable {
    let inventory: (any InventoryStore)?
    let renderer: ConsoleRenderer
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/inventory") { request, context in try await self.list(request, context: context, notice: nil) }
        group.get("/inventory.csv") { request, context in try await self.export(request, context: context) }
        group.post("/inventory/stock") { request, context in try await self.setStock(request, context: context) }
    }

    /// The rows the caller may see.
    private func rows(_ request: Request, context: AppRequestContext) async throws -> [InventoryRow] {
        let principal = try context.requirePrincipal()
        guard let inventory else { return [] }
        let asked = ConsoleFormat.parameter(request, "enterprise")
        if let asked { try context.requireRead(enterprise: asked) }
        let enterprise = principal.role == .staff ? principal.user.enterpriseId ?? "" : asked
        return try await inventory.inventory(enterpriseId: enterprise)
            .filter { principal.canRead(enterprise: $0.sku.enterpriseId) }
            .sorted { ($0.warehouse.id, $0.sku.code) < ($1.warehouse.id, $1.sku.code) }
    }

    func list(_ request: Request, context: AppRequestContext, notice: (ok: Bool, text: String)?) async throws -> Response {
        let principal = try context.requirePrincipal()
        var data: [String: Any] = ["unavailable": inventory == nil]
        if let notice { data["notice"] = ["ok": notice.ok, "text": notice.text] }
        let found = try await rows(request, context: context)
        data["rows"] = found.map { row -> [String: Any] in
            let level = row.level
            return [
                "warehouse": row.warehouse.id, "warehouseName": row.warehouse.name, "enterprise": row.sku.enterpriseId, "sku": row.sku.code,
                "title": row.sku.title, "onHand": level.onHand, "reserved": level.reserved, "safety": level.safety, "available": level.available,
                "low": level.available == 0, "writable": principal.canWrite(enterprise: row.sku.enterpriseId),
            ]
        }
        data["empty"] = found.isEmpty
        data["csvHref"] = "/console/inventory.csv?" + ConsoleFormat.query([("enterprise", ConsoleFormat.parameter(request, "enterprise"))])
        return renderer.page("inventory", titleKey: "inventory.title", active: "inventory", data: data, request: request, context: context)
    }

    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let found = try await rows(request, context: context)
        // The columns are the staff API's JSON keys (`GET /api/v1/inventory`).
        let text = APICSV.text(items: found.map(InventoryRowResponse.init), columns: InventoryRowResponse.csvColumns)
        return ConsoleInventoryController.csv(text, fileName: "inventory.csv")
    }

    func setStock(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let language = context.language
        guard let inventory else { throw HTTPError(.notFound, message: "inventory is not configured") }
        guard let warehouse = fields["warehouse"], let skuCode = fields["sku"], let onHand = Int(fields["on_hand"] ?? ""), onHand >= 0,
            let safety = Int(fields["safety"] ?? "0"), safety >= 0
        else {
            return try await list(request, context: context, notice: (false, ConsoleStrings.text("inventory.badNumbers", language)))
        }
        let master = try await inventory.masterData()
        guard let sku = master.skus[skuCode] else { throw HTTPError(.notFound, message: "unknown SKU \(skuCode)") }
        let principal = try context.requireWrite(enterprise: sku.enterpriseId)
        let level = StockLevel(warehouseId: warehouse, skuCode: skuCode, onHand: onHand, safety: safety)
        do {
            let summary = try await inventory.apply(
                MasterDataSeed(stock: [level]),
                actor: principal.auditActor,
                at: clock(),
                ownedBy: principal.writeScope
            )
            let text = ConsoleFormat.fill(
                ConsoleStrings.text("inventory.saved", language),
                "\(warehouse)/\(skuCode)",
                String(onHand),
                String(safety),
                String(summary.ordersRerun)
            )
            return try await list(request, context: context, notice: (true, text))
        } catch let error as InventoryStoreError {
            return try await list(request, context: context, notice: (false, error.description))
        }
    }

    /// A CSV download (UTF-8 with BOM, as ``CSVExport`` writes it).
    static func csv(_ text: String, fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(fileName)\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
