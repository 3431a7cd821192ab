/// Checks a shipment against its order and decides what recording it does (issue #17).
///
/// Rules: the order is paid (or already shipped in part) and not cancelled; each named line exists once, holds reserved
/// stock (or has already left: consumed) and has no refund requested or done; its quantity is 1…what is left to ship
/// (the line's quantity minus what earlier shipments carried). No lines = every unit left of the shippable lines. A
/// platform that ships whole orders only (Pinduoduo) takes a shipment only when it carries every unit of the order and
/// nothing shipped before; one that names whole lines only (Taobao, Youzan) takes a line only with all its units left.
/// A line leaves the warehouse (its stock is consumed) when all its units are in shipments;
/// until then its stock stays reserved — never sellable twice.
public enum ShipmentPlanner {
    /// Plans a draft.
    /// - Parameters:
    ///   - draft: the shipment as given.
    ///   - order: the stored order.
    ///   - fulfilments: its lines' fulfilments by line id.
    ///   - earlier: the order's shipments recorded before.
    public static func plan(
        _ draft: ShipmentDraft,
        order: CanonicalOrder,
        fulfilments: [String: LineFulfilment],
        earlier: [Shipment]
    ) -> Result<ShipmentPlan, ShipmentRefusal> {
        switch order.status {
        case .created: return .failure(.notPaid(order.key))
        case .cancelled: return .failure(.cancelled(order.key))
        case .paid, .shipped, .completed: break
        }
        let shipped = Shipment.unitsShipped(by: earlier)
        let lines = order.lines
        func remaining(_ line: OrderLine) -> Int { max(0, line.quantity - (shipped[line.lineId] ?? 0)) }
        func shippable(_ line: OrderLine) -> ShipmentRefusal? {
            if line.refundState != .none { return .refund(lineId: line.lineId) }
            let state = fulfilments[line.lineId]?.state
            guard state == .reserved || state == .consumed else { return .notReserved(lineId: line.lineId, state: state) }
            return nil
        }
        var asked: [ShippedLine] = []
        if let given = draft.lines {
            var seen: Set<String> = []
            for item in given {
                guard seen.insert(item.lineId).inserted else { return .failure(.repeatedLine(item.lineId)) }
                guard let line = lines.first(where: { $0.lineId == item.lineId }) else { return .failure(.unknownLine(item.lineId)) }
                guard item.quantity >= 1 else { return .failure(.badQuantity(lineId: item.lineId, quantity: item.quantity)) }
                if let refusal = shippable(line) { return .failure(refusal) }
                let left = remaining(line)
                guard item.quantity <= left else { return .failure(.tooMany(lineId: item.lineId, asked: item.quantity, remaining: left)) }
                asked.append(item)
            }
            let position = Dictionary(lines.enumerated().map { ($1.lineId, $0) }, uniquingKeysWith: { first, _ in first })
            asked.sort { (position[$0.lineId] ?? 0) < (position[$1.lineId] ?? 0) }
        } else {
            for line in lines where remaining(line) > 0 && shippable(line) == nil {
                asked.append(ShippedLine(lineId: line.lineId, quantity: remaining(line)))
            }
        }
        guard !asked.isEmpty else { return .failure(.nothingToShip(order.key)) }
        let askedByLine = Dictionary(uniqueKeysWithValues: asked.map { ($0.lineId, $0.quantity) })
        let everyUnitLeft = lines.allSatisfy { line in
            shippable(line) != nil || remaining(line) == (askedByLine[line.lineId] ?? 0)
        }
        let wholeOrder = earlier.isEmpty && everyUnitLeft
        let capabilities = ShipmentCapabilities.of(order.key.platform)
        if !wholeOrder, !capabilities.partialShipments {
            return .failure(.partialNotSupported(order.key.platform))
        }
        if !capabilities.partialQuantities,
            let split = asked.first(where: { item in
                lines.first { $0.lineId == item.lineId }.map { item.quantity < remaining($0) } ?? false
            })
        {
            return .failure(.partialQuantityNotSupported(order.key.platform, lineId: split.lineId))
        }
        let completed = lines.filter { line in
            guard let quantity = askedByLine[line.lineId] else { return false }
            return quantity == remaining(line)
        }.map(\.lineId)
        return .success(ShipmentPlan(lines: asked, wholeOrder: wholeOrder, completedLineIds: completed))
    }
}
