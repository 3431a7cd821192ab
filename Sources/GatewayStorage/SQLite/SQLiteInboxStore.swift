import Foundation
import GRDB
public import GatewayCore

/// The durable inbox on SQLite, written with **group commit** by its ``InboxCommitWriter``.
///
/// Every caller of ``append(_:)`` joins the writer's queue; the writer commits everything waiting in one transaction
/// (one fsync with `synchronous=FULL`), then answers every caller. A caller therefore returns only after its deliveries
/// are on disk, and a burst of N concurrent deliveries costs a handful of fsyncs instead of N.
///
/// The writer is a `Service`: the composition root opens the store with `startingWriter: false`
/// (``GatewayStores/open(url:synchronous:maxQueuedDeliveries:maxQueuedBytes:keys:startingInboxWriter:)``) and runs
/// ``commitWriter`` in its service group, before the HTTP server, so that it stops after it (and commits everything
/// accepted before it stops). Tests, tools and benchmarks that have no service group keep the default
/// `startingWriter: true`, which runs the writer in a task for the store's life.
///
/// The queue is bounded by count and by payload bytes: past either bound ``append(_:)`` throws
/// ``GatewayCore/InboxOverloaded`` at once and stores nothing, so memory stays bounded under any load and
/// the webhook can answer 503 with `Retry-After`.
///
/// Payloads are sealed (AES-256-GCM, ``DataSealer``) by the caller's task before they join the queue, so the single
/// writer does no more work per delivery than before and the group commit keeps one statement per delivery; they are
/// opened when read. A payload that cannot be opened is returned empty with ``GatewayCore/InboxEntry/unreadable`` set.
public final class SQLiteInboxStore: InboxStore, Sendable {
    private let writer: any DatabaseWriter
    private let sealer: DataSealer
    /// The group-commit writer; run it in the service group (``append(_:)`` waits until it runs).
    public let commitWriter: InboxCommitWriter
    private let writerTask: Task<Void, Never>?

    /// Creates the store; its ``commitWriter`` commits appends once it runs.
    /// - Parameters:
    ///   - database: the migrated database.
    ///   - maxBatch: most deliveries committed in one transaction.
    ///   - maxQueuedDeliveries: most deliveries waiting for a commit (`storage.max_queued_deliveries`).
    ///   - maxQueuedBytes: most payload bytes waiting for a commit (`storage.max_queued_bytes`).
    ///   - startingWriter: run ``commitWriter`` in a task for the store's life (cancelled when the store goes), for tests,
    ///     tools and benchmarks without a service group. The gateway passes `false` and runs the writer as a service.
    public init(
        database: SQLiteDatabase,
        maxBatch: Int = 2048,
        maxQueuedDeliveries: Int = 20_000,
        maxQueuedBytes: Int = 64 << 20,
        startingWriter: Bool = true
    ) {
        self.writer = database.writer
        self.sealer = database.sealer
        let commitWriter = InboxCommitWriter(
            writer: database.writer,
            maxBatch: maxBatch,
            maxQueuedDeliveries: maxQueuedDeliveries,
            maxQueuedBytes: maxQueuedBytes
        )
        self.commitWriter = commitWriter
        self.writerTask = startingWriter ? Task { try? await commitWriter.run() } : nil
    }

    deinit {
        writerTask?.cancel()
    }

    public func append(_ deliveries: [InboxDelivery]) async throws -> [InboxAppendResult] {
        if deliveries.isEmpty { return [] }
        let bytes = deliveries.reduce(0) { $0 + $1.payload.count }
        // Sealed here, in the caller's task (many run in parallel), not in the single writer task.
        let deliveries = try deliveries.map { delivery in
            var sealed = delivery
            sealed.payload = try sealer.sealBinary(delivery.payload, purpose: .inboxPayload)
            return sealed
        }
        return try await commitWriter.append(deliveries, bytes: bytes)
    }

    /// Deliveries and payload bytes waiting for the group commit right now.
    public var queued: (deliveries: Int, bytes: Int) { commitWriter.queued }

    public func pending(limit: Int, now: Timestamp) async throws -> [InboxEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts, in_flight
                    FROM inbox WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?
                    """,
                arguments: [now.millisecondsSince1970, limit]
            ).compactMap(entry(from:))
        }
    }

    public func deferEntries(_ ids: [Int64], until: Timestamp, error: String) async throws {
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

    public func markInFlight(_ ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            for id in ids {
                try db.executeCached(sql: "UPDATE inbox SET in_flight = in_flight + 1 WHERE id = ? AND processed_at IS NULL", arguments: [id])
            }
        }
    }

    /// Parks through ``SQLiteLifecycle``: the delivery leaves the pipeline and its `unprocessable` exception opens in one
    /// transaction, as ``GatewayCore/OrderLifecycle/park(_:)`` decides.
    public func park(_ deliveries: [ParkedDelivery], at now: Timestamp) async throws {
        guard !deliveries.isEmpty else { return }
        let sealer = self.sealer
        try await writer.write { db in
            _ = try SQLiteLifecycle.run(db: db, now: now, opening: nil, sealer: sealer) { lifecycle in try lifecycle.park(deliveries) }
        }
    }

    /// The query behind ``counts()`` (public so that a test can check its plan never scans the inbox).
    public static let countsQuery = """
        SELECT total, unprocessed, duplicates, parked, awaiting,
               (SELECT min(received_at) FROM inbox WHERE processed_at IS NULL AND parked_at IS NULL) AS oldest
        FROM inbox_counters WHERE id = 1
        """

    /// The inbox's figures from the trigger-kept `inbox_counters` row and the `inbox_waiting_since` index: never a
    /// scan of the inbox, however many deliveries it holds (`SQLiteSchema.registerInboxCounters`).
    public func counts() async throws -> InboxCounts {
        try await writer.read { db in
            let row = try Row.fetchOne(db, sql: Self.countsQuery)
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

    /// Parked entries, oldest first, with their reason and failure times (for staff tooling and tests).
    public func parkedEntries() async throws -> [ParkedInboxEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts, in_flight,
                           park_reason, last_error, failures, first_failed_at, last_failed_at
                    FROM inbox WHERE parked_at IS NOT NULL AND processed_at IS NULL ORDER BY id
                    """
            ).compactMap { row in
                guard let entry = self.entry(from: row), let reason = ParkReason(rawValue: row["park_reason"] ?? "") else { return nil }
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

    /// Every entry, processed or not, oldest first (for tests and audits).
    public func allEntries() async throws -> [InboxEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts, in_flight
                    FROM inbox ORDER BY id
                    """
            ).compactMap(entry(from:))
        }
    }

    /// An entry from its row, its payload opened (plaintext stored before encryption is read as it is).
    func entry(from row: Row) -> InboxEntry? {
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
