import GatewayCore

/// A stock level as the API shows it (`InventoryRow`).
struct InventoryRowResponse: Encodable, Sendable {
    var warehouseId: String
    var warehouseName: String
    var enterpriseId: String
    var skuCode: String
    var title: String
    var onHand: Int
    var reserved: Int
    var safety: Int
    var available: Int

    init(_ row: InventoryRow) {
        warehouseId = row.warehouse.id
        warehouseName = row.warehouse.name
        enterpriseId = row.sku.enterpriseId
        skuCode = row.sku.code
        title = row.sku.title
        onHand = row.level.onHand
        reserved = row.level.reserved
        safety = row.level.safety
        available = row.level.available
    }

    /// The CSV columns of the inventory (the JSON keys).
    static let csvColumns = [
        "warehouse_id", "warehouse_name", "enterprise_id", "sku_code", "title", "on_hand", "reserved", "safety", "available",
    ]
}
