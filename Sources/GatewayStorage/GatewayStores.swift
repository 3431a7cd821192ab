public import GatewayCore
public import ServiceLifecycle

/// The set of stores the gateway runs on, opened from a storage URL.
public struct GatewayStores: Sendable {
    /// The durable inbox.
    public let inbox: any InboxStore
    /// Orders and timelines.
    public let orders: any OrderStore
    /// Poll cursors.
    public let cursors: any PollCursorStore
    /// Staff users, sessions and API tokens.
    public let staff: any StaffDirectory
    /// The audit log of staff actions.
    public let audit: any AuditLog
    /// Master data, stock, fulfilment, exceptions and live events.
    public let inventory: any InventoryStore
    /// Households, supply lots, allocations and trace codes.
    public let supply: any SupplyStore
    /// Deleting raw payloads after their retention period (`nil`: the store keeps them).
    public let retention: (any PayloadRetentionStore)?
    /// Statement reconciliation runs, on the same database as the orders they compare (`nil`: not available).
    public let reconciliation: (any ReconciliationStore)?
    /// Shipments and their write-backs to the platforms (`nil`: not available).
    public let shipments: (any ShipmentStore)?
    /// Pick lists, packing views and parcel labels for the warehouse (`nil`: not available).
    public let packing: (any PackingStore)?
    /// The inbox's group-commit writer, when the caller must run it as a service (before the HTTP server in the group, so
    /// that it stops after it); `nil` when the inbox needs none or runs its own.
    public let inboxWriter: (any Service)?

    /// Creates a set of stores.
    public init(
        inbox: any InboxStore,
        orders: any OrderStore,
        cursors: any PollCursorStore,
        staff: any StaffDirectory,
        audit: any AuditLog,
        inventory: any InventoryStore,
        supply: any SupplyStore,
        retention: (any PayloadRetentionStore)? = nil,
        reconciliation: (any ReconciliationStore)? = nil,
        shipments: (any ShipmentStore)? = nil,
        packing: (any PackingStore)? = nil,
        inboxWriter: (any Service)? = nil
    ) {
        self.inbox = inbox
        self.orders = orders
        self.cursors = cursors
        self.staff = staff
        self.audit = audit
        self.inventory = inventory
        self.supply = supply
        self.retention = retention
        self.reconciliation = reconciliation
        self.shipments = shipments
        self.packing = packing
        self.inboxWriter = inboxWriter
    }

    /// Opens the stores for a storage URL: one database (for SQLite one ``SQLiteDatabase`` over one `DatabasePool`) that
    /// serves every port.
    ///
    /// ## Configuration keys
    /// - `storage.url`: `sqlite:PATH` (embedded, the default) or `postgres://user:pass@host:port/db`.
    /// - `storage.synchronous`: `full` or `normal` (SQLite only).
    /// - `storage.max_queued_deliveries`, `storage.max_queued_bytes`: the inbox's commit queue bound.
    /// - `storage.data_keys`: the keys that seal personal data and raw payloads at rest; required.
    /// - Parameter startingInboxWriter: run the inbox's group-commit writer in a task for the stores' life (tools and
    ///   tests that append to the inbox without a service group). By default it does not run: the gateway runs
    ///   ``inboxWriter`` in its service group instead.
    /// - Throws: ``StorageError`` for an unsupported or malformed URL, missing data keys (`keys` is `nil`), or data keys
    ///   that do not fit the database.
    public static func open(
        url: String,
        synchronous: String = "full",
        maxQueuedDeliveries: Int = 20_000,
        maxQueuedBytes: Int = 64 << 20,
        keys: DataKeyRing?,
        startingInboxWriter: Bool = false
    ) throws -> GatewayStores {
        if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw StorageError("storage url \"\(url)\" names no file; use sqlite:data/gateway.sqlite") }
            guard let keys else { throw StorageError.missingDataKeys }
            let database = try SQLiteDatabase.open(path: path, synchronous: synchronous, keys: keys)
            let inbox = SQLiteInboxStore(
                database: database,
                maxQueuedDeliveries: maxQueuedDeliveries,
                maxQueuedBytes: maxQueuedBytes,
                startingWriter: startingInboxWriter
            )
            // One value, one writer: the database is every port but the inbox (whose class owns the writer service).
            return GatewayStores(
                inbox: inbox,
                orders: database,
                cursors: database,
                staff: database,
                audit: database,
                inventory: database,
                supply: database,
                retention: database,
                reconciliation: database,
                shipments: database,
                packing: database,
                inboxWriter: startingInboxWriter ? nil : inbox.commitWriter
            )
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            throw StorageError("PostgreSQL storage is not available in this build yet; use sqlite:PATH (see README, Scale-out)")
        }
        throw StorageError("unsupported storage url \"\(url)\": expected sqlite:PATH or postgres://user:pass@host:port/db")
    }
}

/// A storage configuration or availability problem with a readable message.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// No data keys are configured.
    public static let missingDataKeys = StorageError(
        "storage.data_keys is not set: personal data and raw payloads are stored encrypted; set GATEWAY_DATA_KEY to KEY_ID:BASE64 "
            + "(32 random bytes, e.g. k1:$(openssl rand -base64 32)) and storage.data_keys: \"${GATEWAY_DATA_KEY}\""
    )
}
