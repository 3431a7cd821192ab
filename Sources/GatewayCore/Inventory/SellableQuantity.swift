/// The quantity of a platform SKU the gateway tells a platform it may still sell.
///
/// For each component, the units available across all of its enterprise's warehouses (available
/// already excludes safety stock, so a SKU at its safety line is 0), divided by the units one
/// platform unit needs; the platform SKU can sell the smallest of those. A component that is blocked
/// (no farmer supply left) makes the whole platform SKU 0.
public enum SellableQuantity {
    /// The sellable quantity of `mapping`.
    public static func of(_ mapping: SkuMapping, masterData: MasterData, stock: StockBook, blockedSkus: Set<String> = []) -> Int {
        var sellable = Int.max
        for component in mapping.components {
            guard let sku = masterData.skus[component.skuCode], !blockedSkus.contains(sku.code), component.quantity > 0 else { return 0 }
            let available = stock.available(skuCode: sku.code, in: masterData.warehouses(of: sku.enterpriseId).map(\.id))
            sellable = min(sellable, available / component.quantity)
        }
        return sellable == Int.max ? 0 : sellable
    }
}
