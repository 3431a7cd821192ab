public import GatewayCore
public import GatewayPipeline
public import GatewayReconciliation
public import Prometheus

/// Everything the HTTP layer needs, as ports and plain values.
public struct GatewayHTTPDependencies: Sendable {
    /// Push receivers by shop key.
    public var receivers: [String: any PushReceiver]
    /// The platform of each shop key.
    public var platforms: [String: Platform]
    /// The inbox.
    public var inbox: any InboxStore
    /// Orders and timelines.
    public var orders: any OrderStore
    /// Bearer tokens accepted by the staff API.
    public var apiTokens: [String]
    /// Largest webhook body accepted.
    public var maxBodyBytes: Int
    /// Where `/metrics` reads from.
    public var metricsRegistry: PrometheusCollectorRegistry
    /// The clock.
    public var clock: @Sendable () -> Timestamp
    /// Staff users, sessions and API tokens (`nil`: only the bootstrap tokens in ``apiTokens`` work, the console cannot sign in).
    public var staff: (any StaffDirectory)?
    /// Where staff actions are recorded (`nil`: not recorded).
    public var audit: (any AuditLog)?
    /// The enterprise of each shop key (config `shops[].enterprise`): how staff are kept to their enterprise.
    public var shopEnterprises: [String: String]
    /// Session, lock-out and cookie settings.
    public var access: StaffAccessSettings
    /// Master data, stock, exceptions and live events (`nil`: the inventory API is not served).
    public var inventory: (any InventoryStore)?
    /// Households, allocations and trace codes (`nil`: the supply API and trace pages are not served).
    public var supply: (any SupplyStore)?
    /// Statement import and reconciliation runs (`nil`: the reconciliation API and console page are not served).
    public var reconciliation: ReconciliationService?
    /// When `/readyz` turns not-ready.
    public var readiness = ReadinessThresholds()
    /// Shipments and their write-backs (`nil`: the shipment API is not served).
    public var shipments: (any ShipmentStore)?

    /// Creates dependencies.
    public init(
        receivers: [String: any PushReceiver],
        platforms: [String: Platform],
        inbox: any InboxStore,
        orders: any OrderStore,
        apiTokens: [String],
        maxBodyBytes: Int,
        metricsRegistry: PrometheusCollectorRegistry,
        clock: @escaping @Sendable () -> Timestamp,
        staff: (any StaffDirectory)? = nil,
        audit: (any AuditLog)? = nil,
        shopEnterprises: [String: String] = [:],
        access: StaffAccessSettings = StaffAccessSettings(),
        inventory: (any InventoryStore)? = nil,
        supply: (any SupplyStore)? = nil,
        reconciliation: ReconciliationService? = nil
    ) {
        self.receivers = receivers
        self.platforms = platforms
        self.inbox = inbox
        self.orders = orders
        self.apiTokens = apiTokens
        self.maxBodyBytes = maxBodyBytes
        self.metricsRegistry = metricsRegistry
        self.clock = clock
        self.staff = staff
        self.audit = audit
        self.shopEnterprises = shopEnterprises
        self.access = access
        self.inventory = inventory
        self.supply = supply
        self.reconciliation = reconciliation
    }
}
