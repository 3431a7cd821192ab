public import GatewayCore

/// What ``GatewayCore/OrderLifecycle`` reads and changes, kept in memory: the faithful fake of a store's rows (orders,
/// timeline, line fulfilments, stock, lots, parcels, exceptions), reading through ``GatewayCore/LifecycleReader`` and
/// applying ``GatewayCore/LifecycleChanges`` the way ``SQLiteLifecycle`` does. For tests and the in-memory stores.
public struct MemoryLifecycleState: LifecycleReader, Sendable {
    /// A parcel as stored.
    public struct StoredParcel: Sendable, Hashable {
        /// The parcel as allocated.
        public var parcel: NewParcel
        /// Whether it was given back.
        public var reversed: Bool

        /// Creates a stored parcel.
        public init(parcel: NewParcel, reversed: Bool) {
            self.parcel = parcel
            self.reversed = reversed
        }
    }

    /// Enterprises, warehouses, SKUs, mappings.
    public var masterData: MasterData
    /// Stock levels.
    public var stock: StockBook
    /// Live events, newest first.
    public var liveEvents: [LiveEvent] = []
    /// Inbox entries by id: `true` once processed.
    public var inbox: [Int64: Bool] = [:]
    /// Unprocessed inbox entries as parking reads them (the in-memory inbox keeps them itself).
    public var unprocessed: [Int64: UnprocessedDelivery] = [:]
    /// Parked deliveries by inbox id.
    public var parked: [Int64: ParkedDelivery] = [:]
    /// Orders.
    public var orders: [OrderKey: CanonicalOrder] = [:]
    /// Timeline rows, oldest first.
    public var timeline: [TimelineRecord] = []
    /// Line fulfilments by order and line.
    public var fulfilments: [OrderKey: [String: LineFulfilment]] = [:]
    /// Every exception, by id order (ids are positions + 1).
    public var exceptions: [FulfilmentException] = []
    /// Every parcel ever allocated.
    public var parcels: [StoredParcel] = []
    /// Supply lots.
    public var lots: [SupplyLot] = []
    /// Allocated grams by lot.
    public var lotAllocatedGrams: [String: Int64] = [:]
    /// Households by id.
    public var households: [String: Household] = [:]
    /// Allocation policies by enterprise.
    public var policies: [String: AllocationPolicy] = [:]
    /// Live event of each attributed order.
    public var attributions: [OrderKey: String] = [:]

    /// An empty state over master data and stock.
    public init(masterData: MasterData, stock: StockBook) {
        self.masterData = masterData
        self.stock = stock
    }

    /// The context a run reads whole.
    public var context: LifecycleContext {
        LifecycleContext(masterData: masterData, stock: StockBook(levels: Array(stock.levels.values)), liveEvents: liveEvents)
    }

    // MARK: LifecycleReader

    public func isPending(inboxId: Int64) throws -> Bool { inbox[inboxId] == false }
    public func unprocessedDelivery(inboxId: Int64) throws -> UnprocessedDelivery? {
        inbox[inboxId] == true ? nil : unprocessed[inboxId]
    }
    public func order(_ key: OrderKey) throws -> CanonicalOrder? { orders[key] }
    public func fulfilments(of key: OrderKey) throws -> [LineFulfilment] { fulfilments[key].map { $0.values.sorted { $0.lineId < $1.lineId } } ?? [] }
    public func openExceptions(of key: OrderKey) throws -> [FulfilmentException] { exceptions.filter { $0.order == key && $0.status == .open } }

    public func activeAllocations(of key: OrderKey) throws -> [ActiveAllocation] {
        parcels.filter { $0.parcel.line.order == key && !$0.reversed }.map {
            ActiveAllocation(
                lineId: $0.parcel.line.lineId,
                allocation: $0.parcel.allocation,
                pool: SupplyPoolKey(enterpriseId: $0.parcel.sku.enterpriseId, product: $0.parcel.sku.product, grade: $0.parcel.sku.grade),
                refundedAfterShipment: $0.parcel.refundedAfterShipment
            )
        }
    }

    public func supplyPool(_ key: SupplyPoolKey) throws -> SupplyPool? {
        let pooled = lots.filter { $0.enterpriseId == key.enterpriseId && $0.product == key.product && $0.grade == key.grade }
        guard !pooled.isEmpty else { return nil }
        return SupplyPool(
            lots: pooled,
            allocatedGrams: lotAllocatedGrams.filter { id, _ in pooled.contains { $0.id == id } },
            households: households.filter { id, _ in pooled.contains { $0.householdId == id } },
            policy: policies[key.enterpriseId] ?? .registeredPoorFirst
        )
    }

    public func isTraceCodeTaken(_ code: String) throws -> Bool { parcels.contains { $0.parcel.traceCode == code } }

    // MARK: applying

    /// Applies a run's changes as the SQLite store does.
    public mutating func apply(_ changes: LifecycleChanges, at now: Timestamp) {
        for order in changes.orders { orders[order.key] = order }
        timeline += changes.timeline
        for id in changes.processedInboxIds { inbox[id] = true }
        for delivery in changes.parked { parked[delivery.inboxId] = delivery }
        for fulfilment in changes.fulfilments { fulfilments[fulfilment.order, default: [:]][fulfilment.lineId] = fulfilment }
        for level in changes.stockLevels { stock.set(level) }
        for (lot, grams) in changes.lotAllocatedGrams { lotAllocatedGrams[lot] = grams }
        for line in changes.reversedLines {
            for index in parcels.indices where parcels[index].parcel.line == line { parcels[index].reversed = true }
        }
        for line in changes.refundFlags {
            for index in parcels.indices where parcels[index].parcel.line == line && !parcels[index].reversed {
                parcels[index].parcel.refundedAfterShipment = true
            }
        }
        parcels += changes.parcels.map { StoredParcel(parcel: $0, reversed: false) }
        for change in changes.exceptions {
            switch change {
            case .opened(let opening):
                assert(
                    !exceptions.contains {
                        $0.status == .open && $0.order == opening.order && $0.lineId == opening.lineId && $0.kind == opening.kind
                    },
                    "a second open exception for one line and kind"
                )
                exceptions.append(
                    FulfilmentException(
                        id: Int64(exceptions.count + 1),
                        kind: opening.kind,
                        order: opening.order,
                        lineId: opening.lineId,
                        platformSkuId: opening.platformSkuId,
                        skuCode: opening.skuCode,
                        enterpriseId: opening.enterpriseId,
                        message: opening.message,
                        status: .open,
                        openedAt: now
                    )
                )
            case .updated(let id, let message, let note):
                guard let index = exceptions.firstIndex(where: { $0.id == id }) else { continue }
                exceptions[index].message = message
                exceptions[index].note = note
            case .resolved(let id, let by, let note):
                guard let index = exceptions.firstIndex(where: { $0.id == id }) else { continue }
                exceptions[index].status = .resolved
                exceptions[index].resolvedAt = exceptions[index].resolvedAt ?? now
                exceptions[index].resolvedBy = by
                exceptions[index].note = note
            }
        }
        for (key, event) in changes.attributions { attributions[key] = event }
    }

    /// Runs the processor over this state and applies its changes. - Returns: what `body` returned and the changes.
    @discardableResult
    public mutating func run<T, Random: RandomNumberGenerator>(
        at now: Timestamp,
        random: Random,
        _ body: (inout OrderLifecycle<MemoryLifecycleState, Random>) throws -> T
    ) throws -> (T, LifecycleChanges) {
        var lifecycle = OrderLifecycle(context: context, reader: self, now: now, random: random)
        let value = try body(&lifecycle)
        let changes = lifecycle.finish()
        apply(changes, at: now)
        return (value, changes)
    }

    /// Active parcels of a line.
    public func activeParcels(_ key: OrderKey, line: String) -> [NewParcel] {
        parcels.filter { $0.parcel.line == LineRef(order: key, lineId: line) && !$0.reversed }.map(\.parcel)
    }
}
