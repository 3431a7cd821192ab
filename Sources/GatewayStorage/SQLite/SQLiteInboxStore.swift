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
public final class SQLiteInboxStore: InboxStore, Sendable {
    private let writer: any DatabaseWriter
    private let queue = WaiterQueue()
    private let wake: AsyncStream<Void>.Continuation
    private let writerTask: Task<Void, Never>
    private let maxBatch: Int

    /// Creates the store and starts its writer task.
    /// - Parameters:
    ///   - database: the migrated database.
    ///   - maxBatch: most deliveries committed in one transaction.
    public init(database: SQLiteDatabase, maxBatch: Int = 2048) {
        self.writer = database.writer
        self.maxBatch = maxBatch
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.wake = continuation
        let writer = database.writer
        let queue = self.queue
        self.writerTask = Task {
            for await _ in stream {
                while true {
                    let batch: [Waiter] = queue.waiting.withLock { waiting in
                        var taken: [Waiter] = []
                        var count = 0
                        while let first = waiting.first, taken.isEmpty || count + first.deliveries.count <= maxBatch {
                            taken.append(waiting.removeFirst())
                            count += first.deliveries.count
                        }
                        return taken
                    }
                    if batch.isEmpty { break }
                    await Self.commit(batch, writer: writer)
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
        return try await withCheckedThrowingContinuation { continuation in
            queue.waiting.withLock { $0.append(Waiter(deliveries: deliveries, continuation: continuation)) }
            wake.yield()
        }
    }

    private static func commit(_ batch: [Waiter], writer: any DatabaseWriter) async {
        do {
            let results: [[InboxAppendResult]] = try await writer.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO inbox (platform, shop, delivery_id, kind, received_at, last_received_at, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (platform, shop, delivery_id) DO UPDATE SET
                            received_count = received_count + 1,
                            last_received_at = excluded.last_received_at
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
                    SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts
                    FROM inbox WHERE processed_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?
                    """,
                arguments: [now.millisecondsSince1970, limit]
            ).compactMap(Self.entry(from:))
        }
    }

    public func deferEntries(_ ids: [Int64], until: Timestamp, error: String) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            for id in ids {
                try db.execute(
                    sql: "UPDATE inbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND processed_at IS NULL",
                    arguments: [until.millisecondsSince1970, error, id]
                )
            }
        }
    }

    public func counts() async throws -> InboxCounts {
        try await writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS total,
                           coalesce(sum(processed_at IS NULL), 0) AS unprocessed,
                           coalesce(sum(received_count - 1), 0) AS duplicates,
                           (SELECT min(received_at) FROM inbox WHERE processed_at IS NULL) AS oldest
                    FROM inbox
                    """
            )
            return InboxCounts(
                total: row?["total"] ?? 0,
                unprocessed: row?["unprocessed"] ?? 0,
                duplicatesAbsorbed: row?["duplicates"] ?? 0,
                oldestUnprocessedAt: (row?["oldest"] as Int64?).map { Timestamp(millisecondsSince1970: $0) }
            )
        }
    }

    /// Every entry, processed or not, oldest first (for tests and audits).
    public func allEntries() async throws -> [InboxEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, platform, shop, delivery_id, kind, received_at, payload, received_count, attempts FROM inbox ORDER BY id"
            ).compactMap(Self.entry(from:))
        }
    }

    static func entry(from row: Row) -> InboxEntry? {
        guard let platform = Platform(rawValue: row["platform"]), let kind = DeliveryKind(rawValue: row["kind"]) else { return nil }
        let payload: Data = row["payload"]
        let delivery = InboxDelivery(
            platform: platform,
            shop: row["shop"],
            deliveryId: row["delivery_id"],
            kind: kind,
            receivedAt: Timestamp(millisecondsSince1970: row["received_at"]),
            payload: Array(payload)
        )
        return InboxEntry(id: row["id"], delivery: delivery, receivedCount: row["received_count"], attempts: row["attempts"])
    }
}

/// A caller waiting for its deliveries to be committed.
private struct Waiter: Sendable {
    var deliveries: [InboxDelivery]
    var continuation: CheckedContinuation<[InboxAppendResult], any Error>
}

/// The queue of waiting callers, shared between callers and the writer task.
private final class WaiterQueue: Sendable {
    let waiting = Mutex<[Waiter]>([])
}
