import Foundation
public import GatewayCore
import Yams

/// Reads the master data YAML file (`master_data.file`): enterprises, warehouses, SKUs, per-shop SKU
/// mappings (bundles included), stock levels and live events. Every problem is reported at once.
///
/// ## Configuration keys
/// - `enterprises[]`: `id`, `name`, `allow_split` (default `false`) — may a line be split over warehouses.
/// - `warehouses[]`: `id`, `enterprise`, `name`, `regions` (provinces, `"*"` for everywhere), `priority` (lower first).
/// - `skus[]`: `code`, `enterprise`, `product`, `grade`, `net_weight_kg` (exact decimal) or `net_weight_grams`, `title`.
/// - `mappings[]`: `shops` (`"*"` or a list of shop keys), `except` (shop keys left out), `platform_sku`,
///   `platform_product`, `components` (`[{sku: CODE, quantity: N}]`; `sku: CODE` alone for one unit).
/// - `stock[]`: `warehouse`, `sku`, `on_hand`, `safety` (default `0`).
/// - `live_events[]`: `id`, `title`, `shops` (default all), `room_ids`, `author_ids`, `starts_at`, `ends_at` (ISO 8601).
/// - `allocation[]`: per enterprise farmer allocation policy: `enterprise`, `unit_kg` (omit: one parcel is one unit),
///   `tiers` (`[{name, registered_poor: true|false|omitted for everyone left, max_share: percent}]`; default: registered poor first).
public struct MasterDataLoader: Sendable {
    /// Shop keys that `shops: "*"` expands to.
    public var shopKeys: [String]

    /// Creates a loader.
    public init(shopKeys: [String]) { self.shopKeys = shopKeys }

    /// Loads a file. - Throws: ``ConfigurationError`` with every problem.
    public func load(path: String) throws -> MasterDataSeed {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(problems: [ConfigurationProblem(file: path, key: "(file)", message: "cannot read the master data file")])
        }
        return try parse(yaml: String(decoding: data, as: UTF8.self), sourcePath: path)
    }

    /// Parses master data text. - Throws: ``ConfigurationError`` with every problem.
    public func parse(yaml: String, sourcePath: String = "<memory>") throws -> MasterDataSeed {
        var problems: [ConfigurationProblem] = []
        func problem(_ key: String, _ message: String) { problems.append(ConfigurationProblem(file: sourcePath, key: key, message: message)) }
        let root: [String: Any]
        do {
            root = (try YAMLDocument.load(yaml) as? [String: Any]) ?? [:]
        } catch {
            throw ConfigurationError(problems: [ConfigurationProblem(file: sourcePath, key: "(file)", message: "not valid YAML: \(error)")])
        }
        func list(_ key: String) -> [(String, [String: Any])] {
            guard let value = root[key] else { return [] }
            guard let items = value as? [Any] else {
                problem(key, "expected a list")
                return []
            }
            return items.enumerated().compactMap { index, item in
                guard let map = item as? [String: Any] else {
                    problem("\(key)[\(index)]", "expected a mapping")
                    return nil
                }
                return ("\(key)[\(index)]", map)
            }
        }
        func text(_ map: [String: Any], _ key: String, at path: String, required: Bool = true) -> String? {
            switch map[key] {
            case let value as String where !value.isEmpty: return value
            case let value as Int: return String(value)
            case let value as Double: return String(value)
            default:
                if required { problem("\(path).\(key)", "is missing") }
                return nil
            }
        }
        func integer(_ map: [String: Any], _ key: String, at path: String, default fallback: Int? = nil) -> Int? {
            if map[key] == nil, let fallback { return fallback }
            guard let value = map[key] as? Int, value >= 0 else {
                problem("\(path).\(key)", map[key] == nil ? "is missing" : "expected a whole number ≥ 0")
                return nil
            }
            return value
        }
        func strings(_ map: [String: Any], _ key: String) -> [String] {
            if let single = map[key] as? String { return [single] }
            return (map[key] as? [Any])?.compactMap { $0 as? String ?? ($0 as? Int).map(String.init) } ?? []
        }
        func time(_ map: [String: Any], _ key: String, at path: String) -> Timestamp? {
            let date: Date?
            switch map[key] {
            case let value as Date: date = value
            case let value as String: date = ISO8601DateFormatter().date(from: value)
            default: date = nil
            }
            guard let date else {
                problem("\(path).\(key)", "expected an ISO 8601 time such as 2026-11-29T12:00:00+08:00")
                return nil
            }
            return Timestamp(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }

        let known = Set(root.keys)
        for key in known.subtracting(["enterprises", "warehouses", "skus", "mappings", "stock", "live_events", "allocation"]).sorted() {
            problem(key, "unknown key (expected enterprises, warehouses, skus, mappings, stock, live_events, allocation)")
        }
        var enterprises: [Enterprise] = []
        for (path, map) in list("enterprises") {
            guard let id = text(map, "id", at: path), let name = text(map, "name", at: path) else { continue }
            enterprises.append(Enterprise(id: id, name: name, allowSplit: map["allow_split"] as? Bool ?? false))
        }
        var warehouses: [Warehouse] = []
        for (path, map) in list("warehouses") {
            guard let id = text(map, "id", at: path), let enterprise = text(map, "enterprise", at: path),
                let priority = integer(map, "priority", at: path, default: 100)
            else { continue }
            let regions = strings(map, "regions")
            if regions.isEmpty { problem("\(path).regions", "list the provinces served, or \"*\"") }
            warehouses.append(
                Warehouse(
                    id: id,
                    enterpriseId: enterprise,
                    name: text(map, "name", at: path, required: false) ?? id,
                    regions: regions,
                    priority: priority
                )
            )
        }
        var skus: [EnterpriseSKU] = []
        for (path, map) in list("skus") {
            guard let code = text(map, "code", at: path), let enterprise = text(map, "enterprise", at: path),
                let product = text(map, "product", at: path)
            else { continue }
            var grams: Int64?
            if let value = map["net_weight_grams"] as? Int {
                grams = Int64(value)
            } else if let value = text(map, "net_weight_kg", at: path, required: false) {
                grams = Weight.grams(fromKilograms: value)
            }
            guard let grams, grams > 0 else {
                problem("\(path).net_weight_kg", "give the net weight as net_weight_kg (e.g. 5 or 0.25) or net_weight_grams")
                continue
            }
            skus.append(
                EnterpriseSKU(
                    code: code,
                    enterpriseId: enterprise,
                    product: product,
                    grade: text(map, "grade", at: path, required: false) ?? "",
                    netWeightGrams: grams,
                    title: text(map, "title", at: path, required: false) ?? code
                )
            )
        }
        var mappings: [SkuMapping] = []
        for (path, map) in list("mappings") {
            guard let platformSku = text(map, "platform_sku", at: path) else { continue }
            let named = strings(map, "shops")
            let except = Set(strings(map, "except"))
            let shops = (named.contains("*") ? shopKeys : named).filter { !except.contains($0) }
            if named.isEmpty { problem("\(path).shops", "name the shops (or \"*\" for every configured shop)") }
            for shop in named where shop != "*" && !shopKeys.contains(shop) { problem("\(path).shops", "unknown shop \"\(shop)\"") }
            var components: [SkuComponent] = []
            if let sku = map["sku"] as? String { components.append(SkuComponent(skuCode: sku)) }
            for (index, item) in ((map["components"] as? [Any]) ?? []).enumerated() {
                guard let item = item as? [String: Any], let sku = item["sku"] as? String else {
                    problem("\(path).components[\(index)]", "expected {sku: CODE, quantity: N}")
                    continue
                }
                let quantity = item["quantity"] as? Int ?? 1
                if quantity < 1 { problem("\(path).components[\(index)].quantity", "must be ≥ 1") }
                components.append(SkuComponent(skuCode: sku, quantity: quantity))
            }
            if components.isEmpty { problem("\(path)", "give `sku: CODE` or `components: [{sku: CODE, quantity: N}]`") }
            let product = text(map, "platform_product", at: path, required: false)
            for shop in shops {
                mappings.append(SkuMapping(shop: shop, platformSkuId: platformSku, platformProductId: product, components: components))
            }
        }
        var stock: [StockLevel] = []
        for (path, map) in list("stock") {
            guard let warehouse = text(map, "warehouse", at: path), let sku = text(map, "sku", at: path),
                let onHand = integer(map, "on_hand", at: path), let safety = integer(map, "safety", at: path, default: 0)
            else { continue }
            stock.append(StockLevel(warehouseId: warehouse, skuCode: sku, onHand: onHand, safety: safety))
        }
        var events: [LiveEvent] = []
        for (path, map) in list("live_events") {
            guard let id = text(map, "id", at: path), let starts = time(map, "starts_at", at: path), let ends = time(map, "ends_at", at: path)
            else { continue }
            events.append(
                LiveEvent(
                    id: id,
                    title: text(map, "title", at: path, required: false) ?? id,
                    shops: strings(map, "shops"),
                    roomIds: strings(map, "room_ids"),
                    authorIds: strings(map, "author_ids"),
                    startsAt: starts,
                    endsAt: ends
                )
            )
        }
        var policies: [String: AllocationPolicy] = [:]
        for (path, map) in list("allocation") {
            guard let enterprise = text(map, "enterprise", at: path) else { continue }
            var tiers: [AllocationTier] = []
            for (index, item) in ((map["tiers"] as? [Any]) ?? []).enumerated() {
                guard let item = item as? [String: Any], let name = item["name"] as? String else {
                    problem("\(path).tiers[\(index)]", "expected {name: …, registered_poor: true|false, max_share: percent}")
                    continue
                }
                let share = item["max_share"] as? Int
                if let share, !(1...100).contains(share) { problem("\(path).tiers[\(index)].max_share", "must be 1…100 (percent)") }
                tiers.append(AllocationTier(name: name, registeredPoor: item["registered_poor"] as? Bool, maxShare: share))
            }
            var unit: Int64?
            if let text = text(map, "unit_kg", at: path, required: false) {
                unit = Weight.grams(fromKilograms: text)
                if unit == nil || unit == 0 { problem("\(path).unit_kg", "expected a weight in kg such as 0.5") }
            }
            policies[enterprise] = AllocationPolicy(tiers: tiers.isEmpty ? AllocationPolicy.registeredPoorFirst.tiers : tiers, unitGrams: unit)
        }
        let masterData = MasterData(enterprises: enterprises, warehouses: warehouses, skus: skus, mappings: mappings)
        for message in masterData.problems() { problem("(master data)", message) }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return MasterDataSeed(masterData: masterData, stock: stock, liveEvents: events, allocationPolicies: policies)
    }
}
