import ArgumentParser
import Foundation
import GRDB
import GatewayCore
import GatewayStorage

/// `gateway-bench seed-orders`: fills a gateway SQLite database with a season of orders (``SeasonGenerator``) for the search
/// benchmark, through the real schema and migrations and ``SQLiteBulkOrderWriter`` (the store's own row code), thousands of
/// orders per transaction.
struct SeedOrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-orders",
        abstract: "Write a season of generated orders (six platforms, 13 shops, 90 days, livestreams) into an empty gateway SQLite database."
    )

    @Option(help: "The database file (created and migrated if missing; it must not hold orders yet).") var database: String
    @Option(help: "Orders to write.") var orders = 1_000_000
    @Option(help: "Seed of the season (the same seed gives the same orders).") var seed: UInt64 = 14
    @Option(help: "Orders per transaction.") var batch = 5000
    @Option(help: "Data keys (KEY_ID:BASE64) sealing receivers and payloads; the search benchmark must open the file with the same.")
    var dataKey = SeedOrdersCommand.benchDataKeys

    /// The bench's fixed data key, so that a seeded file can be reopened by a later run.
    static let benchDataKeys = "bench:" + IngestBenchmark.benchDataKey

    func run() async throws {
        let keys = try DataKeyRing(parsing: dataKey)
        let opened = try SQLiteDatabase.open(path: database, synchronous: "normal", keys: keys)
        let existing = try await opened.orderCount()
        guard existing == 0 else { throw ValidationError("\(database) already holds \(existing) orders; seed an empty database") }
        print("gateway-bench seed-orders: \(orders) orders into \(database), seed \(seed), \(batch) per transaction")
        let seconds = try await Self.seed(opened, orders: orders, seed: seed, batch: batch)
        print(String(format: "  wrote %d orders in %.1f s (%.0f orders/s)", orders, seconds, Double(orders) / seconds))
    }

    /// Writes `orders` orders of the season `seed` and its master data, printing progress; returns the seconds it took.
    static func seed(_ database: SQLiteDatabase, orders: Int, seed: UInt64, batch: Int) async throws -> Double {
        let generator = SeasonGenerator(count: orders, seed: seed)
        let clock = ContinuousClock()
        let started = clock.now
        let writer = SQLiteBulkOrderWriter(database: database)
        try await writer.beginBulkLoad()
        _ = try await database.seed(generator.masterData(), at: SeasonGenerator.seasonEnd)
        let size = max(batch, 1)
        func entries(from start: Int) -> Task<[SQLiteBulkOrderWriter.Entry], Never> {
            Task { (start..<min(orders, start + size)).map(generator.entry) }
        }
        var next = entries(from: 0)
        var start = 0
        var reported = 0
        while start < orders {
            let current = await next.value
            if start + size < orders { next = entries(from: start + size) }
            try await writer.write(current)
            start += size
            if min(start, orders) - reported >= 100_000 || start >= orders {
                reported = min(start, orders)
                let elapsed = AllocateStoredBenchmark.seconds(clock.now - started)
                print(String(format: "  %d orders, %.0f s", reported, elapsed))
            }
        }
        try await writer.finishBulkLoad()
        return AllocateStoredBenchmark.seconds(clock.now - started)
    }
}
