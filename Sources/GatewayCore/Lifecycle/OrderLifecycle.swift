/// The order's life, decided in one place: merges a batch of observations into their orders, plans each changed
/// order's lines (route, reserve, release, consume — ``FulfilmentPlanner``), allocates the produce to farmer
/// households with a trace code per parcel (``SupplyPool``, ``AllocationLifecycle``), opens and closes exceptions
/// (``ExceptionLifecycle``), attributes orders to live events, and carries out staff's resolve and dismiss.
///
/// Pure: it reads the state a batch touches through a ``LifecycleReader`` (a store's transaction), takes time and
/// randomness as parameters, and writes nothing — ``finish()`` returns every change as one ``LifecycleChanges`` value
/// that the store applies in the same transaction. Every path that changes an order's fulfilment goes through it:
/// the inbox's batches (``commit(_:)``), held orders re-run after master data, stock or supply change
/// (``fulfil(_:)``), and staff's actions (``resolve(_:actor:note:)``, ``dismiss(_:actor:note:)``).
public struct OrderLifecycle<Reader: LifecycleReader, Random: RandomNumberGenerator> {
    /// How many trace codes are drawn for one parcel before giving up (50 random bits each: a second draw is rare).
    public static var traceCodeAttempts: Int { 8 }

    private let reader: Reader
    private var context: LifecycleContext
    private let now: Timestamp
    private var random: Random
    private var changes = LifecycleChanges()

    /// Orders as merged so far (loaded or merged in this run).
    private var orders: [OrderKey: CanonicalOrder] = [:]
    /// Orders whose merge applied, in the order they first changed.
    private var savedOrders: [OrderKey] = []
    private var savedOrderSet: Set<OrderKey> = []
    /// Inbox entries processed by this run.
    private var processed: Set<Int64> = []
    /// Line fulfilments by order (loaded, then as planned).
    private var fulfilments: [OrderKey: [String: LineFulfilment]] = [:]
    /// Line fulfilments changed by this run, in the order they first changed.
    private var changedLines: [LineRef] = []
    private var changedLineSet: Set<LineRef> = []
    /// Exceptions by order (loaded on first touch), then by line and kind.
    private var exceptions: [OrderKey: [ExceptionSlotKey: ExceptionSlot]] = [:]
    private var exceptionOrder: [ExceptionSlotRef] = []
    /// Each line's parcels: the stored active ones and the ones made by this run.
    private var parcels: [OrderKey: [String: LineParcels]] = [:]
    /// Lines whose parcels this run looked at, in order.
    private var parcelLines: [LineRef] = []
    private var parcelLineSet: Set<LineRef> = []
    private var reversedLineSet: Set<LineRef> = []
    private var refundFlagSet: Set<LineRef> = []
    /// Supply pools loaded by this run (`nil`: no lots declared).
    private var pools: [SupplyPoolKey: SupplyPool?] = [:]
    /// Trace codes given by this run.
    private var codesGiven: Set<String> = []

    /// Starts a run.
    /// - Parameters:
    ///   - context: master data, stock and live events, read once for the run.
    ///   - reader: the state the run touches.
    ///   - now: the run's time (exceptions' opening, stock and timeline times are the store's to write from it).
    ///   - random: where trace codes come from.
    public init(context: LifecycleContext, reader: Reader, now: Timestamp, random: Random) {
        self.context = context
        self.reader = reader
        self.now = now
        self.random = random
    }

    // MARK: the inbox's batches

    /// Merges a batch of processed deliveries: every observation into its order (``OrderMerger``), a timeline record
    /// each, the inbox entries marked processed; then plans and allocates every order whose merge applied. Entries
    /// already processed (a batch replayed after a crash) are skipped.
    public mutating func commit(_ batch: [ProcessedDelivery]) throws {
        var changed: [OrderKey] = []
        var changedSet: Set<OrderKey> = []
        for delivery in batch {
            guard !processed.contains(delivery.inboxId), try reader.isPending(inboxId: delivery.inboxId) else { continue }
            for prepared in delivery.observations {
                let observation = prepared.observation
                let key = observation.key
                let current = try order(key)
                let result = OrderMerger.merge(observation, into: current)
                if result.decision == .applied {
                    if savedOrderSet.insert(key).inserted { savedOrders.append(key) }
                    if changedSet.insert(key).inserted { changed.append(key) }
                }
                orders[key] = result.order
                changes.timeline.append(
                    TimelineRecord(
                        order: key,
                        inboxId: delivery.inboxId,
                        deliveryId: delivery.deliveryId,
                        source: observation.source,
                        event: observation.event,
                        decision: result.decision,
                        statusBefore: result.previousStatus,
                        statusAfter: result.order.status,
                        platformUpdatedAt: observation.platformUpdatedAt,
                        rawPayload: prepared.rawPayload
                    )
                )
                changes.results.append(result)
            }
            processed.insert(delivery.inboxId)
            changes.processedInboxIds.append(delivery.inboxId)
        }
        for key in changed {
            if let order = orders[key] { try fulfil(order) }
        }
    }

    // MARK: parking

    /// Takes deliveries that cannot be processed out of the pipeline: each unprocessed one is parked and opens an
    /// `unprocessable` exception for staff (its line is `inbox:ID`, its order the delivery's order when it could be
    /// read, else `delivery:ID`). Processed or unknown entries are left alone.
    public mutating func park(_ deliveries: [ParkedDelivery]) throws {
        for parked in deliveries {
            guard !processed.contains(parked.inboxId), let entry = try reader.unprocessedDelivery(inboxId: parked.inboxId) else { continue }
            changes.parked.append(parked)
            let key = OrderKey(platform: entry.platform, shop: entry.shop, platformOrderId: parked.platformOrderId ?? "delivery:\(entry.deliveryId)")
            let message = String(
                "\(parked.reason.rawValue): \(parked.message) (delivery \(entry.deliveryId), \(entry.attempts) deferred attempts)".prefix(2000)
            )
            let lineId = "inbox:\(parked.inboxId)"
            try loadExceptions(key)
            let opening = ExceptionOpening(
                kind: .unprocessable,
                order: key,
                lineId: lineId,
                platformSkuId: nil,
                skuCode: nil,
                enterpriseId: nil,
                message: message
            )
            record(.causeFound(message: message), on: ExceptionSlotKey(lineId: lineId, kind: .unprocessable), of: key, opening: opening)
        }
    }

    // MARK: re-runs and staff

    /// Plans a stored order again (held orders after a mapping, stock or supply change). - Returns: whether the order
    /// exists.
    @discardableResult
    public mutating func fulfil(_ key: OrderKey) throws -> Bool {
        guard let order = try order(key) else { return false }
        try fulfil(order)
        return true
    }

    /// Staff's "resolve" of an open exception: its order is planned again; if that cleared the cause the exception is
    /// resolved by `actor`, otherwise it stays open with their note. - Returns: whether it is resolved now.
    public mutating func resolve(_ exception: FulfilmentException, actor: String, note: String) throws -> Bool {
        try fulfil(exception.order)
        let slot = try exceptionSlot(of: exception)
        guard case .open = exceptions[exception.order]?[slot]?.state else {
            record(.staffResolved(actor: actor, note: note), on: slot, of: exception.order, opening: nil)
            return true
        }
        record(.retriedStillBlocked(note: note), on: slot, of: exception.order, opening: nil)
        return false
    }

    /// Staff's "dismiss" of an open exception: its line, if held, will not be fulfilled, and the exception is resolved
    /// by `actor`.
    public mutating func dismiss(_ exception: FulfilmentException, actor: String, note: String) throws {
        let key = exception.order
        if let lineId = exception.lineId {
            var lines = try lineFulfilments(key)
            if var line = lines[lineId], line.state == .held {
                line.state = .dismissed
                lines[lineId] = line
                fulfilments[key] = lines
                markChanged(LineRef(order: key, lineId: lineId))
            }
        }
        let slot = try exceptionSlot(of: exception)
        record(.staffDismissed(actor: actor, note: note), on: slot, of: key, opening: nil)
    }

    /// Staff's action on an exception that holds no line of an order (an `unprocessable` delivery re-run or given
    /// up): it is resolved by `actor`.
    public mutating func close(_ exception: FulfilmentException, actor: String, note: String) throws {
        let slot = try exceptionSlot(of: exception)
        record(.staffResolved(actor: actor, note: note), on: slot, of: exception.order, opening: nil)
    }

    // MARK: shipments

    /// Our own record of a shipment (issue #17): each line whose every unit is now in a recorded shipment leaves the
    /// warehouse — its reserved stock is consumed — and keeps its farmer parcels. The platform's later `shipped` push
    /// then finds the line consumed and merges as a confirmation, not a second consumption. Lines not reserved are left
    /// as they are. - Returns: whether the order exists.
    @discardableResult
    public mutating func ship(_ key: OrderKey, completedLineIds: [String]) throws -> Bool {
        guard let order = try order(key) else { return false }
        var lines = try lineFulfilments(key)
        for lineId in completedLineIds {
            guard var line = lines[lineId], line.state == .reserved else { continue }
            context.stock.consume(line.reservations)
            line.state = .consumed
            lines[lineId] = line
            markChanged(LineRef(order: key, lineId: lineId))
        }
        fulfilments[key] = lines
        try allocateSupply(for: order, fulfilments: lines.values.sorted { $0.lineId < $1.lineId }, replanned: [])
        return true
    }

    /// A platform refused a shipment's write-back, or shows another tracking number: a `shipment_rejected` exception
    /// (line `shipment:ID`) opens for staff's 回传失败 queue, or, already open, takes the new message.
    public mutating func writeBackNeedsStaff(_ key: OrderKey, writeBackId: Int64, message: String) throws {
        try loadExceptions(key)
        let lineId = "shipment:\(writeBackId)"
        let opening = ExceptionOpening(
            kind: .shipmentRejected,
            order: key,
            lineId: lineId,
            platformSkuId: nil,
            skuCode: nil,
            enterpriseId: nil,
            message: String(message.prefix(2000))
        )
        record(.causeFound(message: opening.message), on: ExceptionSlotKey(lineId: lineId, kind: .shipmentRejected), of: key, opening: opening)
    }

    /// A write-back that waited for staff is settled (staff resent it or marked it handled, or a resend was confirmed):
    /// its `shipment_rejected` exception, if open, is resolved by `actor`.
    public mutating func writeBackSettled(_ key: OrderKey, writeBackId: Int64, actor: String, note: String) throws {
        try loadExceptions(key)
        let slot = ExceptionSlotKey(lineId: "shipment:\(writeBackId)", kind: .shipmentRejected)
        guard case .open = exceptions[key]?[slot]?.state else { return }
        record(.staffResolved(actor: actor, note: note), on: slot, of: key, opening: nil)
    }

    /// The changes of the run, for the store to apply in the same transaction.
    public mutating func finish() -> LifecycleChanges {
        var result = changes
        result.orders = savedOrders.compactMap { orders[$0] }
        result.fulfilments = changedLines.compactMap { fulfilments[$0.order]?[$0.lineId] }
        result.stockLevels = context.stock.touched.sorted().compactMap { context.stock.level($0) }
        for case let pool? in pools.values {
            for lotId in pool.changedLotIds { result.lotAllocatedGrams[lotId] = pool.allocatedGrams(lot: lotId) }
        }
        for ref in parcelLines {
            guard let line = parcels[ref.order]?[ref.lineId] else { continue }
            result.parcels += line.made
            if reversedLineSet.contains(ref) { result.reversedLines.append(ref) }
            if refundFlagSet.contains(ref) { result.refundFlags.append(ref) }
        }
        for ref in exceptionOrder {
            guard let slot = exceptions[ref.order]?[ref.slot] else { continue }
            result.exceptions += slot.closedEarlier
            if let id = slot.id {
                guard slot.state != slot.stored else { continue }
                switch slot.state {
                case .open(let message, let note): result.exceptions.append(.updated(id: id, message: message, note: note))
                case .resolved(let by, let note):
                    result.exceptions.append(.resolved(id: id, by: by, note: note))
                    if slot.closedByCauseGone { result.exceptionsResolved += 1 }
                case .absent: break
                }
            } else if case .open(let message, _) = slot.state, var opening = slot.opening {
                opening.message = message
                result.exceptions.append(.opened(opening))
            }
        }
        return result
    }

    // MARK: one order

    private mutating func fulfil(_ order: CanonicalOrder) throws {
        let key = order.key
        let current = try lineFulfilments(key)
        let plan = FulfilmentPlanner.plan(order: order, current: current, masterData: context.masterData, stock: &context.stock)
        var after = current
        for fulfilment in plan.changed {
            after[fulfilment.lineId] = fulfilment
            markChanged(LineRef(order: key, lineId: fulfilment.lineId))
        }
        fulfilments[key] = after
        try loadExceptions(key)
        for lineId in plan.closedExceptions {
            for kind in Self.stockKinds {
                record(
                    .causeGone(note: "cause gone: the line was fulfilled or released"),
                    on: ExceptionSlotKey(lineId: lineId, kind: kind),
                    of: key,
                    opening: nil
                )
            }
        }
        for draft in plan.openedExceptions {
            for kind in Self.stockKinds where kind != draft.kind {
                record(.superseded, on: ExceptionSlotKey(lineId: draft.lineId, kind: kind), of: key, opening: nil)
            }
            let opening = ExceptionOpening(
                kind: draft.kind,
                order: key,
                lineId: draft.lineId,
                platformSkuId: draft.platformSkuId,
                skuCode: draft.skuCode,
                enterpriseId: draft.enterpriseId,
                message: draft.message
            )
            record(.causeFound(message: draft.message), on: ExceptionSlotKey(lineId: draft.lineId, kind: draft.kind), of: key, opening: opening)
        }
        try allocateSupply(for: order, fulfilments: after.values.sorted { $0.lineId < $1.lineId }, replanned: Set(plan.replannedLines))
        if let eventId = LiveEventAttributor.eventId(for: order, among: context.liveEvents) { changes.attributions[key] = eventId }
    }

    /// The kinds of exception the stock planner opens and closes.
    private static var stockKinds: [ExceptionKind] { [.unmappedSku, .oversold] }

    // MARK: farmer supply

    private mutating func allocateSupply(for order: CanonicalOrder, fulfilments lines: [LineFulfilment], replanned: Set<String>) throws {
        let key = order.key
        let day = CalendarDay.beijing(order.snapshot?.paidAt ?? order.snapshot?.createdAt ?? now)
        let refunded = Set(order.lines.filter { $0.refundState == .refunded }.map(\.lineId))
        try loadParcels(key)
        for fulfilment in lines {
            let ref = LineRef(order: key, lineId: fulfilment.lineId)
            if parcelLineSet.insert(ref).inserted { parcelLines.append(ref) }
            let event = AllocationLifecycle.Event(
                fulfilment: fulfilment.state,
                replanned: replanned.contains(fulfilment.lineId),
                refunded: refunded.contains(fulfilment.lineId)
            )
            let state = parcels[key]?[fulfilment.lineId]?.state ?? .none
            actions: for action in AllocationLifecycle.next(state, event).actions {
                switch action {
                case .reverse:
                    try reverse(ref)
                case .allocate:
                    guard try allocate(fulfilment, day: day, refunded: event.fulfilment == .consumed && event.refunded) else { break actions }
                case .flagRefundedAfterShipment:
                    flagRefunded(ref)
                case .closeSupplyShortage:
                    record(
                        .causeGone(note: "line released: nothing to supply"),
                        on: ExceptionSlotKey(lineId: ref.lineId, kind: .noSupply),
                        of: key,
                        opening: nil
                    )
                }
            }
        }
    }

    /// Allocates a line's reserved units. - Returns: `false` when a pool was short (a `no_supply` exception is open).
    private mutating func allocate(_ fulfilment: LineFulfilment, day: String, refunded: Bool) throws -> Bool {
        let key = fulfilment.order
        var units: [String: Int] = [:]
        for part in fulfilment.reservations { units[part.skuCode, default: 0] += part.quantity }
        var made: [(SupplyPoolKey, [ParcelAllocation], EnterpriseSKU)] = []
        for (code, quantity) in units.sorted(by: { $0.key < $1.key }) {
            guard let sku = context.masterData.skus[code] else { continue }
            let poolKey = SupplyPoolKey(enterpriseId: sku.enterpriseId, product: sku.product, grade: sku.grade)
            guard var pool = try pool(poolKey) else { continue }
            let demand = SupplyDemand(
                lineRef: "\(key.platform.rawValue)/\(key.shop)/\(key.platformOrderId)/\(fulfilment.lineId)/\(code)",
                enterpriseId: sku.enterpriseId,
                product: sku.product,
                grade: sku.grade,
                date: day,
                parcelGrams: sku.netWeightGrams,
                parcels: quantity
            )
            do {
                let allocations = try pool.allocate(demand)
                pools[poolKey] = pool
                made.append((poolKey, allocations, sku))
            } catch {
                for (madeKey, allocations, _) in made {
                    if var madePool = pools[madeKey] ?? nil {
                        madePool.reverse(allocations)
                        pools[madeKey] = madePool
                    }
                }
                let opening = ExceptionOpening(
                    kind: .noSupply,
                    order: key,
                    lineId: fulfilment.lineId,
                    platformSkuId: nil,
                    skuCode: sku.code,
                    enterpriseId: sku.enterpriseId,
                    message: "no supply: \(error.message)"
                )
                record(
                    .causeFound(message: opening.message),
                    on: ExceptionSlotKey(lineId: fulfilment.lineId, kind: .noSupply),
                    of: key,
                    opening: opening
                )
                changes.supplyShortages += 1
                return false
            }
        }
        let ref = LineRef(order: key, lineId: fulfilment.lineId)
        var line = parcels[key]?[fulfilment.lineId] ?? LineParcels()
        for (poolKey, allocations, sku) in made {
            for allocation in allocations {
                line.made.append(
                    NewParcel(line: ref, sku: sku, allocation: allocation, day: day, traceCode: try traceCode(), refundedAfterShipment: refunded)
                )
                line.madePools.append(poolKey)
            }
        }
        parcels[key, default: [:]][fulfilment.lineId] = line
        if !made.isEmpty {
            record(.causeGone(note: "supply allocated"), on: ExceptionSlotKey(lineId: fulfilment.lineId, kind: .noSupply), of: key, opening: nil)
        }
        return true
    }

    /// Gives a line's parcels back to their lots: stored ones are marked reversed, ones made by this run are dropped.
    private mutating func reverse(_ ref: LineRef) throws {
        guard let line = parcels[ref.order]?[ref.lineId] else { return }
        var byPool: [SupplyPoolKey: [ParcelAllocation]] = [:]
        for stored in line.stored { byPool[stored.pool, default: []].append(stored.allocation) }
        for (parcel, poolKey) in zip(line.made, line.madePools) { byPool[poolKey, default: []].append(parcel.allocation) }
        for (poolKey, allocations) in byPool {
            guard var pool = try pool(poolKey) else { continue }
            pool.reverse(allocations)
            pools[poolKey] = pool
        }
        if !line.stored.isEmpty { reversedLineSet.insert(ref) }
        refundFlagSet.remove(ref)
        parcels[ref.order]?[ref.lineId] = LineParcels()
    }

    private mutating func flagRefunded(_ ref: LineRef) {
        guard var line = parcels[ref.order]?[ref.lineId] else { return }
        for index in line.made.indices { line.made[index].refundedAfterShipment = true }
        if line.stored.contains(where: { !$0.refundedAfterShipment }) { refundFlagSet.insert(ref) }
        parcels[ref.order]?[ref.lineId] = line
    }

    private mutating func traceCode() throws -> String {
        for _ in 0..<Self.traceCodeAttempts {
            let code = TraceCode.make(using: &random)
            if !codesGiven.contains(code), !(try reader.isTraceCodeTaken(code)) {
                codesGiven.insert(code)
                return code
            }
        }
        throw OrderLifecycleError.traceCodesExhausted(attempts: Self.traceCodeAttempts)
    }

    private mutating func pool(_ key: SupplyPoolKey) throws -> SupplyPool? {
        if let cached = pools[key] { return cached }
        let loaded = try reader.supplyPool(key)
        pools[key] = .some(loaded)
        return loaded
    }

    // MARK: exceptions

    private mutating func record(_ event: ExceptionLifecycle.Event, on slotKey: ExceptionSlotKey, of key: OrderKey, opening: ExceptionOpening?) {
        var slot = exceptions[key]?[slotKey] ?? ExceptionSlot(id: nil, stored: .absent, state: .absent)
        let isNew = exceptions[key]?[slotKey] == nil
        switch ExceptionLifecycle.next(slot.state, event) {
        case .unchanged:
            return
        case .moved(let state):
            if case .causeGone = event, case .open = slot.state, case .resolved = state { slot.closedByCauseGone = true }
            slot.state = state
            if case .open = state, slot.opening == nil { slot.opening = opening }
        case .reopened(let message):
            if let id = slot.id, case .resolved(let by, let note) = slot.state {
                slot.closedEarlier.append(.resolved(id: id, by: by, note: note))
                if slot.closedByCauseGone { changes.exceptionsResolved += 1 }
            }
            slot = ExceptionSlot(
                id: nil,
                stored: .absent,
                state: .open(message: message, note: nil),
                opening: opening,
                closedEarlier: slot.closedEarlier
            )
        }
        exceptions[key, default: [:]][slotKey] = slot
        if isNew { exceptionOrder.append(ExceptionSlotRef(order: key, slot: slotKey)) }
    }

    private mutating func loadExceptions(_ key: OrderKey) throws {
        guard exceptions[key] == nil else { return }
        var slots: [ExceptionSlotKey: ExceptionSlot] = [:]
        for exception in try reader.openExceptions(of: key) where exception.status == .open {
            let slotKey = ExceptionSlotKey(lineId: exception.lineId, kind: exception.kind)
            let state = ExceptionLifecycle.State.open(message: exception.message, note: exception.note)
            slots[slotKey] = ExceptionSlot(id: exception.id, stored: state, state: state)
            exceptionOrder.append(ExceptionSlotRef(order: key, slot: slotKey))
        }
        exceptions[key] = slots
    }

    private mutating func exceptionSlot(of exception: FulfilmentException) throws -> ExceptionSlotKey {
        try loadExceptions(exception.order)
        let slotKey = ExceptionSlotKey(lineId: exception.lineId, kind: exception.kind)
        if exceptions[exception.order]?[slotKey] == nil {
            // Not among the order's open exceptions as loaded: track it as given.
            let state = ExceptionLifecycle.State.open(message: exception.message, note: exception.note)
            exceptions[exception.order, default: [:]][slotKey] = ExceptionSlot(id: exception.id, stored: state, state: state)
            exceptionOrder.append(ExceptionSlotRef(order: exception.order, slot: slotKey))
        }
        return slotKey
    }

    // MARK: loading

    private mutating func order(_ key: OrderKey) throws -> CanonicalOrder? {
        if let cached = orders[key] { return cached }
        let loaded = try reader.order(key)
        if let loaded { orders[key] = loaded }
        return loaded
    }

    private mutating func lineFulfilments(_ key: OrderKey) throws -> [String: LineFulfilment] {
        if let cached = fulfilments[key] { return cached }
        let loaded = Dictionary(try reader.fulfilments(of: key).map { ($0.lineId, $0) }, uniquingKeysWith: { _, last in last })
        fulfilments[key] = loaded
        return loaded
    }

    private mutating func loadParcels(_ key: OrderKey) throws {
        guard parcels[key] == nil else { return }
        var lines: [String: LineParcels] = [:]
        for allocation in try reader.activeAllocations(of: key) { lines[allocation.lineId, default: LineParcels()].stored.append(allocation) }
        parcels[key] = lines
    }

    private mutating func markChanged(_ ref: LineRef) {
        if changedLineSet.insert(ref).inserted { changedLines.append(ref) }
    }
}

/// A line and kind: one exception at a time is open for it.
private struct ExceptionSlotKey: Hashable {
    var lineId: String?
    var kind: ExceptionKind
}

private struct ExceptionSlotRef: Hashable {
    var order: OrderKey
    var slot: ExceptionSlotKey
}

/// One exception as the run sees it: the stored one (with its id) or a new one, its state before and now.
private struct ExceptionSlot {
    var id: Int64?
    var stored: ExceptionLifecycle.State
    var state: ExceptionLifecycle.State
    var opening: ExceptionOpening?
    /// Stored exceptions of this slot resolved by this run before a new one opened.
    var closedEarlier: [ExceptionChange] = []
    var closedByCauseGone = false
}

/// A line's parcels during a run.
private struct LineParcels {
    var stored: [ActiveAllocation] = []
    var made: [NewParcel] = []
    var madePools: [SupplyPoolKey] = []

    var state: AllocationLifecycle.State {
        if stored.isEmpty, made.isEmpty { return .none }
        let allFlagged = stored.allSatisfy(\.refundedAfterShipment) && made.allSatisfy(\.refundedAfterShipment)
        return allFlagged ? .activeRefundedAfterShipment : .active
    }
}
