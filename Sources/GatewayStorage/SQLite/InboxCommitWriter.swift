import Foundation
import GatewayCore
public import ServiceLifecycle
import Synchronization

/// The inbox's **group-commit** writer, run as a `Service` in the gateway's service group.
///
/// Callers of ``SQLiteInboxStore/append(_:)`` join its queue; while ``run()`` runs, the writer takes everything waiting,
/// commits it in one transaction (one fsync with `synchronous=FULL`), then answers every caller. A caller therefore
/// returns only after its deliveries are on disk, and a burst of N concurrent deliveries costs a handful of fsyncs
/// instead of N.
///
/// The queue is bounded by count and by payload bytes: past either bound an append throws
/// ``GatewayCore/InboxOverloaded`` at once and stores nothing.
///
/// On graceful shutdown (or cancellation) the writer stops accepting — later appends throw ``GatewayCore/InboxClosed`` —
/// commits everything already accepted, answers those callers, and returns. In the service group it is placed before
/// the HTTP server, so it starts first and stops last (services stop in reverse order).
///
/// ```swift
/// let inbox = SQLiteInboxStore(database: database)                                 // the writer does not run yet
/// let group = ServiceGroup(services: [inbox.commitWriter, app], logger: logger)   // the writer stops after the app
/// ```
///
/// Tests and tools without a service group pass `startingWriter: true` to
/// ``SQLiteInboxStore/init(database:maxBatch:maxQueuedDeliveries:maxQueuedBytes:startingWriter:)`` (in tests:
/// `SQLiteInboxStore.withRunningWriter(database:)` from `GatewayTesting`), which runs the writer in a task for the
/// store's life.
public final class InboxCommitWriter: Service, Sendable {
    private let database: SQLiteDatabase
    private let maxBatch: Int
    private let maxQueuedDeliveries: Int
    private let maxQueuedBytes: Int
    private let state = Mutex(State())
    private let wakes: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// The waiting callers and what they hold, shared between callers and the writer.
    private struct State {
        var waiting: [Waiter] = []
        var deliveries = 0
        var bytes = 0
        var closed = false
    }

    /// Creates the writer; nothing is committed until ``run()`` runs.
    /// - Parameters:
    ///   - database: the database the inbox lives in.
    ///   - maxBatch: most deliveries committed in one transaction.
    ///   - maxQueuedDeliveries: most deliveries waiting for a commit (`storage.max_queued_deliveries`).
    ///   - maxQueuedBytes: most payload bytes waiting for a commit (`storage.max_queued_bytes`).
    init(database: SQLiteDatabase, maxBatch: Int, maxQueuedDeliveries: Int, maxQueuedBytes: Int) {
        self.database = database
        self.maxBatch = maxBatch
        self.maxQueuedDeliveries = maxQueuedDeliveries
        self.maxQueuedBytes = maxQueuedBytes
        (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    deinit { wake.finish() }

    /// Commits queued deliveries until graceful shutdown or cancellation, then commits what was accepted and returns.
    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wakes { await drain() }
        } onGracefulShutdown: {
            self.close()
        }
        // Whatever ended the loop, nothing new is accepted; everything accepted is committed and answered.
        close()
        await drain()
    }

    /// Refuses new appends and ends the wake-up stream (already queued wake-ups are still delivered).
    private func close() {
        state.withLock { $0.closed = true }
        wake.finish()
    }

    /// Queues sealed deliveries and waits for their commit.
    /// - Parameters:
    ///   - deliveries: the deliveries, their payloads already sealed.
    ///   - bytes: their payload bytes before sealing (what the bound counts).
    /// - Returns: one result per delivery, in order.
    /// - Throws: ``GatewayCore/InboxOverloaded`` when the queue is full, ``GatewayCore/InboxClosed`` after shutdown, or the
    ///   database error of the commit.
    func append(_ deliveries: [InboxDelivery], bytes: Int) async throws -> [InboxAppendResult] {
        let (maxDeliveries, maxBytes) = (maxQueuedDeliveries, maxQueuedBytes)
        return try await withCheckedThrowingContinuation { continuation in
            let refused: (any Error)? = state.withLock { state in
                if state.closed { return InboxClosed() }
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
    var queued: (deliveries: Int, bytes: Int) { state.withLock { ($0.deliveries, $0.bytes) } }

    /// Commits batches until the queue is empty.
    private func drain() async {
        let maxBatch = self.maxBatch
        while true {
            let batch: [Waiter] = state.withLock { state in
                var taken: [Waiter] = []
                var count = 0
                while let first = state.waiting.first, taken.isEmpty || count + first.deliveries.count <= maxBatch {
                    taken.append(state.waiting.removeFirst())
                    count += first.deliveries.count
                }
                return taken
            }
            if batch.isEmpty { return }
            await Self.commit(batch, database: database)
            // Counted as queued until committed, so the bound covers what is in memory.
            state.withLock { state in
                for waiter in batch {
                    state.deliveries -= waiter.deliveries.count
                    state.bytes -= waiter.bytes
                }
            }
        }
    }

    /// One transaction for the whole batch (``SQLiteDatabase``'s inbox append), then every caller is answered.
    private static func commit(_ batch: [Waiter], database: SQLiteDatabase) async {
        do {
            let results = try await database.appendToInbox(batch.map(\.deliveries))
            for (waiter, result) in zip(batch, results) { waiter.continuation.resume(returning: result) }
        } catch {
            for waiter in batch { waiter.continuation.resume(throwing: error) }
        }
    }
}

/// A caller waiting for its deliveries to be committed.
private struct Waiter: Sendable {
    var deliveries: [InboxDelivery]
    var bytes: Int
    var continuation: CheckedContinuation<[InboxAppendResult], any Error>
}
