public import GatewayCore
public import Logging
import Metrics
public import ServiceLifecycle

/// Drains the inbox in batches (design.md §2 step 3): decode → fetch details for thin pushes →
/// merge, timeline and processed marks in one transaction per batch.
///
/// Idempotent by construction: an entry is marked processed in the same transaction that applies
/// it, so after a crash the processor resumes with exactly the entries that were not committed.
public final class InboxProcessor: Service, Sendable {
    /// Processing settings.
    public struct Settings: Sendable {
        /// Entries per batch (one transaction).
        public var batchSize: Int
        /// Sleep when the inbox is empty, in milliseconds.
        public var idleMilliseconds: Int
        /// Detail fetches in flight at once.
        public var detailConcurrency: Int
        /// Attempts before an entry whose detail cannot be fetched is merged from what it carries.
        public var maxAttempts: Int

        /// Creates settings.
        public init(batchSize: Int = 256, idleMilliseconds: Int = 50, detailConcurrency: Int = 8, maxAttempts: Int = 5) {
            self.batchSize = batchSize
            self.idleMilliseconds = idleMilliseconds
            self.detailConcurrency = detailConcurrency
            self.maxAttempts = maxAttempts
        }
    }

    private let inbox: any InboxStore
    private let orders: any OrderStore
    private let connectors: [String: any PlatformConnector]
    private let settings: Settings
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger

    /// Creates a processor.
    /// - Parameters:
    ///   - inbox: where deliveries wait; `orders`: where merges land.
    ///   - connectors: by shop key.
    ///   - clock: the current time (injectable for tests).
    public init(
        inbox: any InboxStore,
        orders: any OrderStore,
        connectors: [String: any PlatformConnector],
        settings: Settings = Settings(),
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        logger: Logger = Logger(label: "inbox-processor")
    ) {
        self.inbox = inbox
        self.orders = orders
        self.connectors = connectors
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// Processes batches until cancelled or asked to shut down gracefully.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let processed: Int
            do {
                processed = try await processBatch()
            } catch {
                logger.error("inbox batch failed; retrying", metadata: ["error": "\(error)"])
                processed = 0
                try? await Task.sleep(for: .milliseconds(500))
            }
            if processed == 0 { try? await Task.sleep(for: .milliseconds(settings.idleMilliseconds)) }
        }
    }

    /// Processes until the inbox has nothing ready (for tests, the demo and `gateway` tooling).
    /// - Returns: entries processed in all.
    @discardableResult
    public func drain(maxBatches: Int = 10_000) async throws -> Int {
        var total = 0
        for _ in 0..<maxBatches {
            let count = try await processBatch()
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Processes one batch.
    /// - Returns: the number of entries committed (deferred entries are not counted).
    public func processBatch() async throws -> Int {
        let now = clock()
        let entries = try await inbox.pending(limit: settings.batchSize, now: now)
        if entries.isEmpty { return 0 }

        var decoded: [(entry: InboxEntry, observations: [OrderObservation], failure: String?)] = []
        for entry in entries {
            guard let connector = connectors[entry.delivery.shop] else {
                decoded.append((entry, [], "no connector configured for shop \(entry.delivery.shop)"))
                continue
            }
            do {
                decoded.append((entry, try connector.observations(from: entry), nil))
            } catch {
                decoded.append((entry, [], "cannot decode \(entry.delivery.platform.rawValue) delivery \(entry.delivery.deliveryId): \(error)"))
            }
        }

        let detailKeys = Set(decoded.flatMap { $0.observations.filter(\.needsDetail).map(\.key) })
        let details = await fetchDetails(Array(detailKeys).sorted())

        var batch: [ProcessedDelivery] = []
        var deferred: [Int64] = []
        var deferReason = ""
        var attached: Set<OrderKey> = []
        for item in decoded {
            var prepared = item.observations.map { PreparedObservation(observation: $0, rawPayload: item.entry.delivery.payloadText) }
            var failure = item.failure
            let needed = Set(item.observations.filter(\.needsDetail).map(\.key)).sorted()
            var missing: [String] = []
            for key in needed {
                switch details[key] {
                case .success(let detail)?:
                    if attached.insert(key).inserted { prepared.append(detail) }
                case .failure(let error)?:
                    missing.append("\(key): \(error)")
                case nil:
                    missing.append("\(key): not fetched")
                }
            }
            if !missing.isEmpty {
                if item.entry.attempts + 1 < settings.maxAttempts {
                    deferred.append(item.entry.id)
                    deferReason = missing.joined(separator: "; ")
                    continue
                }
                failure = "detail fetch failed after \(settings.maxAttempts) attempts; merged the push alone: " + missing.joined(separator: "; ")
            }
            batch.append(
                ProcessedDelivery(inboxId: item.entry.id, deliveryId: item.entry.delivery.deliveryId, observations: prepared, failure: failure)
            )
        }
        if !deferred.isEmpty {
            let attempts = decoded.first { deferred.contains($0.entry.id) }?.entry.attempts ?? 0
            let backoff = min(Int64(500) << Int64(min(attempts, 6)), 30_000)
            try await inbox.deferEntries(deferred, until: now.adding(milliseconds: backoff), error: deferReason)
            Counter(label: "gateway_inbox_deferred_total").increment(by: deferred.count)
            logger.warning("deferred \(deferred.count) deliveries whose detail could not be fetched", metadata: ["reason": "\(deferReason)"])
        }
        let results = try await orders.commit(batch, at: now)
        for result in results {
            Counter(label: "gateway_merge_decisions_total", dimensions: [("decision", result.decision.rawValue)]).increment()
        }
        Counter(label: "gateway_inbox_processed_total").increment(by: batch.count)
        return batch.count
    }

    private func fetchDetails(_ keys: [OrderKey]) async -> [OrderKey: Result<PreparedObservation, any Error>] {
        var results: [OrderKey: Result<PreparedObservation, any Error>] = [:]
        await withTaskGroup(of: (OrderKey, Result<PreparedObservation, any Error>).self) { group in
            var iterator = keys.makeIterator()
            func addNext() -> Bool {
                guard let key = iterator.next() else { return false }
                let connector = connectors[key.shop]
                group.addTask {
                    guard let connector else { return (key, .failure(PipelineError("no connector for shop \(key.shop)"))) }
                    do {
                        return (key, .success(try await connector.fetchOrder(platformOrderId: key.platformOrderId)))
                    } catch {
                        return (key, .failure(error))
                    }
                }
                return true
            }
            for _ in 0..<settings.detailConcurrency where !addNext() { break }
            while let (key, result) = await group.next() {
                results[key] = result
                _ = addNext()
            }
        }
        return results
    }
}

/// A pipeline failure with a readable message.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
