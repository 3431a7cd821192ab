public import GatewayCore
public import Logging
import Metrics
public import ServiceLifecycle

/// Deletes raw platform payloads once they are older than the retention period (`retention.payload_days`).
///
/// A pass runs at start and then every `interval`: it deletes in chunks of `chunk` rows (one short write transaction
/// each, so webhooks' group commits are never held up for long) until nothing older than the cutoff is left, logs what
/// it deleted and counts it in `gateway_payloads_deleted_total{table="inbox"|"timeline"}`. What is needed to process
/// pending, waiting or parked deliveries and to recognise repeated deliveries is kept (``GatewayCore/PayloadRetentionStore``).
///
/// ## Configuration keys
/// - `retention.payload_days` (default 90, 1…3650).
public final class PayloadRetention: Service, Sendable {
    private let store: any PayloadRetentionStore
    private let payloadDays: Int
    private let interval: Duration
    private let chunk: Int
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger

    /// Creates the job.
    /// - Parameters:
    ///   - store: where payloads are deleted.
    ///   - payloadDays: the retention period in days (1…3650; values outside are clamped).
    ///   - interval: time between passes.
    ///   - chunk: rows per write transaction.
    ///   - clock: the current time (injectable for tests).
    public init(
        store: any PayloadRetentionStore,
        payloadDays: Int,
        interval: Duration = .seconds(3600),
        chunk: Int = 500,
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        logger: Logger = Logger(label: "payload-retention")
    ) {
        self.store = store
        self.payloadDays = min(max(payloadDays, 1), 3650)
        self.interval = interval
        self.chunk = max(1, chunk)
        self.clock = clock
        self.logger = logger
    }

    /// The instant before which payloads are deleted at `now`.
    public func cutoff(at now: Timestamp) -> Timestamp {
        // payloadDays ≤ 3650: the product is far inside Int64.
        now.adding(milliseconds: -Int64(payloadDays) * 86_400_000)
    }

    /// Runs a pass now and then every interval until cancelled or shut down gracefully.
    public func run() async throws {
        // Shown in /metrics from the start, at 0 until something is deleted.
        for table in ["inbox", "timeline"] { Counter(label: "gateway_payloads_deleted_total", dimensions: [("table", table)]).increment(by: 0) }
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                do {
                    _ = try await self.runOnce()
                } catch {
                    self.logger.error("payload retention pass failed; trying again next interval", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: self.interval)
            }
        }
    }

    /// One pass: deletes every payload older than the cutoff, chunk by chunk.
    /// - Returns: how many payloads were deleted.
    @discardableResult
    public func runOnce() async throws -> PayloadDeletion {
        let now = clock()
        let cutoff = cutoff(at: now)
        var total = PayloadDeletion()
        while !Task.isCancelled {
            let deleted = try await store.deletePayloads(olderThan: cutoff, limit: chunk, at: now)
            total.inbox += deleted.inbox
            total.timeline += deleted.timeline
            if deleted.inbox < chunk && deleted.timeline < chunk { break }
        }
        if total.inbox > 0 { Counter(label: "gateway_payloads_deleted_total", dimensions: [("table", "inbox")]).increment(by: total.inbox) }
        if total.timeline > 0 {
            Counter(label: "gateway_payloads_deleted_total", dimensions: [("table", "timeline")]).increment(by: total.timeline)
        }
        if total.total > 0 {
            logger.info(
                "deleted raw payloads past retention",
                metadata: [
                    "inbox": "\(total.inbox)", "timeline": "\(total.timeline)", "payload_days": "\(payloadDays)",
                    "older_than": "\(cutoff.millisecondsSince1970)",
                ]
            )
        }
        return total
    }
}
