import Foundation
import GRDB
import GatewayCore
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import Testing

/// The seeded livestream on every platform, with enterprise stock, and the gateway killed with SIGKILL
/// mid-burst twice: the end state equals the mock's truth and the stock invariants hold — 0 lost, 0
/// duplicated, 0 oversold, and for every warehouse × SKU the reserved count equals the sum of the active
/// reservations. `LIVESTREAM_SEED` picks the scenario (CI: the default); `scripts/reliability/livestream-kills.sh`
/// runs ten seeds in a row and RELIABILITY.md records them.
@Suite(.serialized) struct LivestreamInvariantKillTests {
    static var seed: UInt64 { ProcessInfo.processInfo.environment["LIVESTREAM_SEED"].flatMap { UInt64($0) } ?? 21 }

    @Test func livestreamWithKillsKeepsEveryInvariant() async throws {
        let seed = Self.seed
        let yaml = EndToEndHarness.allPlatformsYAML + "\nmaster_data: { file: masterdata.yaml }\nstock_sync: { enabled: false }\n"
        let harness = try await EndToEndHarness.startMock(poll: true, yaml: yaml)
        try StockWriteBackEndToEndTests.masterData.write(toFile: harness.directory + "/masterdata.yaml", atomically: true, encoding: .utf8)
        let options = LivestreamOptions(
            orders: 300,
            ratePerSecond: 60,
            seed: seed,
            duplicateRate: 0.15,
            outOfOrderRate: 0.15,
            dropRate: 0.1,
            lateRate: 0.03,
            errorRate: 0.05,
            slowRate: 0.03,
            cancelRate: 0.15,
            refundRate: 0.05
        )
        let port = try freeLoopbackPort()
        var child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken, port: port)
        let run = Task { try await LivestreamScenario(mock: harness.mock, options: options).run(gatewayBaseURL: "http://127.0.0.1:\(port)") }
        var generator = SeededRandom(seed: seed &+ 1000)
        for _ in 0..<2 {
            try await Task.sleep(for: .milliseconds(Int.random(in: 1000...2500, using: &generator)))
            child.kill9()
            child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken, port: port)
        }
        _ = try await run.value

        let database = try SQLiteDatabase.open(path: harness.databasePath, synchronous: "normal", keys: try EndToEndHarness.dataKeys)
        let store = database
        var comparison = TruthComparison.compare(truth: harness.mock.truth(), orders: [])
        let converged = try await EndToEndHarness.eventually(seconds: 90) {
            comparison = TruthComparison.compare(truth: harness.mock.truth(), orders: try await store.orders(matching: OrderQuery(limit: 100_000)))
            return comparison.allEqual
        }
        let drained = try await EndToEndHarness.eventually(seconds: 30) { try await SQLiteInboxStore(database: database).counts().unprocessed == 0 }
        child.stop()
        let check = try await Self.stockInvariants(database)
        let orders = try await store.orders(matching: OrderQuery(limit: 100_000))
        let duplicated = orders.count - Set(orders.map(\.key)).count
        let lost = comparison.differences.filter { $0.problem.hasPrefix("missing in") }.count
        print(
            "RELIABILITY seed=\(seed) orders=\(comparison.compared) differences=\(comparison.differences.count) lost=\(lost) "
                + "duplicated=\(duplicated) oversold=\(check.oversold) reserved_mismatches=\(check.mismatches) drained=\(drained)"
        )
        #expect(converged, "\(comparison.differences.count) differences, e.g. \(comparison.differences.prefix(8))")
        #expect(comparison.compared == 300)
        #expect(duplicated == 0)
        #expect(drained)
        #expect(check.oversold == 0, "stock levels below zero available: \(check.details)")
        #expect(check.mismatches == 0, "reserved ≠ Σ active reservations: \(check.details)")
        #expect(check.levels > 0)
        await harness.cleanUp()
    }

    /// Oversold levels (available below zero) and levels whose `reserved` differs from the sum of the active
    /// reservations of the line fulfilments.
    static func stockInvariants(_ database: SQLiteDatabase) async throws -> (levels: Int, oversold: Int, mismatches: Int, details: [String]) {
        try await database.reader.read { db in
            var reservedByLevel: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT reservations_json FROM line_fulfilments WHERE state = 'reserved'") {
                let json: String = row["reservations_json"]
                for reservation in try JSONDecoder().decode([StockReservation].self, from: Data(json.utf8)) {
                    reservedByLevel["\(reservation.warehouseId)/\(reservation.skuCode)", default: 0] += reservation.quantity
                }
            }
            var oversold = 0
            var mismatches = 0
            var details: [String] = []
            let levels = try Row.fetchAll(db, sql: "SELECT warehouse_id, sku_code, on_hand, reserved, safety FROM stock_levels")
            for row in levels {
                let key = "\(row["warehouse_id"] as String)/\(row["sku_code"] as String)"
                let onHand: Int = row["on_hand"]
                let reserved: Int = row["reserved"]
                let safety: Int = row["safety"]
                if onHand - reserved - safety < 0 {
                    oversold += 1
                    details.append("\(key): on hand \(onHand), reserved \(reserved), safety \(safety)")
                }
                if reserved != reservedByLevel[key, default: 0] {
                    mismatches += 1
                    details.append("\(key): reserved \(reserved), active reservations \(reservedByLevel[key, default: 0])")
                }
            }
            return (levels.count, oversold, mismatches, details)
        }
    }
}
