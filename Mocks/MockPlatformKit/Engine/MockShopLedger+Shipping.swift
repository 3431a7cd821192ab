/// The ship bookkeeping every platform's ship API shares: which units are left, whether the order's state
/// allows the call, the parcels recorded on the order, and parcel edits. The platform keeps its codes, its
/// status values and its push; it answers a ``MockShipRefusal`` with its own error.
extension MockShopLedger {
    /// Records the parcels of a ship call on an order, or refuses the call (the order stays as it was).
    ///
    /// Checks, in this order: the order exists → a repeated call succeeds without a change (when
    /// ``MockShipRules/repeatsByTrackingNo``) → the order is paid, not cancelled, completed or fully shipped,
    /// and not partly shipped unless ``MockShipRules/allowsAfterPartial`` → each parcel's lines exist and ship
    /// between 1 and the units left → no shipped line has a pending refund (unless overridden) → something is
    /// shipped → nothing is left unless ``MockShipRules/allowsPartial``.
    /// - Parameters:
    ///   - orderId: the order's id.
    ///   - time: the time of the change, in the platform's unit (for ``MockLedgerOrder/changedAt``).
    ///   - seconds: the same time in Unix seconds (for ``MockShipment/shippedAt``).
    ///   - parcels: the parcels of the call.
    ///   - rules: what the platform's call allows.
    ///   - apply: the platform's status change and push; gets the order (parcels already recorded), what the call
    ///     did, the new shipments and the rest of the state.
    /// - Returns: what `apply` returns.
    /// - Throws: ``MockShipRefusal``.
    func ship<Result: Sendable>(
        _ orderId: String,
        at time: Int64,
        seconds: Int64,
        parcels: [MockParcel],
        rules: MockShipRules,
        _ apply: (inout Order, MockShipOutcome, [MockShipment], inout State) -> Result
    ) throws(MockShipRefusal) -> Result {
        try withLockedOrder(orderId) { order, state throws(MockShipRefusal) -> Result in
            if rules.repeatsByTrackingNo, !parcels.isEmpty,
                parcels.allSatisfy({ parcel in order.shipments.contains { $0.trackingNo == parcel.trackingNo } })
            {
                return apply(&order, .repeated, [], &state)
            }
            let truth = order.truth(shop: shopKey)
            var left = Self.unitsLeft(truth, shipments: order.shipments)
            let partlyShipped = !order.shipments.isEmpty && left.values.contains { $0 > 0 }
            try Self.checkShippable(truth.status, partlyShipped: partlyShipped, rules: rules)
            var recorded: [MockShipment] = []
            for parcel in parcels {
                let lines = try Self.take(parcel.lines, from: &left, order: truth)
                for line in lines {
                    let refund = truth.lines.first { $0.lineId == line.lineId }?.refundState
                    if refund == "requested" && !rules.overridesPendingRefund && !rules.ignoresRefunds { throw .refundPending(lineId: line.lineId) }
                }
                guard !lines.isEmpty else { continue }
                let package = String(packageBase + state.sequences.next(\.package))
                recorded.append(
                    MockShipment(trackingNo: parcel.trackingNo, courierCode: parcel.courierCode, packageId: package, shippedAt: seconds, lines: lines)
                )
            }
            guard !recorded.isEmpty || rules.ignoresRefunds else { throw .nothingToShip }
            let complete = left.values.allSatisfy { $0 == 0 }
            guard complete || rules.allowsPartial else { throw .partialNotAllowed }
            order.touch(time)
            order.shipments.append(contentsOf: recorded)
            return apply(&order, complete ? .complete : .partial, recorded, &state)
        }
    }

    /// Changes the courier and tracking number of one recorded parcel.
    /// - Parameters:
    ///   - orderId: the order's id.
    ///   - time: the time of the change, in the platform's unit.
    ///   - packageId: the parcel to change; nil for the order's only (or first) parcel.
    ///   - trackingNo: the new tracking number.
    ///   - courierCode: the new courier code.
    ///   - apply: what else the platform does (its push); gets the order after the change and the changed parcel.
    /// - Returns: what `apply` returns.
    /// - Throws: ``MockShipRefusal/notShipped`` without parcels, ``MockShipRefusal/unknownPackage(_:)``.
    func editShipment<Result: Sendable>(
        _ orderId: String,
        at time: Int64,
        packageId: String?,
        trackingNo: String,
        courierCode: String,
        _ apply: (inout Order, MockShipment, inout State) -> Result
    ) throws(MockShipRefusal) -> Result {
        try withLockedOrder(orderId) { order, state throws(MockShipRefusal) -> Result in
            guard !order.shipments.isEmpty else { throw .notShipped }
            let status = order.truth(shop: shopKey).status
            guard status == "shipped" || status == "paid" else { throw status == "cancelled" ? .cancelled : .notShipped }
            let position: Int
            if let packageId {
                guard let found = order.shipments.firstIndex(where: { $0.packageId == packageId }) else { throw .unknownPackage(packageId) }
                position = found
            } else {
                position = 0
            }
            order.shipments[position].trackingNo = trackingNo
            order.shipments[position].courierCode = courierCode
            order.touch(time)
            return apply(&order, order.shipments[position], &state)
        }
    }

    /// The first answer recorded for an idempotent ship call's request id, if any.
    func shipReply(requestId: String) -> JSONValue? {
        withState { $0.shipReplies[requestId] }
    }

    /// Records the answer of an idempotent ship call (only the first answer of a request id is kept).
    func recordShipReply(_ reply: JSONValue, requestId: String) {
        withState { state in
            if state.shipReplies[requestId] == nil { state.shipReplies[requestId] = reply }
        }
    }

    /// The units of each line not shipped yet (refunded lines have none left).
    static func unitsLeft(_ truth: MockOrderTruth, shipments: [MockShipment]) -> [String: Int] {
        var left: [String: Int] = [:]
        for line in truth.lines { left[line.lineId, default: 0] += line.refundState == "refunded" ? 0 : line.quantity }
        for shipment in shipments {
            for line in shipment.lines { left[line.lineId] = max(0, (left[line.lineId] ?? 0) - line.quantity) }
        }
        return left
    }

    // MARK: - Private

    /// A number per shop for package ids, so that two shops' parcels never share one.
    private var packageBase: Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in shopKey.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return 600_000_000_000_000 + Int64(hash % 100_000) * 1_000_000_000
    }

    private func withLockedOrder<Result: Sendable>(
        _ orderId: String,
        _ body: (inout Order, inout State) throws(MockShipRefusal) -> Result
    ) throws(MockShipRefusal) -> Result {
        let outcome: Swift.Result<Result, MockShipRefusal> = withState { state in
            guard var order = state.orders[orderId] else { return .failure(.unknownOrder(orderId)) }
            do throws(MockShipRefusal) {
                let result = try body(&order, &state)
                state.orders[orderId] = order
                return .success(result)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func checkShippable(_ status: String, partlyShipped: Bool, rules: MockShipRules) throws(MockShipRefusal) {
        switch status {
        case "created": throw .notPaid
        case "cancelled": throw .cancelled
        case "completed": throw .completed
        case "shipped" where !partlyShipped: throw .alreadyShipped
        default:
            if partlyShipped && !rules.allowsAfterPartial { throw .partlyShipped }
        }
    }

    /// The lines a parcel ships, taken from what is left: every line with units left for a whole-order parcel.
    private static func take(
        _ asked: [MockShippedLine]?,
        from left: inout [String: Int],
        order: MockOrderTruth
    ) throws(MockShipRefusal)
        -> [MockShippedLine]
    {
        guard let asked else {
            let lines = order.lines.compactMap { line -> MockShippedLine? in
                let units = left[line.lineId] ?? 0
                return units > 0 ? MockShippedLine(lineId: line.lineId, quantity: units) : nil
            }
            for line in lines { left[line.lineId] = 0 }
            return lines
        }
        var lines: [MockShippedLine] = []
        for line in asked {
            guard let units = left[line.lineId] else { throw .unknownLine(line.lineId) }
            guard line.quantity >= 1, line.quantity <= units else { throw .badQuantity(lineId: line.lineId, left: units) }
            left[line.lineId] = units - line.quantity
            if let merged = lines.firstIndex(where: { $0.lineId == line.lineId }) {
                lines[merged].quantity += line.quantity
            } else {
                lines.append(line)
            }
        }
        return lines
    }
}
