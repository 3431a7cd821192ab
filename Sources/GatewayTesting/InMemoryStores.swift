public import GatewayCore
public import GatewayStorage

/// An in-memory inbox and order store for pipeline tests. Its commit runs the same ``OrderLifecycle`` as the SQLite
/// store over a ``MemoryLifecycleState``, so pipeline tests see reservations, allocations and exceptions.
public actor InMemoryStores: InboxStore, OrderStore, PollCursorStore {
    /// Orders, fulfilment, stock and supply, changed only by the lifecycle's output.
    public var lifecycle: MemoryLifecycleState
    /// The inbox, in append order (ids are positions + 1).
    public var entries: [InboxEntry] = []
    /// Processed inbox entries.
    public var processed: Set<Int64> = []
    /// Deferred entries and when they are due.
    public var notBefore: [Int64: Timestamp] = [:]
    /// Orders, as the lifecycle stored them.
    public var ordersByKey: [OrderKey: CanonicalOrder] { lifecycle.orders }
    /// Timelines by order.
    public var timelines: [OrderKey: [TimelineEntry]] = [:]
    /// Poll cursors by shop.
    public var cursors: [String: Timestamp] = [:]
    /// Parked deliveries by inbox id.
    public var parked: [Int64: ParkedDelivery] = [:]
    /// How often each entry was handed out without being processed.
    public var inFlight: [Int64: Int] = [:]
    /// Deliveries whose commit throws (as a storage fault would), to test isolation.
    public var poisonedDeliveryIds: Set<String> = []
    /// How many commits were asked for.
    public var commitCalls = 0
    /// Shipments by id, each with its write-back (``InMemoryStores+Shipments``).
    public var shipmentsById: [Int64: Shipment] = [:]
    /// Write-back leases: write-back id → when the claim ends.
    public var writeBackLeases: [Int64: Timestamp] = [:]
    /// Unknown outcomes whose read-back failed, and when to read again.
    public var unknownRetryAt: [Int64: Timestamp] = [:]

    /// Stores over master data and stock (none by default: every line is then held as unmapped).
    public init(masterData: MasterData = MasterData(), stock: StockBook = StockBook(levels: [])) {
        lifecycle = MemoryLifecycleState(masterData: masterData, stock: stock)
    }

    /// Declares farmer supply.
    public func addSupply(households: [Household], lots: [SupplyLot]) {
        for household in households { lifecycle.households[household.id] = household }
        lifecycle.lots += lots
    }

    public func poison(_ deliveryId: String) { poisonedDeliveryIds.insert(deliveryId) }

    public func append(_ deliveries: [InboxDelivery]) async throws -> [InboxAppendResult] {
        deliveries.map { delivery in
            if let index = entries.firstIndex(where: {
                $0.delivery.platform == delivery.platform && $0.delivery.shop == delivery.shop && $0.delivery.deliveryId == delivery.deliveryId
            }) {
                entries[index].receivedCount += 1
                return .duplicate(id: entries[index].id)
            }
            let entry = InboxEntry(id: Int64(entries.count + 1), delivery: delivery)
            entries.append(entry)
            return .stored(id: entry.id)
        }
    }

    public func pending(limit: Int, now: Timestamp) async throws -> [InboxEntry] {
        Array(
            entries.filter { !processed.contains($0.id) && parked[$0.id] == nil && (notBefore[$0.id] ?? now) <= now }.prefix(limit).map {
                var entry = $0
                entry.inFlight = inFlight[$0.id] ?? 0
                return entry
            }
        )
    }

    public func deferEntries(_ ids: [Int64], until: Timestamp, error: String) async throws {
        for id in ids {
            notBefore[id] = until
            inFlight[id] = 0
            if let index = entries.firstIndex(where: { $0.id == id }) { entries[index].attempts += 1 }
        }
    }

    public func markInFlight(_ ids: [Int64]) async throws {
        for id in ids { inFlight[id, default: 0] += 1 }
    }

    public func park(_ deliveries: [ParkedDelivery], at now: Timestamp) async throws {
        for delivery in deliveries {
            guard let entry = entries.first(where: { $0.id == delivery.inboxId }) else { continue }
            lifecycle.inbox[entry.id] = processed.contains(entry.id)
            lifecycle.unprocessed[entry.id] = UnprocessedDelivery(
                platform: entry.delivery.platform,
                shop: entry.delivery.shop,
                deliveryId: entry.delivery.deliveryId,
                attempts: entry.attempts
            )
        }
        let (_, changes) = try lifecycle.run(at: now, random: SystemRandomNumberGenerator()) { try $0.park(deliveries) }
        for delivery in changes.parked {
            parked[delivery.inboxId] = delivery
            inFlight[delivery.inboxId] = 0
        }
    }

    /// Puts a parked delivery back (staff's re-run).
    public func unpark(_ id: Int64) { parked[id] = nil }

    /// Makes an entry read back as a store reads a payload it cannot open (its data key is not configured).
    public func makeUnreadable(_ id: Int64, _ message: String) {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return }
        entries[index].unreadable = message
        entries[index].delivery.payload = []
    }

    public func counts() async throws -> InboxCounts {
        InboxCounts(
            total: entries.count,
            unprocessed: entries.count - processed.count - parked.count,
            duplicatesAbsorbed: entries.reduce(0) { $0 + $1.receivedCount - 1 },
            parked: parked.count
        )
    }

    public func commit(_ batch: [ProcessedDelivery], at now: Timestamp) async throws -> [MergeResult] {
        commitCalls += 1
        if let poisoned = batch.first(where: { poisonedDeliveryIds.contains($0.deliveryId) }) {
            throw InMemoryStoreFault.storageFault(poisoned.deliveryId)
        }
        for delivery in batch { lifecycle.inbox[delivery.inboxId] = processed.contains(delivery.inboxId) }
        let (_, changes) = try lifecycle.run(at: now, random: SystemRandomNumberGenerator()) { try $0.commit(batch) }
        for record in changes.timeline {
            timelines[record.order, default: []].append(
                TimelineEntry(
                    inboxId: record.inboxId,
                    deliveryId: record.deliveryId,
                    receivedCount: 1,
                    source: record.source,
                    event: record.event,
                    decision: record.decision,
                    statusBefore: record.statusBefore,
                    statusAfter: record.statusAfter,
                    platformUpdatedAt: record.platformUpdatedAt,
                    recordedAt: now,
                    rawPayload: record.rawPayload
                )
            )
        }
        for id in changes.processedInboxIds {
            processed.insert(id)
            inFlight[id] = 0
        }
        return changes.results
    }

    public func order(_ key: OrderKey) async throws -> CanonicalOrder? { ordersByKey[key] }
    public func timeline(_ key: OrderKey, payloads: Bool) async throws -> [TimelineEntry] {
        (timelines[key] ?? []).map { entry in
            var entry = entry
            if !payloads { entry.rawPayload = "" }
            return entry
        }
    }
    public func orders(matching query: OrderQuery) async throws -> [CanonicalOrder] { Array(ordersByKey.values) }
    public func statistics() async throws -> OrderStatistics {
        var statistics = OrderStatistics()
        for order in ordersByKey.values { statistics.ordersByShopAndStatus[order.key.shop, default: [:]][order.status, default: 0] += 1 }
        for entry in timelines.values.joined() { statistics.decisions[entry.decision, default: 0] += 1 }
        return statistics
    }

    public func pollCursor(shop: String) async throws -> Timestamp? { cursors[shop] }
    public func setPollCursor(shop: String, to cursor: Timestamp) async throws { cursors[shop] = max(cursors[shop] ?? cursor, cursor) }
}
