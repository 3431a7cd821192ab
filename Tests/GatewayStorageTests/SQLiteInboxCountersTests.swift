import Foundation
import GRDB
import GatewayCore
import Testing

@testable import GatewayStorage

/// The inbox figures behind `/readyz` and `/metrics` are kept by triggers (issue #14): after any mix of appends,
/// repeats, processing, deferrals, parking, re-runs and deletions they equal a full recount, and reading them
/// never scans the inbox.
@Suite struct SQLiteInboxCountersTests {
    static func recount(_ database: SQLiteDatabase) async throws -> InboxCounts {
        try await database.reader.read { db in
            let row = try #require(
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) AS total,
                               coalesce(sum(processed_at IS NULL AND parked_at IS NULL), 0) AS unprocessed,
                               coalesce(sum(received_count - 1), 0) AS duplicates,
                               coalesce(sum(parked_at IS NOT NULL AND processed_at IS NULL), 0) AS parked,
                               coalesce(sum(processed_at IS NULL AND parked_at IS NULL AND attempts > 0), 0) AS awaiting,
                               (SELECT min(received_at) FROM inbox WHERE processed_at IS NULL AND parked_at IS NULL) AS oldest
                        FROM inbox
                        """
                )
            )
            return InboxCounts(
                total: row["total"],
                unprocessed: row["unprocessed"],
                duplicatesAbsorbed: row["duplicates"],
                oldestUnprocessedAt: (row["oldest"] as Int64?).map { Timestamp(millisecondsSince1970: $0) },
                parked: row["parked"],
                awaitingDetail: row["awaiting"]
            )
        }
    }

    @Test func countersEqualARecountAfterRandomOperations() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("counters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase.open(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .tests)
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        var random = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 0...UInt64.max, using: &random)
        let initialSeed = seed
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for step in 0..<400 {
            let ids = try await database.reader.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM inbox ORDER BY id") }
            let target = ids.isEmpty ? nil : ids[next(ids.count)]
            switch next(8) {
            case 0, 1, 2:
                let count = 1 + next(4)
                let deliveries = (0..<count).map { _ in
                    InboxDelivery(
                        platform: .douyin,
                        shop: "s\(next(2))",
                        deliveryId: "d\(next(60))",
                        kind: .push,
                        receivedAt: Timestamp(secondsSince1970: Int64(1_800_000_000 + next(1000))),
                        text: "{}"
                    )
                }
                _ = try await inbox.append(deliveries)
            case 3:
                if let target { try await inbox.deferEntries([target], until: Timestamp(secondsSince1970: 1), error: "later") }
            case 4:
                if let target {
                    try await inbox.park([ParkedDelivery(inboxId: target, reason: .failed, message: "boom")], at: Timestamp(secondsSince1970: 5))
                }
            case 5:
                if let target {
                    try await database.writer.write { db in
                        try db.execute(sql: "UPDATE inbox SET processed_at = 7, parked_at = NULL WHERE id = ?", arguments: [target])
                    }
                }
            case 6:
                // A staff re-run of a parked delivery puts it back in the queue.
                if let target {
                    try await database.writer.write { db in
                        try db.execute(sql: "UPDATE inbox SET parked_at = NULL, park_reason = NULL WHERE id = ?", arguments: [target])
                    }
                }
            default:
                if let target { try await database.writer.write { db in try db.execute(sql: "DELETE FROM inbox WHERE id = ?", arguments: [target]) } }
            }
            let kept = try await inbox.counts()
            let recounted = try await Self.recount(database)
            #expect(kept == recounted, "step \(step), seed \(initialSeed)")
            if kept != recounted { return }
        }
        #expect(try await inbox.counts().total > 0)
    }

    /// Reading the figures touches the counters row and the partial index only, never every inbox row.
    @Test func readingTheFiguresDoesNotScanTheInbox() async throws {
        let database = try SQLiteDatabase.inMemory()
        let plan = try await database.reader.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteDatabase.inboxCountsQuery).map { $0["detail"] as String }.joined(separator: " | ")
        }
        #expect(!plan.contains("SCAN inbox"), "\(plan)")
        #expect(plan.contains("inbox_waiting_since"), "\(plan)")
    }
}
