public import GatewayCore
public import Logging
import Metrics
public import ServiceLifecycle
import Synchronization

/// Drains the inbox in batches (design.md §2 step 3): decode → validate → fetch details for thin
/// observations → merge, timeline and processed marks in one transaction per batch.
///
/// Idempotent by construction: an entry is marked processed in the same transaction that applies
/// it, so after a crash the processor resumes with exactly the entries that were not committed.
///
/// One bad message never stops the line:
/// - a delivery that cannot be decoded, whose stored payload cannot be opened (``GatewayCore/InboxEntry/unreadable``:
///   its data key is not configured), or whose observations are outside ``GatewayCore/ObservationBounds``, is
///   **parked** (kept with its error, shown to staff as an `unprocessable` exception), never merged;
/// - a batch whose commit fails is bisected until the failing deliveries are alone, and those are parked;
/// - entries are marked in flight before processing; entries that were in flight when the process died are
///   processed one at a time afterwards, and one that was in flight at three deaths is parked without being
///   decoded, so a delivery that traps cannot crash-loop the process;
/// - an observation that needs a detail fetch waits (back-off doubling to `maxDetailBackoffMilliseconds`) until
///   the detail arrives; it is never merged as a snapshot without lines; its order already holding a newer snapshot
///   (``GatewayCore/DetailFetchRule``) is not fetched again, counted in `gateway_detail_fetches_skipped_total`;
/// - detail fetches are bounded per shop and by a deadline; a shop whose fetches fail or time out is
///   skipped for a back-off period (its entries wait), so a hanging platform only delays its own shop.
public final class InboxProcessor: Service, Sendable {
    /// Processing settings.
    public struct Settings: Sendable {
        /// Entries per batch (one transaction).
        public var batchSize: Int
        /// Sleep when the inbox is empty, in milliseconds.
        public var idleMilliseconds: Int
        /// Detail fetches in flight at once, per shop.
        public var detailConcurrency: Int
        /// Failed detail attempts after which a waiting delivery is logged as an error (it keeps waiting).
        public var maxAttempts: Int
        /// How long one batch waits for detail fetches before the unfinished ones count as failed.
        public var detailTimeoutMilliseconds: Int
        /// The longest wait between two detail attempts of one delivery.
        public var maxDetailBackoffMilliseconds: Int

        /// Creates settings.
        public init(
            batchSize: Int = 256,
            idleMilliseconds: Int = 50,
            detailConcurrency: Int = 8,
            maxAttempts: Int = 5,
            detailTimeoutMilliseconds: Int = 5_000,
            maxDetailBackoffMilliseconds: Int = 60_000
        ) {
            self.batchSize = batchSize
            self.idleMilliseconds = idleMilliseconds
            self.detailConcurrency = detailConcurrency
            self.maxAttempts = maxAttempts
            self.detailTimeoutMilliseconds = detailTimeoutMilliseconds
            self.maxDetailBackoffMilliseconds = maxDetailBackoffMilliseconds
        }
    }

    private let inbox: any InboxStore
    private let orders: any OrderStore
    private let connectors: [String: any PlatformConnector]
    private let settings: Settings
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger
    private let circuits = ShopCircuits()
    /// Process deaths with an entry in flight after which it is parked as `crashed`.
    static let deathsBeforeParking = 3

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
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let processed: Int
            do {
                processed = try await processBatch()
                failures = 0
            } catch {
                // Only the store itself failing gets here (every delivery's own failure is parked).
                failures += 1
                logger.error("inbox batch failed; retrying", metadata: ["error": "\(error)", "failures": "\(failures)"])
                processed = 0
                try? await Task.sleep(for: .milliseconds(min(500 << min(failures, 6), 30_000)))
            }
            if processed == 0 { try? await Task.sleep(for: .milliseconds(settings.idleMilliseconds)) }
        }
    }

    /// Processes until the inbox has nothing ready (for tests, the demo and `gateway` tooling).
    /// - Returns: entries processed or parked in all.
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
    /// - Returns: the number of entries committed or parked (deferred entries are not counted).
    public func processBatch() async throws -> Int {
        let now = clock()
        var entries = try await inbox.pending(limit: settings.batchSize, now: now)
        if entries.isEmpty { return 0 }

        // Entries that were in flight when the process died: park those that were in flight at three deaths (in their
        // batch, then twice alone: an outside kill -9 cannot be told from a trap, so one death alone is not proof),
        // and take the others one at a time so that the one that kills the process is found.
        let suspects = entries.filter { $0.inFlight > 0 }
        if !suspects.isEmpty {
            let crashed = suspects.filter { $0.inFlight >= Self.deathsBeforeParking }
            if !crashed.isEmpty {
                try await park(
                    crashed.map {
                        ParkedDelivery(inboxId: $0.id, reason: .crashed, message: "the process died \($0.inFlight) times while processing it")
                    },
                    entries: crashed,
                    at: now
                )
                return crashed.count
            }
            entries = [suspects[0]]
        }
        try await inbox.markInFlight(entries.map(\.id))

        var parked: [ParkedDelivery] = []
        var decoded: [(entry: InboxEntry, observations: [OrderObservation])] = []
        for entry in entries {
            if let unreadable = entry.unreadable {
                parked.append(ParkedDelivery(inboxId: entry.id, reason: .undecodable, message: unreadable))
                continue
            }
            guard let connector = connectors[entry.delivery.shop] else {
                parked.append(
                    ParkedDelivery(inboxId: entry.id, reason: .noConnector, message: "no connector configured for shop \(entry.delivery.shop)")
                )
                continue
            }
            let observations: [OrderObservation]
            do {
                observations = try connector.observations(from: entry)
            } catch {
                parked.append(
                    ParkedDelivery(
                        inboxId: entry.id,
                        reason: .undecodable,
                        message: "cannot decode \(entry.delivery.platform.rawValue) delivery: \(error)"
                    )
                )
                continue
            }
            if let problem = observations.lazy.compactMap(ObservationBounds.problem(in:)).first {
                parked.append(
                    ParkedDelivery(inboxId: entry.id, reason: .invalid, message: problem, platformOrderId: observations.first?.key.platformOrderId)
                )
                continue
            }
            decoded.append((entry, observations))
        }

        let thin = decoded.flatMap { $0.observations.filter(\.needsDetail) }
        let held = try await heldSnapshots(Set(thin.map(\.key)))
        let detailKeys = Set(thin.filter { DetailFetchRule.needsFetch($0, held: held[$0.key]) }.map(\.key))
        let skipped = Set(thin.map(\.key)).subtracting(detailKeys).count
        if skipped > 0 { Counter(label: "gateway_detail_fetches_skipped_total").increment(by: skipped) }
        let details = await fetchDetails(Array(detailKeys).sorted(), now: now)

        var batch: [ProcessedDelivery] = []
        var waiting: [(entry: InboxEntry, reason: String)] = []
        var attached: Set<OrderKey> = []
        for item in decoded {
            var prepared = item.observations.map { PreparedObservation(observation: $0, rawPayload: item.entry.delivery.payloadText) }
            var missing: [String] = []
            var invalidDetail: String?
            for key in Set(item.observations.filter(\.needsDetail).map(\.key)).intersection(detailKeys).sorted() {
                switch details[key] {
                case .success(let detail)?:
                    if let problem = ObservationBounds.problem(in: detail.observation) {
                        invalidDetail = "detail of \(key.platformOrderId): \(problem)"
                    } else if attached.insert(key).inserted {
                        prepared.append(detail)
                    }
                case .failure(let error)?:
                    missing.append("\(key.platformOrderId): \(error)")
                case nil:
                    missing.append("\(key.platformOrderId): not fetched")
                }
            }
            if let invalidDetail {
                parked.append(
                    ParkedDelivery(
                        inboxId: item.entry.id,
                        reason: .invalid,
                        message: invalidDetail,
                        platformOrderId: item.observations.first?.key.platformOrderId
                    )
                )
                continue
            }
            if !missing.isEmpty {
                waiting.append((item.entry, missing.joined(separator: "; ")))
                continue
            }
            batch.append(ProcessedDelivery(inboxId: item.entry.id, deliveryId: item.entry.delivery.deliveryId, observations: prepared))
        }
        try await deferWaiting(waiting, now: now)
        try await park(parked, entries: entries, at: now)
        let committed = try await commitIsolating(batch, entries: entries, at: now)
        Counter(label: "gateway_inbox_processed_total").increment(by: committed)
        return committed + parked.count
    }

    /// Commits a batch; when the commit fails, bisects it so that every delivery that can be stored is, and
    /// each delivery that fails alone is parked. When the store itself is down, parking (a write to the same
    /// store) fails too and the error goes to ``run()``, which retries with back-off: nothing is parked then.
    /// - Returns: deliveries committed or parked.
    private func commitIsolating(_ batch: [ProcessedDelivery], entries: [InboxEntry], at now: Timestamp) async throws -> Int {
        if batch.isEmpty { return 0 }
        do {
            let results = try await orders.commit(batch, at: now)
            for result in results {
                Counter(label: "gateway_merge_decisions_total", dimensions: [("decision", result.decision.rawValue)]).increment()
            }
            return batch.count
        } catch {
            if batch.count == 1 {
                let delivery = batch[0]
                logger.error("delivery failed to commit; parking it", metadata: ["inbox": "\(delivery.inboxId)", "error": "\(error)"])
                try await park(
                    [
                        ParkedDelivery(
                            inboxId: delivery.inboxId,
                            reason: .failed,
                            message: "storing its merge failed: \(error)",
                            platformOrderId: delivery.observations.first?.observation.key.platformOrderId
                        )
                    ],
                    entries: entries,
                    at: now
                )
                return 1
            }
            let middle = batch.count / 2
            let first = try await commitIsolating(Array(batch[..<middle]), entries: entries, at: now)
            let second = try await commitIsolating(Array(batch[middle...]), entries: entries, at: now)
            return first + second
        }
    }

    private func park(_ parked: [ParkedDelivery], entries: [InboxEntry], at now: Timestamp) async throws {
        guard !parked.isEmpty else { return }
        try await inbox.park(parked, at: now)
        let byId = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for delivery in parked {
            let entry = byId[delivery.inboxId]
            Counter(
                label: "gateway_inbox_parked_total",
                dimensions: [("platform", entry?.delivery.platform.rawValue ?? "unknown"), ("reason", delivery.reason.rawValue)]
            ).increment()
            logger.error(
                "parked a delivery that cannot be processed",
                metadata: [
                    "inbox": "\(delivery.inboxId)", "shop": "\(entry?.delivery.shop ?? "?")",
                    "delivery": "\(entry?.delivery.deliveryId ?? "?")", "reason": "\(delivery.reason.rawValue)",
                    "error": "\(delivery.message)",
                ]
            )
        }
    }

    /// Puts entries whose detail could not be fetched back with exponential back-off per entry.
    private func deferWaiting(_ waiting: [(entry: InboxEntry, reason: String)], now: Timestamp) async throws {
        guard !waiting.isEmpty else { return }
        let groups = Dictionary(grouping: waiting) { min($0.entry.attempts, 16) }
        for (attempts, items) in groups {
            let backoff = min(Int64(500) << Int64(attempts), Int64(settings.maxDetailBackoffMilliseconds))
            try await inbox.deferEntries(items.map(\.entry.id), until: now.adding(milliseconds: backoff), error: items[0].reason)
        }
        Counter(label: "gateway_inbox_deferred_total").increment(by: waiting.count)
        for item in waiting where item.entry.attempts + 1 >= settings.maxAttempts {
            logger.error(
                "delivery still awaiting its detail",
                metadata: ["inbox": "\(item.entry.id)", "attempts": "\(item.entry.attempts + 1)", "error": "\(item.reason)"]
            )
        }
        logger.warning("deferred \(waiting.count) deliveries awaiting detail", metadata: ["reason": "\(waiting[0].reason)"])
    }

    /// Fetches details, at most `detailConcurrency` per shop, all within one deadline. Shops whose circuit is open
    /// (a recent time-out) are not asked at all.
    /// The snapshot each of these orders holds (``GatewayCore/CanonicalOrder/heldSnapshot``), one store query per shop.
    private func heldSnapshots(_ keys: Set<OrderKey>) async throws -> [OrderKey: HeldSnapshot] {
        var byShop: [Platform: [String: [String]]] = [:]
        for key in keys { byShop[key.platform, default: [:]][key.shop, default: []].append(key.platformOrderId) }
        var held: [OrderKey: HeldSnapshot] = [:]
        for (platform, shops) in byShop {
            for (shop, ids) in shops {
                for (id, snapshot) in try await orders.heldSnapshots(platform: platform, shop: shop, orderIds: ids) {
                    held[OrderKey(platform: platform, shop: shop, platformOrderId: id)] = snapshot
                }
            }
        }
        return held
    }

    private func fetchDetails(_ keys: [OrderKey], now: Timestamp) async -> [OrderKey: Result<PreparedObservation, any Error>] {
        var results: [OrderKey: Result<PreparedObservation, any Error>] = [:]
        var byShop: [String: [OrderKey]] = [:]
        for key in keys {
            if let until = circuits.openUntil(shop: key.shop, now: now) {
                results[key] = .failure(PipelineError("shop \(key.shop) is backing off after failed detail fetches until \(until)"))
            } else {
                byShop[key.shop, default: []].append(key)
            }
        }
        if byShop.isEmpty { return results }
        let collected = FetchResults()
        let inTime = await Deadline.run(milliseconds: settings.detailTimeoutMilliseconds) { [connectors, settings, byShop] in
            await withTaskGroup(of: Void.self) { group in
                for (shop, shopKeys) in byShop {
                    let connector = connectors[shop]
                    group.addTask {
                        await Self.fetchShop(shopKeys, connector: connector, concurrency: max(1, settings.detailConcurrency)) { key, result in
                            collected.record(key, result)
                        }
                    }
                }
            }
        }
        if !inTime { Counter(label: "gateway_detail_timeouts_total").increment() }
        let finished = collected.all
        for (shop, shopKeys) in byShop {
            // Only time-outs trip the shop's circuit: a fast error (one unknown order, a 5xx) costs the others nothing.
            var timedOut = false
            for key in shopKeys {
                if let result = finished[key] {
                    results[key] = result
                } else {
                    results[key] = .failure(PipelineError("detail fetch timed out after \(settings.detailTimeoutMilliseconds) ms"))
                    timedOut = true
                }
            }
            if timedOut {
                circuits.recordFailure(shop: shop, now: now, maxBackoffMilliseconds: settings.maxDetailBackoffMilliseconds)
            } else {
                circuits.recordSuccess(shop: shop)
            }
        }
        return results
    }

    private static func fetchShop(
        _ keys: [OrderKey],
        connector: (any PlatformConnector)?,
        concurrency: Int,
        record: @escaping @Sendable (OrderKey, Result<PreparedObservation, any Error>) -> Void
    ) async {
        guard let connector else {
            for key in keys { record(key, .failure(PipelineError("no connector for shop \(key.shop)"))) }
            return
        }
        await withTaskGroup(of: Void.self) { group in
            var iterator = keys.makeIterator()
            func addNext() -> Bool {
                guard let key = iterator.next() else { return false }
                group.addTask {
                    do {
                        record(key, .success(try await connector.fetchOrder(platformOrderId: key.platformOrderId)))
                    } catch {
                        record(key, .failure(error))
                    }
                }
                return true
            }
            for _ in 0..<concurrency where !addNext() { break }
            while await group.next() != nil {
                if Task.isCancelled { break }
                _ = addNext()
            }
        }
    }
}

/// Detail results as they arrive, readable when the deadline passes.
private final class FetchResults: Sendable {
    private let results = Mutex<[OrderKey: Result<PreparedObservation, any Error>]>([:])
    func record(_ key: OrderKey, _ result: Result<PreparedObservation, any Error>) { results.withLock { $0[key] = result } }
    var all: [OrderKey: Result<PreparedObservation, any Error>] { results.withLock { $0 } }
}

/// A pipeline failure with a readable message.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
