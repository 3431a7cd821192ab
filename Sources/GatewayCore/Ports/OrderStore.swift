/// Canonical orders and their timelines (design.md §2 step 3).
public protocol OrderStore: Sendable {
    /// Merges a batch of processed deliveries in **one transaction**: each observation is merged into
    /// its order with ``OrderMerger``, lands on the timeline, and each inbox entry is marked processed.
    ///
    /// Entries already marked processed are skipped, so a batch replayed after a crash changes nothing twice.
    /// - Returns: the merge results in the order they were applied.
    func commit(_ batch: [ProcessedDelivery], at now: Timestamp) async throws -> [MergeResult]

    /// One order, if known.
    func order(_ key: OrderKey) async throws -> CanonicalOrder?

    /// An order's timeline, oldest first.
    /// - Parameter payloads: whether to read (and open) each entry's raw payload; without, ``TimelineEntry/rawPayload``
    ///   is empty. Only callers allowed to open raw payloads (``StaffPrincipal/canOpenRawPayloads``) ask for them.
    func timeline(_ key: OrderKey, payloads: Bool) async throws -> [TimelineEntry]

    /// The buyer's plaintext contact of an order (``BuyerInfo/receiver``), opened from its sealed form; `nil` when the
    /// platform sent none. For shipping labels; never for display.
    func receiver(of key: OrderKey) async throws -> BuyerContact?

    /// Orders matching a query, most recently updated first.
    func orders(matching query: OrderQuery) async throws -> [CanonicalOrder]

    /// Counts of orders by shop and status, and of merge decisions.
    func statistics() async throws -> OrderStatistics

    /// For each of these orders of one shop that holds a snapshot, ``CanonicalOrder/heldSnapshot`` (others are left
    /// out). Read by the poller before it sends rows to the inbox and by the processor before it fetches details.
    func heldSnapshots(platform: Platform, shop: String, orderIds: [String]) async throws -> [String: HeldSnapshot]

    /// How many processed deliveries changed no order (every observation merged as `duplicate` or `stale`); `nil` when
    /// the store cannot tell. Reads the whole timeline: for reports such as the demo's summary, not for metrics.
    func deliveriesWithoutChange() async throws -> Int?
}

extension OrderStore {
    /// An order's timeline with its raw payloads, oldest first.
    public func timeline(_ key: OrderKey) async throws -> [TimelineEntry] { try await timeline(key, payloads: true) }

    /// Not known.
    public func deliveriesWithoutChange() async throws -> Int? { nil }

    /// Reads each order (stores with columns for it answer in one query instead).
    public func heldSnapshots(platform: Platform, shop: String, orderIds: [String]) async throws -> [String: HeldSnapshot] {
        var held: [String: HeldSnapshot] = [:]
        for id in Set(orderIds) {
            if let snapshot = try await order(OrderKey(platform: platform, shop: shop, platformOrderId: id))?.heldSnapshot {
                held[id] = snapshot
            }
        }
        return held
    }

    /// The receiver of an order as held in memory (stores that keep orders sealed open it instead).
    public func receiver(of key: OrderKey) async throws -> BuyerContact? { try await order(key)?.snapshot?.buyer.receiver }
}

/// Filters for listing orders.
public struct OrderQuery: Sendable, Hashable {
    /// Only this platform.
    public var platform: Platform?
    /// Only this shop.
    public var shop: String?
    /// Only this status.
    public var status: OrderStatus?
    /// At most this many.
    public var limit: Int
    /// Skip this many.
    public var offset: Int
    /// Only orders whose platform order id starts with this.
    public var platformOrderIdPrefix: String?
    /// Only orders whose buyer phone ends with these digits (``BuyerInfo/phoneTail``, else the masked phone's last digits).
    public var phoneTail: String?
    /// Only orders with a line of this SKU (platform `skuId` or merchant `outSkuId`).
    public var sku: String?
    /// Only orders created at or after this instant.
    public var createdFrom: Timestamp?
    /// Only orders created before this instant.
    public var createdBefore: Timestamp?
    /// Only orders of these shops (`nil`: any shop; empty: none) — how staff are kept to their enterprise.
    public var shops: Set<String>?
    /// Only orders attributed to this live event.
    public var liveEventId: String?

    /// Creates a query.
    public init(platform: Platform? = nil, shop: String? = nil, status: OrderStatus? = nil, limit: Int = 100, offset: Int = 0) {
        self.platform = platform
        self.shop = shop
        self.status = status
        self.limit = limit
        self.offset = offset
    }
}
