/// The enterprise master data routing needs: enterprises, warehouses, SKUs and per-shop SKU mappings.
public struct MasterData: Sendable, Hashable, Codable {
    /// Enterprises by id.
    public var enterprises: [String: Enterprise]
    /// Warehouses by id.
    public var warehouses: [String: Warehouse]
    /// Enterprise SKUs by code.
    public var skus: [String: EnterpriseSKU]
    /// Mappings by shop and platform SKU id.
    public var mappings: [MappingKey: SkuMapping]

    /// Creates master data from lists (later entries replace earlier ones with the same key).
    public init(enterprises: [Enterprise] = [], warehouses: [Warehouse] = [], skus: [EnterpriseSKU] = [], mappings: [SkuMapping] = []) {
        self.enterprises = Dictionary(enterprises.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.warehouses = Dictionary(warehouses.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.skus = Dictionary(skus.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        self.mappings = Dictionary(
            mappings.map { (MappingKey(shop: $0.shop, platformSkuId: $0.platformSkuId), $0) },
            uniquingKeysWith: { _, last in last }
        )
    }

    /// The mapping of a shop's platform SKU.
    public func mapping(shop: String, platformSkuId: String) -> SkuMapping? {
        mappings[MappingKey(shop: shop, platformSkuId: platformSkuId)]
    }

    /// Warehouses of an enterprise, by id.
    public func warehouses(of enterpriseId: String) -> [Warehouse] {
        warehouses.values.filter { $0.enterpriseId == enterpriseId }.sorted { $0.id < $1.id }
    }

    /// Every mapping that contains a SKU.
    public func mappings(containing skuCode: String) -> [SkuMapping] {
        mappings.values.filter { mapping in mapping.components.contains { $0.skuCode == skuCode } }
            .sorted { ($0.shop, $0.platformSkuId) < ($1.shop, $1.platformSkuId) }
    }

    /// Problems that make the data unusable (a mapping to an unknown SKU, a warehouse of an unknown enterprise, …).
    public func problems() -> [String] {
        var problems: [String] = []
        for warehouse in warehouses.values.sorted(by: { $0.id < $1.id }) where enterprises[warehouse.enterpriseId] == nil {
            problems.append("warehouse \(warehouse.id): unknown enterprise \"\(warehouse.enterpriseId)\"")
        }
        for sku in skus.values.sorted(by: { $0.code < $1.code }) {
            if enterprises[sku.enterpriseId] == nil { problems.append("sku \(sku.code): unknown enterprise \"\(sku.enterpriseId)\"") }
            if sku.netWeightGrams <= 0 { problems.append("sku \(sku.code): net weight must be positive") }
        }
        for mapping in mappings.values.sorted(by: { ($0.shop, $0.platformSkuId) < ($1.shop, $1.platformSkuId) }) {
            if mapping.components.isEmpty { problems.append("mapping \(mapping.shop)/\(mapping.platformSkuId): no components") }
            for component in mapping.components {
                if skus[component.skuCode] == nil {
                    problems.append("mapping \(mapping.shop)/\(mapping.platformSkuId): unknown sku \"\(component.skuCode)\"")
                }
                if component.quantity < 1 { problems.append("mapping \(mapping.shop)/\(mapping.platformSkuId): quantity must be ≥ 1") }
            }
        }
        return problems
    }
}

/// Identifies a ``SkuMapping``.
public struct MappingKey: Sendable, Hashable, Codable {
    /// The shop key.
    public var shop: String
    /// The platform SKU id.
    public var platformSkuId: String

    /// Creates a key.
    public init(shop: String, platformSkuId: String) {
        self.shop = shop
        self.platformSkuId = platformSkuId
    }
}
