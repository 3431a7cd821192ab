public import GatewayCore
public import Logging
public import ServiceLifecycle
import Synchronization

/// Pushes each platform SKU's sellable quantity back to the platforms that sell it (design.md §2 step 4).
///
/// Every `debounce` interval it asks the inventory store which mapped platform SKUs now have a sellable
/// quantity different from what was last pushed, and pushes only those — so a burst of orders becomes
/// one push per SKU per interval, and a SKU whose available stock reaches its safety line is set to 0.
/// Failed pushes are retried with exponential back-off (1 s doubling to 60 s) per SKU.
public final class StockWriteBack: Service, Sendable {
    private let inventory: any InventoryStore
    private let connectors: [String: any PlatformConnector]
    private let debounce: Duration
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger
    private let backoff = Mutex<[MappingKey: (attempts: Int, until: Timestamp)]>([:])

    /// Creates the service.
    /// - Parameters:
    ///   - inventory: where sellable quantities come from and pushes are recorded.
    ///   - connectors: connectors by shop key.
    ///   - debounce: how long changes gather before a push.
    public init(
        inventory: any InventoryStore,
        connectors: [String: any PlatformConnector],
        debounce: Duration = .milliseconds(500),
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        logger: Logger
    ) {
        self.inventory = inventory
        self.connectors = connectors
        self.debounce = debounce
        self.clock = clock
        self.logger = logger
    }

    /// Pushes on every interval until cancelled or shut down gracefully.
    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                try? await Task.sleep(for: self.debounce)
                if Task.isCancelled { break }
                do {
                    _ = try await self.syncOnce()
                } catch {
                    self.logger.warning("stock write-back round failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// One round: pushes every changed sellable quantity. - Returns: what was pushed, failed or skipped.
    @discardableResult
    public func syncOnce() async throws -> StockSyncReport {
        var report = StockSyncReport()
        let now = clock()
        for push in try await inventory.pendingStockPushes() {
            let key = MappingKey(shop: push.shop, platformSkuId: push.platformSkuId)
            guard let connector = connectors[push.shop], connector.supportsStockWriteBack else {
                report.skipped += 1
                continue
            }
            if let wait = backoff.withLock({ $0[key] }), wait.until > now {
                report.deferred += 1
                continue
            }
            do {
                try await connector.setStock(push)
                try await inventory.recordStockPush(push, error: nil, at: clock())
                _ = backoff.withLock { $0.removeValue(forKey: key) }
                report.pushed.append(push)
                logger.debug("stock pushed", metadata: ["shop": "\(push.shop)", "sku": "\(push.platformSkuId)", "quantity": "\(push.quantity)"])
            } catch {
                try await inventory.recordStockPush(push, error: "\(error)", at: clock())
                let attempts = (backoff.withLock { $0[key]?.attempts } ?? 0) + 1
                let delay = Int64(min(60_000, 1000 << min(attempts - 1, 6)))
                backoff.withLock { $0[key] = (attempts, Timestamp(millisecondsSince1970: now.millisecondsSince1970 + delay)) }
                report.failed += 1
                logger.warning(
                    "stock push failed",
                    metadata: ["shop": "\(push.shop)", "sku": "\(push.platformSkuId)", "attempt": "\(attempts)", "error": "\(error)"]
                )
            }
        }
        return report
    }
}

/// What one stock write-back round did.
public struct StockSyncReport: Sendable, Hashable {
    /// Pushes that succeeded.
    public var pushed: [StockPush] = []
    /// Pushes that failed (retried later).
    public var failed = 0
    /// Pushes waiting for their back-off.
    public var deferred = 0
    /// SKUs of shops whose platform has no stock API.
    public var skipped = 0
}
