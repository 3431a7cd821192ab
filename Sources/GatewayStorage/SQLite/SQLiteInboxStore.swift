import Foundation
public import GatewayCore

/// The durable inbox on SQLite, written with **group commit** by its ``InboxCommitWriter``.
///
/// Every caller of ``append(_:)`` joins the writer's queue; the writer commits everything waiting in one transaction
/// (one fsync with `synchronous=FULL`), then answers every caller. A caller therefore returns only after its deliveries
/// are on disk, and a burst of N concurrent deliveries costs a handful of fsyncs instead of N.
///
/// The writer is a `Service` and does not run by default: the composition root runs ``commitWriter`` in its service
/// group, before the HTTP server, so that it stops after it (and commits everything accepted before it stops). Tests,
/// tools and benchmarks without a service group say so with `startingWriter: true` (in tests:
/// `SQLiteInboxStore.withRunningWriter(database:)` from `GatewayTesting`), which runs the writer in a task for the
/// store's life. Until the writer runs, ``append(_:)`` waits; reads work either way.
///
/// The queue is bounded by count and by payload bytes: past either bound ``append(_:)`` throws
/// ``GatewayCore/InboxOverloaded`` at once and stores nothing, so memory stays bounded under any load and
/// the webhook can answer 503 with `Retry-After`.
///
/// Payloads are sealed (AES-256-GCM, ``DataSealer``) by the caller's task before they join the queue, so the single
/// writer does no more work per delivery than before and the group commit keeps one statement per delivery; they are
/// opened when read. A payload that cannot be opened is returned empty with ``GatewayCore/InboxEntry/unreadable`` set.
///
/// The SQL lives in ``SQLiteDatabase`` (`SQLiteDatabase+Inbox.swift`); this class owns the writer service.
public final class SQLiteInboxStore: InboxStore, Sendable {
    private let database: SQLiteDatabase
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
    ///     tools and benchmarks without a service group. By default it does not run: the gateway runs it as a service.
    public init(
        database: SQLiteDatabase,
        maxBatch: Int = 2048,
        maxQueuedDeliveries: Int = 20_000,
        maxQueuedBytes: Int = 64 << 20,
        startingWriter: Bool = false
    ) {
        self.database = database
        let commitWriter = InboxCommitWriter(
            database: database,
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
        let sealer = database.sealer
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
        try await database.pendingInboxEntries(limit: limit, now: now)
    }

    public func deferEntries(_ ids: [Int64], until: Timestamp, error: String) async throws {
        try await database.deferInboxEntries(ids, until: until, error: error)
    }

    public func markInFlight(_ ids: [Int64]) async throws {
        try await database.markInboxInFlight(ids)
    }

    /// Parks through `SQLiteLifecycle`: the delivery leaves the pipeline and its `unprocessable` exception opens in one
    /// transaction, as ``GatewayCore/OrderLifecycle/park(_:)`` decides.
    public func park(_ deliveries: [ParkedDelivery], at now: Timestamp) async throws {
        try await database.parkInboxEntries(deliveries, at: now)
    }

    /// The inbox's figures, never from a scan of the inbox (``SQLiteDatabase/inboxCountsQuery``).
    public func counts() async throws -> InboxCounts {
        try await database.inboxCounts()
    }

    /// Parked entries, oldest first, with their reason and failure times (for staff tooling and tests).
    public func parkedEntries() async throws -> [ParkedInboxEntry] {
        try await database.parkedInboxEntries()
    }

    /// Every entry, processed or not, oldest first (for tests and audits).
    public func allEntries() async throws -> [InboxEntry] {
        try await database.allInboxEntries()
    }
}
