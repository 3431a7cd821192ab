import ArgumentParser
import Foundation
import GRDB
import GatewayCore
import GatewayStorage
import GatewayTesting

/// `gateway-bench search`: the console's and the API's order searches and the order page on a season of orders (issue #14,
/// target 6), each timed through the store calls the HTTP layer makes, as p50 / p99 / max against a primary-key lookup of
/// one order measured in the same run; and each search's `EXPLAIN QUERY PLAN`, failing (exit code 1) when one scans a table.
///
/// Every kind runs `repeats` times with arguments drawn from random stored orders, interleaved round by round so that the
/// machine's load falls on every kind alike:
/// - **order id prefix**: the first 8 characters up to the whole id of an order;
/// - **phone tail**: an order's four digits;
/// - **status + dates**: an order's status and the Beijing day, or week, it was created in;
/// - **status**: an order's status alone (the API's `status` filter);
/// - **live event**: each livestream in turn;
/// - **SKU**: a line's platform SKU id or merchant SKU code, alternately;
/// - **order page**: the order, its timeline with raw payloads (as an admin sees it), its line fulfilments and parcels;
/// - each search again as **staff** of one enterprise (the `shop IN (…)` restriction: yunlai's six shops).
///
/// Searches ask for 101 rows (the API's default page and one more; the console asks for 51).
struct SearchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Order searches and the order page on a season of orders: p50/p99/max per kind vs a primary-key lookup; fails when a plan scans."
    )

    @Option(help: "The database file; seeded with --orders orders first when it holds none.") var database: String
    @Option(help: "Orders to seed when the database holds none.") var orders = 1_000_000
    @Option(help: "Runs per kind.") var repeats = 200
    @Option(help: "Seed of the season and of the drawn arguments.") var seed: UInt64 = 14
    @Option(help: "Rows asked per search.") var limit = 101
    @Option(help: "The p99 target per kind, in milliseconds (reported, not enforced: timings depend on the machine).") var targetMs = 50.0
    @Option(help: "Data keys the database was seeded with.") var dataKey = SeedOrdersCommand.benchDataKeys

    /// One kind of request and the calls of each run.
    struct Kind {
        let name: String
        let query: [OrderQuery]
        let run: @Sendable (Int) async throws -> Int
    }

    func run() async throws {
        let keys = try DataKeyRing(parsing: dataKey)
        let opened = try SQLiteDatabase.open(path: database, synchronous: "normal", keys: keys)
        let store = opened
        let inventory = opened
        let supply = opened
        var count = try await store.orderCount()
        if count == 0 {
            print("gateway-bench search: seeding \(orders) orders into \(database) first")
            _ = try await SeedOrdersCommand.seed(opened, orders: orders, seed: seed, batch: 5000)
            count = try await store.orderCount()
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
        print(
            "gateway-bench search: \(count) orders in \(database) (\(bytes / 1_048_576) MB), \(repeats) runs per kind, \(limit) rows per search"
        )
        print("  started \(ISO8601DateFormatter().string(from: Date())), load average \(Self.loadAverage())")

        let samples = try await Self.samples(opened, count: repeats, seed: seed)
        guard !samples.isEmpty else { throw ValidationError("no orders to draw arguments from") }
        let events = try await inventory.liveEvents().map(\.id)
        let staffShops = Set(SeasonGenerator.shops.filter { $0.enterprise == "yunlai" }.map(\.key))
        let kinds = makeKinds(samples: samples, events: events, staffShops: staffShops, store: store, inventory: inventory, supply: supply)

        // Warm-up: one round of every kind (SQLite's and the system's caches), not measured.
        for kind in kinds { _ = try await kind.run(0) }
        var timings = [[Double]](repeating: [], count: kinds.count)
        var rows = [Int](repeating: 0, count: kinds.count)
        let clock = ContinuousClock()
        for round in 0..<repeats {
            for (index, kind) in kinds.enumerated() {
                let started = clock.now
                rows[index] += try await kind.run(round)
                timings[index].append(AllocateStoredBenchmark.seconds(clock.now - started) * 1000)
            }
        }

        let baseline = Self.percentile(timings[0], 0.99)
        print("")
        print("  kind                          rows/run    p50 ms    p99 ms    max ms   p99 ÷ baseline p99")
        for (index, kind) in kinds.enumerated() {
            let sorted = timings[index].sorted()
            let p99 = Self.percentile(sorted, 0.99)
            let verdict = index == 0 ? "" : (p99 <= targetMs ? "" : "  over \(Int(targetMs)) ms")
            print(
                "  " + kind.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.1f  %8.2f  %8.2f  %8.2f  %10.1f",
                        Double(rows[index]) / Double(repeats),
                        Self.percentile(sorted, 0.5),
                        p99,
                        sorted.last ?? 0,
                        p99 / max(baseline, 0.001)
                    ) + verdict
            )
        }
        print("  finished \(ISO8601DateFormatter().string(from: Date())), load average \(Self.loadAverage())")

        print("")
        print(
            "  EXPLAIN QUERY PLAN (first arguments of each search, with the index questions asked before it; the order page reads by primary keys):"
        )
        var scans: [String] = []
        for kind in kinds {
            guard let query = kind.query.first else { continue }
            let plan = try await store.searchPlan(for: query)
            print("  \(kind.name):")
            for line in plan { print("      " + line) }
            if let scan = plan.first(where: Self.isScan) { scans.append("\(kind.name): \(scan.trimmingCharacters(in: .whitespaces))") }
        }
        if !scans.isEmpty {
            print("")
            print("  FAILED: a search scans a table instead of searching an index:")
            for scan in scans { print("    " + scan) }
            throw ExitCode(1)
        }
        print("  every search is answered by an index (no SCAN of orders or order_lines)")
    }

    /// A plan step that reads a whole table or index (`SCAN orders`, `SCAN order_lines`, with or without an index): its
    /// cost grows with the table, not with the answer. Scans of a subquery's result or a list are not table scans.
    static func isScan(_ step: String) -> Bool {
        var text = step.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("probe:") { text = text.dropFirst("probe:".count).trimmingCharacters(in: .whitespaces) }
        return text == "SCAN orders" || text.hasPrefix("SCAN orders ") || text == "SCAN order_lines" || text.hasPrefix("SCAN order_lines ")
    }

    private func makeKinds(
        samples: [Sample],
        events: [String],
        staffShops: Set<String>,
        store: SQLiteDatabase,
        inventory: SQLiteDatabase,
        supply: SQLiteDatabase
    ) -> [Kind] {
        let limit = self.limit
        var random = SplitMix64(seed: seed ^ 0x5EA5_0F0D_E75E_A7C4)
        func query(_ configure: (inout OrderQuery) -> Void) -> OrderQuery {
            var query = OrderQuery(limit: limit)
            configure(&query)
            return query
        }
        let prefixes = samples.map { sample in
            let id = sample.key.platformOrderId
            let length = min(id.count, 8 + random.below(max(id.count - 7, 1)))
            return query { $0.platformOrderIdPrefix = String(id.prefix(length)) }
        }
        let phones = samples.map { sample in query { $0.phoneTail = sample.phoneTail ?? "0000" } }
        let statuses = samples.enumerated().map { index, sample in
            let day = Self.beijingDayStart(sample.createdAt)
            return query {
                $0.status = sample.status
                $0.createdFrom = day
                $0.createdBefore = day.adding(seconds: index % 2 == 0 ? 86_400 : 7 * 86_400)
            }
        }
        let statusOnly = samples.map { sample in query { $0.status = sample.status } }
        let liveEvents = samples.indices.map { index in query { $0.liveEventId = events.isEmpty ? "none" : events[index % events.count] } }
        let skus = samples.enumerated().map { index, sample in query { $0.sku = index % 2 == 0 ? sample.skuId : sample.outSkuId } }
        let keys = samples.map(\.key)
        func search(_ name: String, _ queries: [OrderQuery]) -> Kind {
            Kind(name: name, query: queries) { round in try await store.orders(matching: queries[round % queries.count]).count }
        }
        func staff(_ queries: [OrderQuery]) -> [OrderQuery] {
            queries.map { query in
                var restricted = query
                restricted.shops = staffShops
                return restricted
            }
        }
        return [
            Kind(name: "baseline: one order by key", query: []) { round in try await store.order(keys[round % keys.count]) == nil ? 0 : 1 },
            search("order id prefix", prefixes),
            search("phone tail", phones),
            search("status + dates", statuses),
            search("status", statusOnly),
            search("live event", liveEvents),
            search("SKU", skus),
            Kind(name: "order page", query: []) { round in
                let key = keys[round % keys.count]
                guard try await store.order(key) != nil else { return 0 }
                let timeline = try await store.timeline(key, payloads: true)
                _ = try await inventory.fulfilments(of: key)
                _ = try await supply.allocations(of: key)
                return timeline.count
            },
            search("staff: order id prefix", staff(prefixes)),
            search("staff: phone tail", staff(phones)),
            search("staff: status + dates", staff(statuses)),
            search("staff: status", staff(statusOnly)),
            search("staff: live event", staff(liveEvents)),
            search("staff: SKU", staff(skus)),
        ]
    }

    /// What a run's arguments are drawn from: one stored order and one of its lines.
    struct Sample: Sendable {
        let key: OrderKey
        let status: OrderStatus
        let createdAt: Timestamp
        let phoneTail: String?
        let skuId: String
        let outSkuId: String
    }

    /// `count` random orders with a line and a creation time.
    static func samples(_ database: SQLiteDatabase, count: Int, seed: UInt64) async throws -> [Sample] {
        try await database.reader.read { db in
            let highest = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM orders") ?? 0
            guard highest > 0 else { return [] }
            var random = SplitMix64(seed: seed ^ 0x0DDB_A11C_0FFE_E000)
            var samples: [Sample] = []
            var attempts = 0
            while samples.count < count && attempts < count * 20 {
                attempts += 1
                let rowid = 1 + Int64(random.below(Int(highest)))
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT o.platform, o.shop, o.platform_order_id, o.status, o.created_at, o.phone_reversed, l.sku_id, l.out_sku_id
                            FROM orders o JOIN order_lines l USING (platform, shop, platform_order_id) WHERE o.rowid = ? LIMIT 1
                            """,
                        arguments: [rowid]
                    ),
                    let platform = Platform(rawValue: row["platform"]), let status = OrderStatus(rawValue: row["status"]),
                    let created = row["created_at"] as Int64?
                else { continue }
                let reversedPhone: String? = row["phone_reversed"]
                samples.append(
                    Sample(
                        key: OrderKey(platform: platform, shop: row["shop"], platformOrderId: row["platform_order_id"]),
                        status: status,
                        createdAt: Timestamp(millisecondsSince1970: created),
                        phoneTail: reversedPhone.map { String(String($0.prefix(4)).reversed()) },
                        skuId: row["sku_id"],
                        outSkuId: (row["out_sku_id"] as String?) ?? row["sku_id"]
                    )
                )
            }
            return samples
        }
    }

    /// The start of the Beijing day of an instant.
    static func beijingDayStart(_ time: Timestamp) -> Timestamp {
        let offset: Int64 = 8 * 3600
        let local = time.secondsSince1970 + offset
        return Timestamp(secondsSince1970: local - ((local % 86_400) + 86_400) % 86_400 - offset)
    }

    /// The value at quantile `p` of a sample (sorted here).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// The first three fields of `/proc/loadavg` (what else ran on the machine), or `?`.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
