public import GatewayCore
public import Logging
import Metrics
public import ServiceLifecycle
import Synchronization

/// The backstop poller (design.md §2 step 2): one loop per shop, a durable cursor per shop,
/// windows no longer than the platform allows, overlap, back-off on errors, and never two polls
/// of the same shop at once.
///
/// Rows that would tell the gateway nothing new are not sent to the inbox (issue #14 target 5), and are counted in
/// `gateway_poll_rows_skipped_total`:
/// - rows this process has already stored (the same order at the same update time, listed again by an overlapping or
///   repeated window): the last ``recentRowsPerShop`` delivery ids per shop are kept in memory
///   (``GatewayCore/RecentKeys``); after a restart the inbox still absorbs such repeats by their delivery id;
/// - rows whose every observation the order already holds, however the gateway learnt it (a push and its detail
///   fetch, usually): the connector maps each row as the processor will (``GatewayCore/PlatformConnector/observations(from:)``,
///   pure), the order store answers ``GatewayCore/CanonicalOrder/heldSnapshot`` for a window's orders in one query,
///   and ``GatewayCore/HeldSnapshot/holds(_:)`` decides. A row that does not map is kept (the processor parks it).
public final class PollScheduler: Service, Sendable {
    /// One shop to poll.
    public struct Target: Sendable {
        /// The shop's connector.
        public var connector: any PlatformConnector
        /// Seconds between polls.
        public var intervalSeconds: Double
        /// How far back the first poll reaches when no cursor is stored.
        public var lookbackSeconds: Int64
        /// Overrides the platform's settle time (`nil`: the connector's ``GatewayCore/PollPolicy``).
        public var settleSeconds: Int64?

        /// Creates a target.
        public init(connector: any PlatformConnector, intervalSeconds: Double, lookbackSeconds: Int64, settleSeconds: Int64? = nil) {
            self.connector = connector
            self.intervalSeconds = intervalSeconds
            self.lookbackSeconds = lookbackSeconds
            self.settleSeconds = settleSeconds
        }
    }

    /// What one catch-up poll of a shop did.
    public struct Report: Sendable, Hashable {
        /// Windows requested.
        public var windows: Int
        /// Orders listed.
        public var ordersSeen: Int
        /// Orders new to the inbox (not seen at that update time before).
        public var ordersNew: Int
        /// Rows not sent to the inbox because this process stored them before.
        public var rowsSkipped: Int = 0
    }

    /// How many recent poll delivery ids are remembered per shop.
    public static let recentRowsPerShop = 50_000

    private let targets: [Target]
    private let inbox: any InboxStore
    private let cursors: any PollCursorStore
    private let orders: (any OrderStore)?
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger
    private let running = Mutex<Set<String>>([])
    private let recentRows = Mutex<[String: RecentKeys]>([:])

    /// Creates a scheduler.
    public init(
        targets: [Target],
        inbox: any InboxStore,
        cursors: any PollCursorStore,
        orders: (any OrderStore)? = nil,
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        logger: Logger = Logger(label: "poll-scheduler")
    ) {
        self.targets = targets
        self.inbox = inbox
        self.cursors = cursors
        self.orders = orders
        self.clock = clock
        self.logger = logger
    }

    /// Polls every shop on its interval until cancelled or shut down gracefully.
    public func run() async throws {
        if targets.isEmpty {
            // Nothing to poll: stay up until the group shuts down, so that a service group does not read an early return as the end.
            try? await gracefulShutdown()
            return
        }
        // Graceful shutdown cancels the loops, so that a poll interval's sleep does not hold up the exit.
        try? await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for target in self.targets {
                    group.addTask { await self.loop(target) }
                }
            }
        }
    }

    private func loop(_ target: Target) async {
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var delay = target.intervalSeconds
            do {
                _ = try await pollOnce(shop: target.connector.shop)
                failures = 0
            } catch {
                failures += 1
                delay = min(target.intervalSeconds * Double(1 << min(failures, 5)), 600)
                Counter(label: "gateway_poll_errors_total", dimensions: [("shop", target.connector.shop)]).increment()
                logger.warning("poll of \(target.connector.shop) failed; backing off \(Int(delay))s", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
        }
    }

    /// Polls one shop from its cursor up to now (minus the platform's settle time), window by window.
    /// - Throws: ``PipelineError`` if the shop is unknown or already being polled, or the platform's error.
    public func pollOnce(shop: String) async throws -> Report {
        guard let target = targets.first(where: { $0.connector.shop == shop }) else { throw PipelineError("shop \(shop) is not polled") }
        let acquired = running.withLock { $0.insert(shop).inserted }
        guard acquired else { throw PipelineError("shop \(shop) is already being polled") }
        defer { _ = running.withLock { $0.remove(shop) } }

        let policy = target.connector.pollPolicy
        let now = clock()
        let end = now.adding(seconds: -(target.settleSeconds ?? policy.settleSeconds))
        let cursor = try await cursors.pollCursor(shop: shop) ?? now.adding(seconds: -target.lookbackSeconds)
        var start = min(cursor.adding(seconds: -policy.overlapSeconds), end)
        var report = Report(windows: 0, ordersSeen: 0, ordersNew: 0)
        while start < end {
            let windowEnd = min(start.adding(seconds: policy.maxWindowSeconds), end)
            let deliveries = try await target.connector.poll(from: start, to: windowEnd)
            let unseen = recentRows.withLock { recent in
                deliveries.filter { !(recent[shop]?.contains($0.deliveryId) ?? false) }
            }
            let fresh = try await withoutHeldRows(unseen, connector: target.connector)
            let results = try await inbox.append(fresh)
            // Remembered only once stored (or found held): a row whose append failed is sent again by the next poll.
            recentRows.withLock { recent in
                var keys = recent[shop] ?? RecentKeys(capacity: Self.recentRowsPerShop)
                for delivery in unseen { keys.insert(delivery.deliveryId) }
                recent[shop] = keys
            }
            report.windows += 1
            report.ordersSeen += deliveries.count
            report.ordersNew += results.filter { !$0.isDuplicate }.count
            report.rowsSkipped += deliveries.count - fresh.count
            try await cursors.setPollCursor(shop: shop, to: windowEnd)
            start = windowEnd
        }
        Counter(label: "gateway_poll_orders_total", dimensions: [("shop", shop)]).increment(by: report.ordersNew)
        if report.rowsSkipped > 0 {
            Counter(label: "gateway_poll_rows_skipped_total", dimensions: [("shop", shop)]).increment(by: report.rowsSkipped)
        }
        return report
    }

    /// The rows with an observation the order does not already hold.
    private func withoutHeldRows(_ deliveries: [InboxDelivery], connector: any PlatformConnector) async throws -> [InboxDelivery] {
        guard let orders, !deliveries.isEmpty else { return deliveries }
        let mapped: [(delivery: InboxDelivery, observations: [OrderObservation]?)] = deliveries.map { delivery in
            let observations = try? connector.observations(from: InboxEntry(id: 0, delivery: delivery))
            return (delivery, observations.flatMap { $0.isEmpty ? nil : $0 })
        }
        let ids = mapped.flatMap { $0.observations?.map(\.key.platformOrderId) ?? [] }
        guard !ids.isEmpty else { return deliveries }
        let held = try await orders.heldSnapshots(platform: connector.platform, shop: connector.shop, orderIds: ids)
        return mapped.filter { item in
            guard let observations = item.observations else { return true }
            return !observations.allSatisfy { observation in
                observation.key.platform == connector.platform && observation.key.shop == connector.shop
                    && held[observation.key.platformOrderId]?.holds(observation) == true
            }
        }.map(\.delivery)
    }
}
