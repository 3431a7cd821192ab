import AsyncHTTPClient
public import GatewayConfig
public import GatewayConnectors
public import GatewayCore
public import GatewayHTTP
import GatewayPipeline
public import GatewayStorage
public import Logging
import ServiceLifecycle
import Synchronization

/// The whole gateway in one process: stores, connectors, the inbox processor, the poll scheduler, stock write-back and
/// retention, all on one injected ``GatewayCore/GatewayClock``. ``buildApplication(_:onRunning:)`` and
/// ``buildServiceGroup(_:runPipeline:gracefulShutdownSignals:onRunning:)`` turn it into the HTTP application and the
/// service group that runs everything.
///
/// ## Configuration keys
/// Reads the whole ``GatewayConfig/GatewayConfiguration``: `server.*`, `storage.*` (with `storage.data_keys`), `pipeline.*`,
/// `retention.payload_days`, `shops[]`.
/// The environment variable `GATEWAY_ADMIN_TOKEN` is the bootstrap staff API token.
public final class GatewayServer: Sendable {
    /// The configuration in force.
    public let configuration: GatewayConfiguration
    /// The stores.
    public let stores: GatewayStores
    /// The connectors.
    public let registry: ConnectorRegistry
    /// The inbox processor.
    public let processor: InboxProcessor
    /// The poll scheduler.
    public let poller: PollScheduler
    /// Stock write-back to the platforms.
    public let stockWriteBack: StockWriteBack
    /// Writes recorded shipments back to the platforms (`nil`: the stores keep no shipments).
    public let shipmentWriteBack: ShipmentWriteBackSender?
    /// Deletes raw payloads past `retention.payload_days` (`nil` when the store keeps them).
    public let retention: PayloadRetention?
    /// The one clock everything here reads "now" from.
    public let clock: GatewayClock
    let logger: Logger
    let apiTokens: [String]
    let access: StaffAccessSettings
    private let runState = Mutex<RunState>(RunState())

    private struct RunState {
        var task: Task<Void, any Error>?
        var group: ServiceGroup?
    }

    /// Opens stores and builds connectors.
    /// - Parameters:
    ///   - configuration: the loaded configuration (override `storage.url` / `server.port` before passing it in).
    ///   - apiTokens: bearer tokens for the staff API (e.g. `GATEWAY_ADMIN_TOKEN`).
    ///   - http: the HTTP client for platform APIs.
    ///   - runPoller: whether the backstop poller runs (tests may drive polls by hand).
    ///   - access: console session, lock-out and cookie settings.
    ///   - clock: the one source of "now" (the wall clock unless a test injects its own).
    public init(
        configuration: GatewayConfiguration,
        apiTokens: [String],
        http: HTTPClient = .shared,
        logger: Logger = Logger(label: "gateway"),
        access: StaffAccessSettings = StaffAccessSettings(),
        clock: GatewayClock = .system
    ) throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.apiTokens = apiTokens
        var access = access
        access.clientThrottle = ThrottlePolicy(
            burst: configuration.security.clientFailureBurst,
            refillMilliseconds: Int64(configuration.security.clientFailureRefillMilliseconds)
        )
        access.usernameThrottle = ThrottlePolicy(
            burst: configuration.security.usernameFailureBurst,
            refillMilliseconds: Int64(configuration.security.usernameFailureRefillMilliseconds)
        )
        self.access = access
        let stores = try GatewayStores.open(
            url: configuration.storage.url,
            synchronous: configuration.storage.synchronous,
            maxQueuedDeliveries: configuration.storage.maxQueuedDeliveries,
            maxQueuedBytes: configuration.storage.maxQueuedBytes,
            keys: configuration.storage.dataKeys,
            startingInboxWriter: false
        )
        self.stores = stores
        let registry = try buildConnectorRegistry(configuration: configuration, http: http, clock: clock, logger: logger)
        self.registry = registry
        let pipeline = configuration.pipeline
        self.processor = InboxProcessor(
            inbox: stores.inbox,
            orders: stores.orders,
            connectors: registry.connectors,
            settings: .init(
                batchSize: pipeline.batchSize,
                idleMilliseconds: pipeline.idleMilliseconds,
                detailConcurrency: pipeline.detailConcurrency,
                maxAttempts: pipeline.maxAttempts,
                detailTimeoutMilliseconds: pipeline.detailTimeoutMilliseconds,
                maxDetailBackoffMilliseconds: pipeline.maxDetailBackoffMilliseconds
            ),
            clock: clock.now,
            logger: logger
        )
        let targets = configuration.shops.compactMap { shop -> PollScheduler.Target? in
            guard shop.poll.enabled, let connector = registry.connectors[shop.key] else { return nil }
            return PollScheduler.Target(
                connector: connector,
                intervalSeconds: shop.poll.intervalSeconds,
                lookbackSeconds: shop.poll.lookbackSeconds,
                settleSeconds: shop.poll.settleSeconds
            )
        }
        self.poller = PollScheduler(
            targets: targets,
            inbox: stores.inbox,
            cursors: stores.cursors,
            orders: stores.orders,
            clock: clock.now,
            logger: logger
        )
        self.stockWriteBack = StockWriteBack(
            inventory: stores.inventory,
            connectors: registry.connectors,
            debounce: .milliseconds(configuration.stockSync.debounceMilliseconds),
            clock: clock.now,
            logger: logger
        )
        self.shipmentWriteBack = stores.shipments.map {
            ShipmentWriteBackSender(store: $0, connectors: registry.connectors, clock: clock.now, logger: logger)
        }
        self.retention = stores.retention.map {
            PayloadRetention(store: $0, payloadDays: configuration.retention.payloadDays, clock: clock.now, logger: logger)
        }
    }

    /// Seeds master data, then runs ``buildServiceGroup(_:runPipeline:gracefulShutdownSignals:onRunning:)`` until
    /// SIGTERM/SIGINT (or ``shutdown()``), then shuts down gracefully.
    /// - Parameters:
    ///   - runPipeline: run the inbox processor and the poller (off only for ingest-only benchmarks and tests).
    ///   - onRunning: called with the bound port once the server listens.
    public func run(runPipeline: Bool = true, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await seedMasterData()
        let group = try buildServiceGroup(self, runPipeline: runPipeline, onRunning: onRunning)
        runState.withLock { $0.group = group }
        try await group.run()
    }

    /// What the HTTP layer needs from the gateway: stores, receivers, tokens, limits and the clock.
    func httpDependencies() throws -> GatewayHTTPDependencies {
        var dependencies = GatewayHTTPDependencies(
            receivers: registry.receivers,
            platforms: registry.platforms,
            inbox: stores.inbox,
            orders: stores.orders,
            apiTokens: apiTokens,
            maxBodyBytes: configuration.server.maxBodyBytes,
            metricsRegistry: GatewayMetrics.registry,
            clock: clock.now,
            staff: stores.staff,
            audit: stores.audit,
            shopEnterprises: Dictionary(configuration.shops.map { ($0.key, $0.enterprise) }, uniquingKeysWith: { first, _ in first }),
            access: access,
            inventory: stores.inventory,
            supply: stores.supply,
            reconciliation: reconciliationService()
        )
        dependencies.shipments = stores.shipments
        dependencies.readiness = ReadinessThresholds(
            maxLagSeconds: Double(configuration.pipeline.readyMaxLagSeconds),
            maxParked: configuration.pipeline.readyMaxParked
        )
        return dependencies
    }

    /// Seeds master data, households and supply lots from the `master_data` files (existing rows are kept).
    public func seedMasterData() async throws {
        let summary = try await MasterDataSeeder.seed(configuration, into: stores, clock: clock)
        logger.info("master data: \(summary)")
    }

    /// Starts ``run(runPipeline:onRunning:)`` in the background and returns the bound port.
    public func start(runPipeline: Bool = true) async throws -> Int {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await self.run(runPipeline: runPipeline) { port in continuation.yield(port) }
        }
        runState.withLock { $0.task = task }
        for await port in stream { return port }
        try await task.value
        throw PipelineError("the gateway stopped before it listened")
    }

    /// Shuts a server started with ``start(runPipeline:)`` down gracefully and waits for it.
    public func shutdown() async {
        let (group, task) = runState.withLock { ($0.group, $0.task) }
        await group?.triggerGracefulShutdown()
        _ = try? await task?.value
    }
}
