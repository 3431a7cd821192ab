import ArgumentParser
import Foundation
import GRDB
import GatewayCore
import GatewayStorage
import GatewayTesting

/// `gateway-bench allocate-stored`: order lines/s through the stored pipeline path — merge, route, reserve
/// stock and allocate farmer supply with trace codes, one SQLite transaction per batch (the path every
/// delivery takes) — as a ratio to a bare SQLite loop inserting the same number of rows in batches of
/// the same size, measured in the same run on the same disk.
struct AllocateStoredBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate-stored",
        abstract: "Stored end-to-end path: lines/s of OrderStore.commit with routing and allocation vs a bare SQLite insert loop."
    )

    @Option(help: "Order lines (one line per order).") var lines = 100_000
    @Option(help: "Households, one supply lot each (about 60% registered poor).") var households = 1435
    @Option(help: "Lines per transaction (the pipeline's batch size).") var batch = 256
    @Option(help: "SQLite synchronous mode: full or normal.") var synchronous = "full"

    func run() async throws {
        let directory = NSTemporaryDirectory() + "gateway-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        print(
            "gateway-bench allocate-stored: \(lines) lines over \(households) households' lots, \(batch) per transaction, synchronous=\(synchronous)"
        )

        let baseline = try baselineRowsPerSecond(path: directory + "/baseline.sqlite")
        print(String(format: "  baseline (bare SQLite insert loop): %.0f rows/s", baseline))

        let database = try SQLiteDatabase.open(path: directory + "/gateway.sqlite", synchronous: synchronous, keys: .random(id: "bench"))
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let orders = database
        try await seed(database)
        var inboxIds: [Int64] = []
        for start in stride(from: 0, to: lines, by: 5000) {
            let chunk = (start..<min(lines, start + 5000)).map {
                InboxDelivery(
                    platform: .douyin,
                    shop: "bench-shop",
                    deliveryId: "d\($0)",
                    kind: .poll,
                    receivedAt: Timestamp(secondsSince1970: 1),
                    text: "{}"
                )
            }
            inboxIds += try await inbox.append(chunk).map(\.id)
        }
        let clock = ContinuousClock()
        let started = clock.now
        var index = 0
        while index < lines {
            let end = min(lines, index + batch)
            let deliveries = (index..<end).map { delivery(number: $0, inboxId: inboxIds[$0]) }
            _ = try await orders.commit(deliveries, at: Timestamp(secondsSince1970: 1_764_400_100))
            index = end
        }
        let seconds = Self.seconds(clock.now - started)
        let stored = Double(lines) / seconds
        let parcels = try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM parcel_allocations") ?? 0 }
        print(String(format: "  stored path: %.0f lines/s (%d parcels allocated with trace codes)", stored, parcels))
        print(String(format: "  ratio stored / baseline: %.3f", stored / baseline))
    }

    private func delivery(number: Int, inboxId: Int64) -> ProcessedDelivery {
        let skus = ["sku-5kg", "sku-10kg"]
        let quantity = 1 + number % 3
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "2",
            totalFen: 3990,
            paidFen: 3990,
            createdAt: Timestamp(secondsSince1970: 1_764_400_000),
            paidAt: Timestamp(secondsSince1970: 1_764_400_010),
            lines: [OrderLine(lineId: "1", productId: "p", skuId: skus[number % 2], title: "椪柑", quantity: quantity, paidFen: 3990)],
            buyer: BuyerInfo(province: number % 3 == 0 ? "湖南省" : "广东省")
        )
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "bench-shop", platformOrderId: String(6_900_000_000_000_000_000 + number)),
            source: .poll,
            event: "paid",
            platformUpdatedAt: Timestamp(secondsSince1970: 1_764_400_010),
            snapshot: snapshot
        )
        return ProcessedDelivery(
            inboxId: inboxId,
            deliveryId: "d\(number)",
            observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
        )
    }

    private func seed(_ database: SQLiteDatabase) async throws {
        let inventory = database
        let supply = database
        let units = lines * 3
        let data = MasterData(
            enterprises: [Enterprise(id: "yunlai", name: "云来", allowSplit: true)],
            warehouses: [
                Warehouse(id: "w1", enterpriseId: "yunlai", name: "长沙", regions: ["湖南"], priority: 1),
                Warehouse(id: "w2", enterpriseId: "yunlai", name: "保靖", regions: ["*"], priority: 2),
            ],
            skus: [
                EnterpriseSKU(code: "PG5", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "5kg"),
                EnterpriseSKU(code: "PG10", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 10000, title: "10kg"),
            ],
            mappings: [
                SkuMapping(shop: "bench-shop", platformSkuId: "sku-5kg", components: [SkuComponent(skuCode: "PG5")]),
                SkuMapping(shop: "bench-shop", platformSkuId: "sku-10kg", components: [SkuComponent(skuCode: "PG10")]),
            ]
        )
        let stock = ["w1", "w2"].flatMap { warehouse in ["PG5", "PG10"].map { StockLevel(warehouseId: warehouse, skuCode: $0, onHand: units) } }
        _ = try await inventory.seed(MasterDataSeed(masterData: data, stock: stock), at: Timestamp(secondsSince1970: 1))
        var generator = SystemRandomNumberGenerator()
        let householdList = (0..<households).map {
            Household(id: "H\($0)", name: "户\($0)", village: "村\($0 % 7)", registeredPoor: $0 % 5 < 3, members: 4)
        }
        // Enough capacity for every parcel: lines × 3 parcels × 10 kg spread over the households, with some spread.
        let perHousehold = Int64(lines * 3 * 10_000 / households + 20_000)
        let lots = householdList.map {
            SupplyLot(
                id: "L-\($0.id)",
                householdId: $0.id,
                enterpriseId: "yunlai",
                product: "ponkan",
                grade: "A",
                capacityGrams: perHousehold + Int64.random(in: 0...perHousehold, using: &generator),
                priceFenPerKg: 400,
                harvestDate: "2026-11-01"
            )
        }
        _ = try await supply.seedSupply(households: householdList, lots: lots, policies: [:], at: Timestamp(secondsSince1970: 1))
    }

    /// Bare GRDB inserts of `lines` rows of similar width in transactions of `batch` rows.
    private func baselineRowsPerSecond(path: String) throws -> Double {
        var configuration = Configuration()
        let mode = synchronous.uppercased()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = \(mode)") }
        let queue = try DatabasePool(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, order_id TEXT NOT NULL UNIQUE, sku TEXT, quantity INTEGER, payload TEXT)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        var index = 0
        while index < lines {
            let end = min(lines, index + batch)
            try queue.write { db in
                for number in index..<end {
                    try db.execute(
                        sql: "INSERT INTO rows (order_id, sku, quantity, payload) VALUES (?, ?, ?, ?)",
                        arguments: [String(6_900_000_000_000_000_000 + number), "sku-5kg", 1 + number % 3, "{\"status\":\"paid\"}"]
                    )
                }
            }
            index = end
        }
        return Double(lines) / Self.seconds(clock.now - started)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
