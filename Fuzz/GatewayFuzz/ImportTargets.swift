import Foundation
import GatewayCore
import GatewayImport

/// Staff uploads: every statement format (parsed, then reconciled against gateway orders made from its own
/// ids, so netting and differences run) and the CSV imports of households, the SKU catalogue and supply lots.
/// Inputs are the file's bytes.
enum ImportTargets {
    static let all: [FuzzTarget] =
        StatementFormat.allCases.map { format in
            FuzzTarget(
                name: "statement-\(format.rawValue)",
                summary: "StatementImport.parse(bytes:) as \(format.rawValue) -> ReconciliationMatcher",
                run: { statement($0, format: format) }
            )
        } + [
            FuzzTarget(
                name: "statement-detect",
                summary: "StatementImport.parse(bytes:) with the format detected, for each platform -> ReconciliationMatcher",
                run: detect
            ),
            FuzzTarget(name: "household-import", summary: "CSVDocument -> HouseholdRegistryImport.parse", run: households),
            FuzzTarget(name: "sku-catalog-import", summary: "CSVDocument -> SkuCatalogImport.parse (SKUs, mappings, stock)", run: skuCatalog),
            FuzzTarget(name: "supply-lot-import", summary: "CSVDocument -> SupplyLotImport.parse", run: supplyLots),
            FuzzTarget(
                name: "shipment-import",
                summary: "CSVDocument -> ShipmentImport.parse -> ShipmentPlanner.plan (a courier's export)",
                run: shipments
            ),
        ]

    /// The platform a statement of a format is imported for (the generic format: a platform without its own).
    static func platform(of format: StatementFormat) -> Platform { format.platform ?? .youzan }

    static func statement(_ input: [UInt8], format: StatementFormat) {
        guard let statement = try? StatementImport.parse(bytes: input, platform: platform(of: format), shop: "fuzz-shop", format: format)
        else { return }
        reconcile(statement)
    }

    static func detect(_ input: [UInt8]) {
        for platform in [Platform.douyin, .kuaishou, .pinduoduo, .taobao, .wechatChannels, .youzan] {
            if let statement = try? StatementImport.parse(bytes: input, platform: platform, shop: "fuzz-shop") { reconcile(statement) }
        }
    }

    /// Reconciles a statement against orders made from its first ids, with amounts at the ends of the range the
    /// gateway stores, as the reconciliation service would.
    static func reconcile(_ statement: Statement) {
        for line in statement.lines {
            FuzzCheck.require(ObservationBounds.fen.contains(line.amountFen), "statement line \(line.lineNumber) has \(line.amountFen) fen")
        }
        var orders: [CanonicalOrder] = []
        var seen: Set<String> = []
        for line in statement.lines where !line.platformOrderId.isEmpty && seen.insert(line.platformOrderId).inserted && seen.count <= 4 {
            let amount: Int64 = [line.amountFen, ObservationBounds.fen.upperBound, ObservationBounds.fen.lowerBound, 0][(seen.count - 1) % 4]
            let created = line.orderCreatedAt ?? OrderPipeline.now
            let snapshot = OrderSnapshot(
                status: .paid,
                platformStatus: "fuzz",
                totalFen: amount,
                paidFen: amount,
                createdAt: created,
                lines: [OrderLine(lineId: "1", productId: "p", skuId: "s", title: "t", quantity: 1, paidFen: amount)]
            )
            let observation = OrderObservation(
                key: OrderKey(platform: statement.platform, shop: statement.shop, platformOrderId: line.platformOrderId),
                source: .detail,
                event: "fuzz",
                platformUpdatedAt: created,
                snapshot: snapshot
            )
            if let order = OrderMerger.mergeAll([observation]) { orders.append(order) }
        }
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 1, period: statement.orderCreationRange)
        _ = result.totals
        _ = Statement.fingerprint(platform: statement.platform, format: statement.format, lines: statement.lines)
    }

    static func document(_ input: [UInt8]) -> CSVDocument? {
        try? CSVDocument.parse(String(decoding: input, as: UTF8.self), source: "fuzz.csv")
    }

    static func households(_ input: [UInt8]) {
        guard let document = document(input) else { return }
        _ = try? HouseholdRegistryImport.parse(document)
    }

    static let known = MasterData(
        enterprises: [Enterprise(id: "yunlai", name: "云来")],
        warehouses: [Warehouse(id: "bj", enterpriseId: "yunlai", name: "保靖", regions: ["*"], priority: 1)],
        skus: [EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑")]
    )

    static func skuCatalog(_ input: [UInt8]) {
        guard let document = document(input) else { return }
        _ = try? SkuCatalogImport.parse(document, known: known, shops: ["s1", "yunlai-douyin"])
    }

    static func supplyLots(_ input: [UInt8]) {
        guard let document = document(input) else { return }
        _ = try? SupplyLotImport.parse(document, knownHouseholds: ["H001", "H002"])
    }

    /// A courier's export, then each row planned against a paid two-line order (quantities 3 and 1), as recording would.
    static func shipments(_ input: [UInt8]) {
        guard let document = document(input),
            let rows = try? ShipmentImport.parse(document, shop: "fuzz-shop", knownShops: ["fuzz-shop", "other-shop"])
        else { return }
        let key = OrderKey(platform: .taobao, shop: "fuzz-shop", platformOrderId: "o1")
        let lines = [
            OrderLine(lineId: "l1", productId: "p", skuId: "s1", title: "t", quantity: 3, paidFen: 100),
            OrderLine(lineId: "l2", productId: "p", skuId: "s2", title: "t", quantity: 1, paidFen: 100),
        ]
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "paid",
            totalFen: 200,
            paidFen: 200,
            createdAt: Timestamp(secondsSince1970: 1),
            lines: lines,
            buyer: BuyerInfo()
        )
        let order = CanonicalOrder(key: key, status: .paid, platformUpdatedAt: Timestamp(secondsSince1970: 1), snapshot: snapshot)
        let fulfilments = Dictionary(uniqueKeysWithValues: lines.map { ($0.lineId, LineFulfilment(order: key, lineId: $0.lineId, state: .reserved)) })
        var earlier: [Shipment] = []
        for row in rows {
            let draft = ShipmentDraft(order: key, courier: row.courier, trackingNumber: row.trackingNumber, lines: row.lines)
            guard case .success(let plan) = ShipmentPlanner.plan(draft, order: order, fulfilments: fulfilments, earlier: earlier) else { continue }
            precondition(plan.lines.allSatisfy { $0.quantity >= 1 }, "a planned line ships at least one unit")
            earlier.append(
                Shipment(
                    id: Int64(earlier.count + 1),
                    order: key,
                    courier: row.courier,
                    trackingNumber: row.trackingNumber.value,
                    lines: plan.lines,
                    wholeOrder: plan.wholeOrder,
                    packages: 1,
                    traceCodes: [],
                    recordedBy: "fuzz",
                    recordedAt: Timestamp(secondsSince1970: 2)
                )
            )
            let shipped = Shipment.unitsShipped(by: earlier)
            precondition(lines.allSatisfy { (shipped[$0.lineId] ?? 0) <= $0.quantity }, "never more units shipped than ordered")
        }
    }
}
