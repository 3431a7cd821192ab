import Foundation
import GRDB
import GatewayCore

/// The inbox's statements. ``SQLiteInboxStore`` (the ``GatewayCore/InboxStore``) and its group-commit
/// ``InboxCommitWriter`` call these; neither writes SQL of its own.
extension SQLiteDatabase {
    /// Appends batches of sealed deliveries in **one** transaction (the group commit): a new delivery is stored, a known
    /// one (same platform, shop and delivery id) counts one more receipt and, while still unprocessed and not parked,
    /// becomes due again at once.
    /// - Returns: per batch, one result per delivery, in order.
    func appendToInbox(_ batches: [[InboxDelivery]]) async throws -> [[InboxAppendResult]] {
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.appendToInboxSQL)
            return try batches.map { deliveries in
                try deliveries.map { delivery in
                    let row = try Row.fetchOne(
                        statement,
                        arguments: [
                            delivery.platform.rawValue, delivery.shop, delivery.deliveryId, delivery.kind.rawValue,
                            delivery.receivedAt.millisecondsSince1970, delivery.receivedAt.millisecondsSince1970,
                            Data(delivery.payload),
                        ]
                    )
                    guard let row else { throw DatabaseError(message: "inbox upsert returned no row") }
                    let id: Int64 = row[InboxRecord.Columns.id]
                    let count: Int = row[InboxRecord.Columns.receivedCount]
                    return count > 1 ? .duplicate(id: id) : .stored(id: id)
                }
            }
        }
    }

    /// The group commit's upsert, its columns named by ``InboxRecord/Columns`` (built once; run as a cached statement).
    private static let appendToInboxSQL: String = {
        typealias Columns = InboxRecord.Columns
        let (id, platform, shop, deliveryId) = (Columns.id.name, Columns.platform.name, Columns.shop.name, Columns.deliveryId.name)
        let (receivedCount, lastReceivedAt) = (Columns.receivedCount.name, Columns.lastReceivedAt.name)
        let (nextAttemptAt, processedAt, parkedAt) = (Columns.nextAttemptAt.name, Columns.processedAt.name, Columns.parkedAt.name)
        return """
            INSERT INTO \(InboxRecord.databaseTableName) (\(platform), \(shop), \(deliveryId), \(Columns.kind.name), \(Columns.receivedAt.name),
                                                          \(lastReceivedAt), \(Columns.payload.name))
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (\(platform), \(shop), \(deliveryId)) DO UPDATE SET
                \(receivedCount) = \(receivedCount) + 1,
                \(lastReceivedAt) = excluded.\(lastReceivedAt),
                \(nextAttemptAt) = CASE WHEN \(processedAt) IS NULL AND \(parkedAt) IS NULL THEN 0 ELSE \(nextAttemptAt) END
            RETURNING \(id), \(receivedCount)
            """
    }()

    /// Unprocessed, unparked entries due at `now`, oldest first.
    func pendingInboxEntries(limit: Int, now: Timestamp) async throws -> [InboxEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts, in_flight
                    FROM inbox WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?
                    """,
                arguments: [now.millisecondsSince1970, limit]
            ).compactMap(inboxEntry(from:))
        }
    }

    /// Counts a failed attempt on unprocessed entries and makes them due again at `until`.
    func deferInboxEntries(_ ids: [Int64], until: Timestamp, error: String) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            for id in ids {
                try db.execute(
                    sql: """
                        UPDATE inbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, in_flight = 0
                        WHERE id = ? AND processed_at IS NULL
                        """,
                    arguments: [until.millisecondsSince1970, error, id]
                )
            }
        }
    }

    /// Notes that a processing attempt of unprocessed entries has begun (a crash during it is counted at restart).
    func markInboxInFlight(_ ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            for id in ids {
                try db.executeCached(sql: "UPDATE inbox SET in_flight = in_flight + 1 WHERE id = ? AND processed_at IS NULL", arguments: [id])
            }
        }
    }

    /// Parks deliveries through ``SQLiteLifecycle``: each leaves the pipeline and its `unprocessable` exception opens in
    /// one transaction, as ``GatewayCore/OrderLifecycle/park(_:)`` decides.
    func parkInboxEntries(_ deliveries: [ParkedDelivery], at now: Timestamp) async throws {
        guard !deliveries.isEmpty else { return }
        let sealer = self.sealer
        try await writer.write { db in
            _ = try SQLiteLifecycle.run(db: db, now: now, opening: nil, sealer: sealer) { lifecycle in try lifecycle.park(deliveries) }
        }
    }

    /// The query behind ``inboxCounts()`` (public so that a test can check its plan never scans the inbox).
    public static let inboxCountsQuery = """
        SELECT total, unprocessed, duplicates, parked, awaiting,
               (SELECT min(received_at) FROM inbox WHERE processed_at IS NULL AND parked_at IS NULL) AS oldest
        FROM inbox_counters WHERE id = 1
        """

    /// The inbox's figures from the trigger-kept `inbox_counters` row and the `inbox_waiting_since` index: never a
    /// scan of the inbox, however many deliveries it holds (`SQLiteSchema.registerInboxCounters`).
    func inboxCounts() async throws -> InboxCounts {
        try await writer.read { db in
            let row = try Row.fetchOne(db, sql: Self.inboxCountsQuery)
            return InboxCounts(
                total: row?["total"] ?? 0,
                unprocessed: row?["unprocessed"] ?? 0,
                duplicatesAbsorbed: row?["duplicates"] ?? 0,
                oldestUnprocessedAt: (row?["oldest"] as Int64?).map { Timestamp(millisecondsSince1970: $0) },
                parked: row?["parked"] ?? 0,
                awaitingDetail: row?["awaiting"] ?? 0
            )
        }
    }

    /// Parked entries, oldest first, with their reason and failure times.
    func parkedInboxEntries() async throws -> [ParkedInboxEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts, in_flight,
                           park_reason, last_error, failures, first_failed_at, last_failed_at
                    FROM inbox WHERE parked_at IS NOT NULL AND processed_at IS NULL ORDER BY id
                    """
            ).compactMap { row in
                guard let entry = self.inboxEntry(from: row), let reason = ParkReason(rawValue: row["park_reason"] ?? "") else { return nil }
                return ParkedInboxEntry(
                    entry: entry,
                    reason: reason,
                    message: row["last_error"] ?? "",
                    failures: row["failures"],
                    firstFailedAt: Timestamp(millisecondsSince1970: row["first_failed_at"] ?? 0),
                    lastFailedAt: Timestamp(millisecondsSince1970: row["last_failed_at"] ?? 0)
                )
            }
        }
    }

    /// Every entry, processed or not, oldest first.
    func allInboxEntries() async throws -> [InboxEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts, in_flight
                    FROM inbox ORDER BY id
                    """
            ).compactMap(inboxEntry(from:))
        }
    }

    /// An entry from its row, its payload opened (plaintext stored before encryption is read as it is).
    private func inboxEntry(from row: Row) -> InboxEntry? {
        guard let platform = Platform(rawValue: row["platform"]), let kind = DeliveryKind(rawValue: row["kind"]) else { return nil }
        let stored: Data = row["payload"]
        var payload: [UInt8] = []
        var unreadable: String?
        do {
            payload = try sealer.openBinary(Array(stored), purpose: .inboxPayload)
        } catch {
            unreadable = "the stored payload cannot be opened: \(error)"
        }
        let delivery = InboxDelivery(
            platform: platform,
            shop: row["shop"],
            deliveryId: row["delivery_id"],
            kind: kind,
            receivedAt: Timestamp(millisecondsSince1970: row["received_at"]),
            payload: payload
        )
        return InboxEntry(
            id: row["id"],
            delivery: delivery,
            receivedCount: row["received_count"],
            attempts: row["attempts"],
            inFlight: row["in_flight"] ?? 0,
            unreadable: unreadable
        )
    }
}
