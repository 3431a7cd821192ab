public import GatewayCore

/// The whole gateway configuration (`config/gateway.yaml`, design.md §4 contract).
///
/// ## Configuration keys
/// - `server.host` (default `127.0.0.1`), `server.port` (default `8080`),
///   `server.max_body_bytes` (default `1048576`): the HTTP listener and the webhook body limit;
///   `server.idle_timeout_seconds` (default `30`), `server.request_timeout_seconds` (default `30`),
///   `server.max_connections` (default `4096`): slow and numerous clients (see `HTTPServerLimits`).
/// - `storage.url` (default `sqlite:data/gateway.sqlite`): `sqlite:PATH` or `postgres://…`.
/// - `storage.synchronous` (default `full`): SQLite durability, `full` or `normal`.
/// - `storage.max_queued_deliveries` (default `20000`), `storage.max_queued_bytes` (default `67108864`): the bound of
///   the inbox's group-commit queue; past it webhooks answer 503 with `Retry-After`.
/// - `pipeline.batch_size` (default `256`), `pipeline.idle_milliseconds` (default `50`),
///   `pipeline.detail_concurrency` (default `8`, per shop), `pipeline.max_attempts` (default `5`),
///   `pipeline.detail_timeout_milliseconds` (default `5000`), `pipeline.max_detail_backoff_milliseconds` (default `60000`),
///   `pipeline.ready_max_lag_seconds` (default `60`), `pipeline.ready_max_parked` (default `100`).
/// - `shops[]`: see ``ShopConfiguration``.
/// - `master_data.file` (default none): enterprises, warehouses, SKUs, mappings, stock and live events
///   (YAML, see ``MasterDataLoader``), seeded at start without overwriting staff changes; relative paths
///   are relative to the configuration file. `master_data.households`, `master_data.supply_lots`: CSV files.
/// - `stock_sync.enabled` (default `true`), `stock_sync.debounce_milliseconds` (default `500`): stock write-back.
/// - `security.*`: the failure throttles, see ``SecuritySettings``.
/// - `storage.data_keys` (no default; the shipped file reads `GATEWAY_DATA_KEY`): the keys that seal personal data and
///   raw payloads at rest, `KEY_ID:BASE64[,KEY_ID:BASE64…]` (``GatewayCore/DataKeyRing``).
/// - `retention.payload_days` (default `90`, 1…3650): raw payloads are deleted this many days after processing.
/// - `trace.public_base_url` (default: the server's own address, `http://HOST:PORT`): the base of the public trace URL
///   (`<public_base_url>/trace/<code>`) that parcel labels print as a QR code, see ``TraceSettings``.
public struct GatewayConfiguration: Sendable, Hashable {
    /// HTTP listener settings.
    public var server: ServerSettings
    /// Storage settings.
    public var storage: StorageSettings
    /// Pipeline settings.
    public var pipeline: PipelineSettings
    /// Configured shops, in file order.
    public var shops: [ShopConfiguration]
    /// Master data files.
    public var masterData = MasterDataSettings()
    /// Stock write-back settings.
    public var stockSync = StockSyncSettings()
    /// Sign-in and token failure throttles.
    public var security = SecuritySettings()
    /// Raw payload retention.
    public var retention = RetentionSettings()
    /// The public trace URL printed on parcel labels.
    public var trace = TraceSettings()
    /// The file the configuration was read from (for messages).
    public var sourcePath: String
    /// Values taken from the default of a `${NAME:-default}` because `NAME` was unset — demo secrets in the shipped
    /// file; `gateway serve` refuses to start with any unless `--allow-demo-secrets`.
    public var defaultedSettings: [DefaultedSetting] = []

    /// Creates a configuration.
    public init(
        server: ServerSettings = ServerSettings(),
        storage: StorageSettings = StorageSettings(),
        pipeline: PipelineSettings = PipelineSettings(),
        shops: [ShopConfiguration],
        sourcePath: String = "<memory>"
    ) {
        self.server = server
        self.storage = storage
        self.pipeline = pipeline
        self.shops = shops
        self.sourcePath = sourcePath
    }

    /// The shop with a key, if configured.
    public func shop(_ key: String) -> ShopConfiguration? { shops.first { $0.key == key } }
}

/// HTTP listener settings.
public struct ServerSettings: Sendable, Hashable {
    /// Interface to bind.
    public var host: String
    /// Port to bind (0 picks a free one).
    public var port: Int
    /// Largest webhook body accepted; larger bodies get 413.
    public var maxBodyBytes: Int
    /// Seconds an idle connection, or one whose request head is still arriving, stays open.
    public var idleTimeoutSeconds: Int
    /// Seconds a request may take from its head to its last body byte before the connection is cut.
    public var requestTimeoutSeconds: Int
    /// Most connections open at once; more wait in the kernel's accept queue.
    public var maxConnections: Int

    /// Creates server settings.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        maxBodyBytes: Int = 1 << 20,
        idleTimeoutSeconds: Int = 30,
        requestTimeoutSeconds: Int = 30,
        maxConnections: Int = 4096
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.maxConnections = maxConnections
    }
}

/// Storage settings.
public struct StorageSettings: Sendable, Hashable {
    /// `sqlite:PATH` or `postgres://user:pass@host:port/db`.
    public var url: String
    /// SQLite `synchronous` pragma: `full` (default: an acknowledged delivery survives power loss) or `normal`
    /// (survives a process crash, not a power loss).
    public var synchronous: String
    /// Most deliveries waiting for the inbox's group commit; past it webhooks answer 503 with `Retry-After`.
    public var maxQueuedDeliveries: Int
    /// Most payload bytes waiting for the inbox's group commit; past it webhooks answer 503 with `Retry-After`.
    public var maxQueuedBytes: Int
    /// The keys that seal personal data and raw payloads at rest (`storage.data_keys`); `nil` when not configured,
    /// in which case opening the storage is refused.
    public var dataKeys: DataKeyRing?

    /// Creates storage settings.
    public init(
        url: String = "sqlite:data/gateway.sqlite",
        synchronous: String = "full",
        maxQueuedDeliveries: Int = 20_000,
        maxQueuedBytes: Int = 64 << 20,
        dataKeys: DataKeyRing? = nil
    ) {
        self.url = url
        self.synchronous = synchronous
        self.maxQueuedDeliveries = maxQueuedDeliveries
        self.maxQueuedBytes = maxQueuedBytes
        self.dataKeys = dataKeys
    }
}

/// How long raw platform payloads are kept.
public struct RetentionSettings: Sendable, Hashable {
    /// The accepted range of `retention.payload_days`.
    public static let payloadDaysRange = 1...3650
    /// Days after processing that a raw payload is deleted (`retention.payload_days`).
    public var payloadDays: Int

    /// Creates settings.
    public init(payloadDays: Int = 90) { self.payloadDays = payloadDays }
}

/// Pipeline settings.
public struct PipelineSettings: Sendable, Hashable {
    /// Inbox entries processed per transaction.
    public var batchSize: Int
    /// How long the processor sleeps when the inbox is empty and nothing wakes it.
    public var idleMilliseconds: Int
    /// Detail fetches run at once.
    public var detailConcurrency: Int
    /// Failed detail attempts after which a delivery still waiting for its detail is logged as an error (it keeps
    /// waiting; it is never merged without its lines).
    public var maxAttempts: Int
    /// How long one batch waits for detail fetches; a shop whose fetches time out backs off.
    public var detailTimeoutMilliseconds: Int
    /// The longest wait between two detail attempts of one delivery.
    public var maxDetailBackoffMilliseconds: Int
    /// `/readyz` answers 503 when the oldest waiting delivery has waited longer than this.
    public var readyMaxLagSeconds: Int
    /// `/readyz` answers 503 when more deliveries than this are parked.
    public var readyMaxParked: Int

    /// Creates pipeline settings.
    public init(
        batchSize: Int = 256,
        idleMilliseconds: Int = 50,
        detailConcurrency: Int = 8,
        maxAttempts: Int = 5,
        detailTimeoutMilliseconds: Int = 5_000,
        maxDetailBackoffMilliseconds: Int = 60_000,
        readyMaxLagSeconds: Int = 60,
        readyMaxParked: Int = 100
    ) {
        self.batchSize = batchSize
        self.idleMilliseconds = idleMilliseconds
        self.detailConcurrency = detailConcurrency
        self.maxAttempts = maxAttempts
        self.detailTimeoutMilliseconds = detailTimeoutMilliseconds
        self.maxDetailBackoffMilliseconds = maxDetailBackoffMilliseconds
        self.readyMaxLagSeconds = readyMaxLagSeconds
        self.readyMaxParked = readyMaxParked
    }
}

/// Where master data is seeded from (paths resolved against the configuration file's folder).
public struct MasterDataSettings: Sendable, Hashable {
    /// The master data YAML file.
    public var file: String?
    /// The household registry CSV.
    public var households: String?
    /// The supply lots CSV.
    public var supplyLots: String?

    /// Creates settings.
    public init(file: String? = nil, households: String? = nil, supplyLots: String? = nil) {
        self.file = file
        self.households = households
        self.supplyLots = supplyLots
    }
}

/// Stock write-back settings.
public struct StockSyncSettings: Sendable, Hashable {
    /// Whether sellable quantities are pushed to the platforms.
    public var enabled: Bool
    /// How long changes are gathered before one push per changed SKU.
    public var debounceMilliseconds: Int

    /// Creates settings.
    public init(enabled: Bool = true, debounceMilliseconds: Int = 500) {
        self.enabled = enabled
        self.debounceMilliseconds = debounceMilliseconds
    }
}
