public import GatewayCore

/// Reads enterprise SKUs, per-shop SKU mappings and stock levels from CSV (`gateway import skus|stock`).
///
/// Accepted files (the kind is told by the header):
/// - **SKUs**: `sku_code, enterprise, product, grade, net_weight_kg, title`.
/// - **Mappings**: `shop, platform_sku_id, platform_product_id, sku_code, quantity` — several rows with the
///   same shop and platform SKU make a bundle; `quantity` defaults to 1.
/// - **Stock**: `warehouse, sku_code, on_hand, safety` (`safety` defaults to 0).
///
/// Every bad row is reported with its line and column, and nothing is returned when any row is bad.
public enum SkuCatalogImport {
    /// Parses a SKU or mapping file into master data to apply.
    /// - Parameters:
    ///   - document: the CSV.
    ///   - known: the current master data, to check SKU codes and enterprises against.
    ///   - shops: configured shop keys.
    public static func parse(_ document: CSVDocument, known: MasterData, shops: Set<String>) throws(ImportError) -> MasterDataSeed {
        if document.columnIndex("platform_sku_id") != nil {
            return MasterDataSeed(masterData: MasterData(mappings: try mappings(document, known: known, shops: shops)))
        }
        if document.columnIndex("warehouse") != nil {
            return MasterDataSeed(stock: try stock(document, known: known))
        }
        return MasterDataSeed(masterData: MasterData(skus: try skus(document, known: known)))
    }

    static func skus(_ document: CSVDocument, known: MasterData) throws(ImportError) -> [EnterpriseSKU] {
        let columns = try document.requireColumns(["sku_code", "enterprise", "product", "grade", "net_weight_kg", "title"])
        var problems: [ImportProblem] = []
        var seen: [String: Int] = [:]
        var result: [EnterpriseSKU] = []
        for row in document.rows {
            let code = row[columns["sku_code"]!]
            let enterprise = row[columns["enterprise"]!]
            let product = row[columns["product"]!]
            let weightText = row[columns["net_weight_kg"]!]
            if code.isEmpty { problems.append(ImportProblem(line: row.line, column: "sku_code", message: "is empty")) }
            if let first = seen[code], !code.isEmpty {
                problems.append(ImportProblem(line: row.line, column: "sku_code", message: "\(code) repeats line \(first)"))
            }
            seen[code] = seen[code] ?? row.line
            if known.enterprises[enterprise] == nil {
                problems.append(ImportProblem(line: row.line, column: "enterprise", message: "unknown enterprise \"\(enterprise)\""))
            }
            if product.isEmpty { problems.append(ImportProblem(line: row.line, column: "product", message: "is empty")) }
            guard let grams = Weight.grams(fromKilograms: weightText), grams > 0 else {
                problems.append(
                    ImportProblem(line: row.line, column: "net_weight_kg", message: "\"\(weightText)\" is not a weight in kg such as 5 or 0.25")
                )
                continue
            }
            let title = row[columns["title"]!]
            result.append(
                EnterpriseSKU(
                    code: code,
                    enterpriseId: enterprise,
                    product: product,
                    grade: row[columns["grade"]!],
                    netWeightGrams: grams,
                    title: title.isEmpty ? code : title
                )
            )
        }
        guard problems.isEmpty else { throw ImportError(source: document.source, problems: problems) }
        return result
    }

    static func mappings(_ document: CSVDocument, known: MasterData, shops: Set<String>) throws(ImportError) -> [SkuMapping] {
        let columns = try document.requireColumns(["shop", "platform_sku_id", "sku_code"])
        let productColumn = document.columnIndex("platform_product_id")
        let quantityColumn = document.columnIndex("quantity")
        var problems: [ImportProblem] = []
        var byKey: [MappingKey: SkuMapping] = [:]
        var order: [MappingKey] = []
        for row in document.rows {
            let shop = row[columns["shop"]!]
            let platformSku = row[columns["platform_sku_id"]!]
            let code = row[columns["sku_code"]!]
            if !shops.contains(shop) { problems.append(ImportProblem(line: row.line, column: "shop", message: "unknown shop \"\(shop)\"")) }
            if platformSku.isEmpty { problems.append(ImportProblem(line: row.line, column: "platform_sku_id", message: "is empty")) }
            if known.skus[code] == nil {
                problems.append(ImportProblem(line: row.line, column: "sku_code", message: "unknown enterprise SKU \"\(code)\""))
            }
            var quantity = 1
            if let text = row.value(quantityColumn) {
                guard let value = Int(text), value >= 1 else {
                    problems.append(ImportProblem(line: row.line, column: "quantity", message: "\"\(text)\" is not a whole number ≥ 1"))
                    continue
                }
                quantity = value
            }
            let key = MappingKey(shop: shop, platformSkuId: platformSku)
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = SkuMapping(shop: shop, platformSkuId: platformSku, platformProductId: row.value(productColumn), components: [])
            }
            byKey[key]!.components.append(SkuComponent(skuCode: code, quantity: quantity))
        }
        guard problems.isEmpty else { throw ImportError(source: document.source, problems: problems) }
        return order.compactMap { byKey[$0] }
    }

    static func stock(_ document: CSVDocument, known: MasterData) throws(ImportError) -> [StockLevel] {
        let columns = try document.requireColumns(["warehouse", "sku_code", "on_hand"])
        let safetyColumn = document.columnIndex("safety")
        var problems: [ImportProblem] = []
        var result: [StockLevel] = []
        for row in document.rows {
            let warehouse = row[columns["warehouse"]!]
            let code = row[columns["sku_code"]!]
            guard let house = known.warehouses[warehouse] else {
                problems.append(ImportProblem(line: row.line, column: "warehouse", message: "unknown warehouse \"\(warehouse)\""))
                continue
            }
            guard let sku = known.skus[code] else {
                problems.append(ImportProblem(line: row.line, column: "sku_code", message: "unknown enterprise SKU \"\(code)\""))
                continue
            }
            if sku.enterpriseId != house.enterpriseId {
                problems.append(
                    ImportProblem(
                        line: row.line,
                        column: "warehouse",
                        message: "\(warehouse) belongs to \(house.enterpriseId), \(code) to \(sku.enterpriseId)"
                    )
                )
            }
            let onHandText = row[columns["on_hand"]!]
            guard let onHand = Int(onHandText), onHand >= 0 else {
                problems.append(ImportProblem(line: row.line, column: "on_hand", message: "\"\(onHandText)\" is not a whole number ≥ 0"))
                continue
            }
            let safetyText = row.value(safetyColumn) ?? "0"
            guard let safety = Int(safetyText), safety >= 0 else {
                problems.append(ImportProblem(line: row.line, column: "safety", message: "\"\(safetyText)\" is not a whole number ≥ 0"))
                continue
            }
            result.append(StockLevel(warehouseId: warehouse, skuCode: code, onHand: onHand, safety: safety))
        }
        guard problems.isEmpty else { throw ImportError(source: document.source, problems: problems) }
        return result
    }
}
