/// Chooses the warehouses that supply an enterprise SKU for one buyer.
///
/// Rules, in order (README "Routing rules"):
/// 1. Only the SKU's enterprise's warehouses that stock the SKU are candidates.
/// 2. Warehouses that **serve the buyer's region** come before those that do not (the others are a
///    fallback, so stock elsewhere is used rather than refusing a paid order).
/// 3. Then lower **priority** number first.
/// 4. Then **most available** first; then warehouse id, so the choice is deterministic.
/// 5. The first candidate that can supply the whole quantity wins. If none can and the enterprise
///    allows splitting, the quantity is taken greedily in the same order; otherwise the line is oversold.
public enum WarehouseRouter {
    /// The reservations for `quantity` units of `sku`, or `nil` when stock does not allow it.
    public static func route(
        sku: EnterpriseSKU,
        quantity: Int,
        province: String?,
        masterData: MasterData,
        stock: StockBook
    ) -> [StockReservation]? {
        let candidates = rankedWarehouses(sku: sku, province: province, masterData: masterData, stock: stock)
        for warehouse in candidates where stock.available(StockKey(warehouseId: warehouse.id, skuCode: sku.code)) >= quantity {
            return [StockReservation(warehouseId: warehouse.id, skuCode: sku.code, quantity: quantity)]
        }
        guard masterData.enterprises[sku.enterpriseId]?.allowSplit == true else { return nil }
        var remaining = quantity
        var parts: [StockReservation] = []
        for warehouse in candidates where remaining > 0 {
            let take = min(remaining, stock.available(StockKey(warehouseId: warehouse.id, skuCode: sku.code)))
            guard take > 0 else { continue }
            parts.append(StockReservation(warehouseId: warehouse.id, skuCode: sku.code, quantity: take))
            remaining -= take
        }
        return remaining == 0 ? parts : nil
    }

    /// Candidate warehouses in the order the rules try them.
    public static func rankedWarehouses(sku: EnterpriseSKU, province: String?, masterData: MasterData, stock: StockBook) -> [Warehouse] {
        masterData.warehouses(of: sku.enterpriseId)
            .filter { stock.level(StockKey(warehouseId: $0.id, skuCode: sku.code)) != nil }
            .map { warehouse in
                (
                    warehouse: warehouse, serves: warehouse.serves(province: province),
                    available: stock.available(StockKey(warehouseId: warehouse.id, skuCode: sku.code))
                )
            }
            .sorted { lhs, rhs in
                if lhs.serves != rhs.serves { return lhs.serves }
                if lhs.warehouse.priority != rhs.warehouse.priority { return lhs.warehouse.priority < rhs.warehouse.priority }
                if lhs.available != rhs.available { return lhs.available > rhs.available }
                return lhs.warehouse.id < rhs.warehouse.id
            }
            .map(\.warehouse)
    }
}
