/// Turns a merged order into enterprise work: maps each line, routes it to warehouses, and moves its
/// stock — reserve on paid, release on cancel or refund before shipment, consume on shipment.
///
/// The planner compares what each line's **target** state is (from the order's merged status and the
/// line's refund state) with the line's **current** fulfilment, and moves stock only on a change, so
/// each of reserve, release and consume happens exactly once per line however many times, and in
/// whatever order, the observations arrive. `consumed` and `dismissed` are final.
///
/// A refunded line on a shipped order is taken as shipped (consumed: the produce left, the refund is
/// money only) unless the gateway had already released it while the order was still unshipped. So is a
/// refunded line the platform marks ``OrderLine/refundedAfterShipment`` (Pinduoduo and Taobao close
/// such an order as `cancelled`, and the gateway may never have seen it `shipped`). When the
/// platform's history is ambiguous this errs toward less sellable stock, never toward overselling.
///
/// **Line identity.** Lines are the order's ``CanonicalOrder/lines``, where lines repeating an id are
/// already merged into one (``OrderLine/mergingRepeatedIds(_:)``), so each id is reserved and released
/// once. A line that is no longer in the order's newest snapshot (removed, or its id changed — on
/// Pinduoduo and WeChat Channels the line id is the SKU id) gives its reservation back like a cancel
/// before shipment; a line whose SKU or quantity changed under the same id while it holds a reservation
/// is planned again (release the old reservation, reserve the new) and listed in
/// ``FulfilmentPlan/replannedLines`` so its farmer allocation is reversed and made afresh. A consumed
/// (shipped) or dismissed line never moves again. An order whose snapshot has no lines at all says
/// nothing about its lines: its existing lines then follow the order's status alone.
public enum FulfilmentPlanner {
    /// What a line should be, given its order.
    public enum Target: Sendable, Hashable {
        /// Nothing yet (the order is not paid).
        case none
        /// Hold stock.
        case reserved
        /// The stock has left.
        case consumed
        /// Give stock back.
        case released
    }

    /// The target of a line on an order in `status`.
    /// - Parameters:
    ///   - status: the order's merged status.
    ///   - refund: the line's refund state.
    ///   - refundedAfterShipment: whether the platform says the refund came after the goods were sent
    ///     (with `refund` `refunded`, the stock is consumed whatever the status says).
    public static func target(status: OrderStatus, refund: RefundState, refundedAfterShipment: Bool = false) -> Target {
        if status != .created, refund == .refunded, refundedAfterShipment { return .consumed }
        switch status {
        case .created: return .none
        case .paid: return refund == .refunded ? .released : .reserved
        case .shipped, .completed: return .consumed
        case .cancelled: return .released
        }
    }

    /// The target of one of the order's lines.
    public static func target(status: OrderStatus, line: OrderLine) -> Target {
        target(status: status, refund: line.refundState, refundedAfterShipment: line.refundedAfterShipment)
    }

    /// Plans one order.
    /// - Parameters:
    ///   - order: the merged order.
    ///   - current: the lines' current fulfilments by line id.
    ///   - masterData: mappings, SKUs, warehouses.
    ///   - stock: the stock book; changed in place.
    public static func plan(
        order: CanonicalOrder,
        current: [String: LineFulfilment],
        masterData: MasterData,
        stock: inout StockBook
    ) -> FulfilmentPlan {
        var plan = FulfilmentPlan()
        let province = order.snapshot?.buyer.province
        let lines = order.lines
        for line in lines {
            let existing = current[line.lineId]
            let target = target(status: order.status, line: line)
            if let existing, existing.state == .consumed || existing.state == .dismissed { continue }
            switch target {
            case .none:
                guard let existing, existing.state == .reserved || existing.state == .held else { continue }
                release(existing, into: &plan, stock: &stock)
            case .released:
                guard let existing, existing.state != .released else { continue }
                release(existing, into: &plan, stock: &stock)
            case .reserved, .consumed:
                if target == .consumed, line.refundState == .refunded, existing?.state == .released { continue }
                var fulfilment: LineFulfilment
                var from = existing?.state
                if let existing, existing.state == .reserved, existing.isPlanned(for: line) {
                    fulfilment = existing
                } else {
                    if let existing, existing.state == .reserved {
                        // The SKU or quantity changed under the same id: give the old reservation back first.
                        stock.release(existing.reservations)
                        plan.transitions.append(LineTransition(lineId: line.lineId, from: .reserved, to: .released))
                        plan.replannedLines.append(line.lineId)
                        from = .released
                    }
                    switch reserve(line: line, order: order, province: province, masterData: masterData, stock: &stock) {
                    case .success(let reserved):
                        fulfilment = reserved
                        plan.closedExceptions.append(line.lineId)
                    case .failure(let draft):
                        let held = LineFulfilment(
                            order: order.key,
                            lineId: line.lineId,
                            state: .held,
                            enterpriseIds: draft.enterpriseId.map { [$0] } ?? [],
                            skuId: line.skuId,
                            quantity: line.quantity
                        )
                        if existing != held { plan.changed.append(held) }
                        if from != .held { plan.transitions.append(LineTransition(lineId: line.lineId, from: from, to: .held)) }
                        plan.openedExceptions.append(draft)
                        continue
                    }
                }
                if target == .consumed {
                    stock.consume(fulfilment.reservations)
                    fulfilment.state = .consumed
                }
                if fulfilment != existing {
                    plan.changed.append(fulfilment)
                    plan.transitions.append(LineTransition(lineId: line.lineId, from: from, to: fulfilment.state))
                }
            }
        }
        planLinesNoLongerInTheOrder(order: order, lines: lines, current: current, into: &plan, stock: &stock)
        return plan
    }

    /// Lines with a fulfilment that the order's lines no longer name: they left the order (removed, or
    /// their id changed), so they give their stock back — unless the snapshot lists no lines at all, in
    /// which case they follow the order's status alone. Consumed and dismissed lines stay as they are.
    private static func planLinesNoLongerInTheOrder(
        order: CanonicalOrder,
        lines: [OrderLine],
        current: [String: LineFulfilment],
        into plan: inout FulfilmentPlan,
        stock: inout StockBook
    ) {
        guard !current.isEmpty else { return }
        let named = Set(lines.map(\.lineId))
        let gone = current.filter { !named.contains($0.key) }
        guard !gone.isEmpty else { return }
        let target: Target = lines.isEmpty ? target(status: order.status, refund: .none) : .released
        for (lineId, existing) in gone.sorted(by: { $0.key < $1.key }) {
            switch (existing.state, target) {
            case (.reserved, .released), (.reserved, .none), (.held, .released), (.held, .none):
                release(existing, into: &plan, stock: &stock)
            case (.reserved, .consumed):
                var consumed = existing
                stock.consume(existing.reservations)
                consumed.state = .consumed
                plan.changed.append(consumed)
                plan.transitions.append(LineTransition(lineId: lineId, from: .reserved, to: .consumed))
            default:
                continue
            }
        }
    }

    private static func release(_ existing: LineFulfilment, into plan: inout FulfilmentPlan, stock: inout StockBook) {
        if existing.state == .reserved { stock.release(existing.reservations) }
        if existing.state == .held { plan.closedExceptions.append(existing.lineId) }
        var released = existing
        released.state = .released
        released.reservations = []
        plan.changed.append(released)
        plan.transitions.append(LineTransition(lineId: existing.lineId, from: existing.state, to: .released))
    }

    private static func reserve(
        line: OrderLine,
        order: CanonicalOrder,
        province: String?,
        masterData: MasterData,
        stock: inout StockBook
    ) -> Result<LineFulfilment, ExceptionDraftError> {
        guard let mapping = masterData.mapping(shop: order.key.shop, platformSkuId: line.skuId) else {
            let message = "platform SKU \(line.skuId) (\(line.title)) of shop \(order.key.shop) has no enterprise SKU mapping"
            return .failure(
                ExceptionDraftError(
                    kind: .unmappedSku,
                    lineId: line.lineId,
                    platformSkuId: line.skuId,
                    skuCode: nil,
                    enterpriseId: nil,
                    message: message
                )
            )
        }
        var parts: [StockReservation] = []
        var enterprises: [String] = []
        var trial = stock
        for component in mapping.components {
            guard let sku = masterData.skus[component.skuCode] else {
                let message = "mapping of \(line.skuId) names unknown enterprise SKU \(component.skuCode)"
                return .failure(
                    ExceptionDraftError(
                        kind: .unmappedSku,
                        lineId: line.lineId,
                        platformSkuId: line.skuId,
                        skuCode: component.skuCode,
                        enterpriseId: nil,
                        message: message
                    )
                )
            }
            let quantity = component.quantity * line.quantity
            guard let route = WarehouseRouter.route(sku: sku, quantity: quantity, province: province, masterData: masterData, stock: trial),
                trial.reserve(route)
            else {
                let available = trial.available(skuCode: sku.code, in: masterData.warehouses(of: sku.enterpriseId).map(\.id))
                let message = "oversold: \(quantity) × \(sku.code) needed, \(available) available"
                return .failure(
                    ExceptionDraftError(
                        kind: .oversold,
                        lineId: line.lineId,
                        platformSkuId: line.skuId,
                        skuCode: sku.code,
                        enterpriseId: sku.enterpriseId,
                        message: message
                    )
                )
            }
            parts += route
            if !enterprises.contains(sku.enterpriseId) { enterprises.append(sku.enterpriseId) }
        }
        stock = trial
        return .success(
            LineFulfilment(
                order: order.key,
                lineId: line.lineId,
                state: .reserved,
                reservations: parts,
                enterpriseIds: enterprises,
                skuId: line.skuId,
                quantity: line.quantity
            )
        )
    }
}

/// A failed reservation, carried as an error so `Result` can hold it.
typealias ExceptionDraftError = ExceptionDraft
extension ExceptionDraft: Error {}

/// What ``FulfilmentPlanner`` decided for one order.
public struct FulfilmentPlan: Sendable, Hashable {
    /// Line fulfilments that changed (to be saved).
    public var changed: [LineFulfilment] = []
    /// State changes, for allocation and the timeline.
    public var transitions: [LineTransition] = []
    /// Exceptions to open (the store keeps one open per order, line and kind).
    public var openedExceptions: [ExceptionDraft] = []
    /// Lines whose open exceptions are to close because their cause went away.
    public var closedExceptions: [String] = []
    /// Lines whose SKU or quantity changed while they held a reservation: the old reservation was
    /// released and the line planned afresh, so their farmer allocation is to be reversed exactly
    /// (as on a cancel before shipment) before the new reservation is allocated.
    public var replannedLines: [String] = []

    /// Creates an empty plan.
    public init() {}
}

/// One line's move from one state to another.
public struct LineTransition: Sendable, Hashable {
    /// The line.
    public var lineId: String
    /// The state before (`nil`: first seen).
    public var from: FulfilmentState?
    /// The state after.
    public var to: FulfilmentState

    /// Creates a transition.
    public init(lineId: String, from: FulfilmentState?, to: FulfilmentState) {
        self.lineId = lineId
        self.from = from
        self.to = to
    }
}
