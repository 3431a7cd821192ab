import Foundation
import GRDB
public import GatewayCore
import Synchronization

/// The durable inbox on SQLite, written with **group commit**.
///
/// Every caller of ``append(_:)`` joins a queue; a single writer task takes everything waiting,
/// commits it in one transaction (one fsync with `synchronous=FULL`), then answers every caller.
/// A caller therefore returns only after its deliveries are on disk, and a burst of N concurrent
/// deliveries costs a handful of fsyncs instead of N.
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
    private let queue = WaiterQueue()
    private let wake: AsyncStream<Void>.Continuation
    private let writerTask: Task<Void, Never>
    private let maxBatch: Int
    private let maxQueuedDeliveries: Int
    private let maxQueuedBytes: Int

    /// Creates the store and starts its writer task.
    /// - Parameters:
    ///   - database: the migrated database.
    ///   - maxBatch: most deliveries committed in one transaction.
    ///   - maxQueuedDeliveries: most deliveries waiting for a commit (`storage.max_queued_deliveries`).
    ///   - maxQueuedBytes: most payload bytes waiting for a commit (`storage.max_queued_bytes`).
    public init(database: SQLiteDatabase, maxBatch: Int = 2048, maxQueuedDeliveries: Int = 20_000, maxQueuedBytes: Int = 64 << 20) {
        self.writer = database.writer
        self.sealer = database.sealer
        self.maxBatch = maxBatch
        self.maxQueuedDeliveries = maxQueuedDeliveries
        self.maxQueuedBytes = maxQueuedBytes
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.wake = continuation
        let writer = database.writer
        let queue = self.queue
        self.writerTask = Task {
            for await _ in stream {
                while true {
                    let batch: [Waiter] = queue.state.withLock { state in
                        var taken: [Waiter] = []
                        var count = 0
                        while let first = state.waiting.first, taken.isEmpty || count + first.deliveries.count <= maxBatch {
                            taken.append(state.waiting.removeFirst())
                            count += first.deliveries.count
                        }
                        return taken
                    }
                    if batch.isEmpty { break }
                    await Self.commit(batch, writer: writer)
                    // Counted as queued until committed, so the bound covers what is in memory.
                    queue.state.withLock { state in
                        for waiter in batch {
                            state.deliveries -= waiter.deliveries.count
                            state.bytes -= waiter.bytes
                        }
                    }
                }
            }
        }
    }

    deinit {
        wake.finish()
        writerTask.cancel()
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
        let (maxDeliveries, maxBytes) = (maxQueuedDeliveries, maxQueuedBytes)
        return try await withCheckedThrowingContinuation { continuation in
            let refused: InboxOverloaded? = queue.state.withLock { state in
                let full = state.deliveries > 0 && (state.deliveries + deliveries.count > maxDeliveries || state.bytes + bytes > maxBytes)
                if full { return InboxOverloaded(queuedDeliveries: state.deliveries, queuedBytes: state.bytes) }
                state.waiting.append(Waiter(deliveries: deliveries, bytes: bytes, continuation: continuation))
                state.deliveries += deliveries.count
                state.bytes += bytes
                return nil
            }
            if let refused {
                continuation.resume(throwing: refused)
            } else {
                wake.yield()
            }
        }
    }

    /// Deliveries and payload bytes waiting for the group commit right now.
    public var queued: (deliveries: Int, bytes: Int) { queue.state.withLock { ($0.deliveries, $0.bytes) } }

    private static func commit(_ batch: [Waiter], writer: any DatabaseWriter) async {
        do {
            let results: [[InboxAppendResult]] = try await writer.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO inbox (platform, shop, delivery_id, kind, received_at, last_received_at, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (platform, shop, delivery_id) DO UPDATE SET
                            received_count = received_count + 1,
                            last_received_at = excluded.last_received_at,
                            next_attempt_at = CASE WHEN processed_at IS NULL AND parked_at IS NULL THEN 0 ELSE next_attempt_at END
                        RETURNING id, received_count
                        """
                )
                return try batch.map { waiter in
                    try waiter.deliveries.map { delivery in
                        let row = try Row.fetchOne(
                            statement,
                            arguments: [
                                delivery.platform.rawValue, delivery.shop, delivery.deliveryId, delivery.kind.rawValue,
                                delivery.receivedAt.millisecondsSince1970, delivery.receivedAt.millisecondsSince1970,
                                Data(delivery.payload),
                            ]
                        )
                        guard let row else { throw DatabaseError(message: "inbox upsert returned no row") }
                        let id: Int64 = row["id"]
                        let count: Int = row["received_count"]
                        return count > 1 ? .duplicate(id: id) : .stored(id: id)
                    }
                }
            }
            for (waiter, result) in zip(batch, results) { waiter.continuation.resume(returning: result) }
        } catch {
            for waiter in batch { waiter.continuation.resume(throwing: error) }
        }
    }

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

/// A caller waiting for its deliveries to be committed.
private struct Waiter: Sendable {
    var deliveries: [InboxDelivery]
    var bytes: Int
    var continuation: CheckedContinuation<[InboxAppendResult], any Error>
}

/// The queue of waiting callers and what it holds, shared between callers and the writer task.
private final class WaiterQueue: Sendable {
    struct State {
        var waiting: [Waiter] = []
        var deliveries = 0
        var bytes = 0
    }
    let state = Mutex(State())
}
