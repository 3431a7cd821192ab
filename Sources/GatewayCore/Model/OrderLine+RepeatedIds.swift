extension OrderLine {
    /// The lines with every id appearing once: stock, allocation and the stored lines are keyed by
    /// line id, so two lines with one id would be reserved twice and released twice.
    ///
    /// Lines that repeat an id **and** a SKU are one line that the platform split: they merge into the
    /// first of them, quantities and paid amounts summed; the merged refund state is `refunded` only if
    /// every part is refunded, `requested` if any part is requested or refunded, else `none`, and it
    /// counts as refunded after shipment if any part does (so an ambiguous history errs toward less
    /// sellable stock). A line that repeats an id with a **different** SKU is a different line: it gets
    /// the id `id#2` (then `#3`…, skipping ids already taken). The lines keep their first-seen order.
    ///
    /// ``CanonicalOrder/lines`` applies this, so it holds at one place for every caller; the snapshot
    /// itself keeps the lines exactly as the platform sent them.
    public static func mergingRepeatedIds(_ lines: [OrderLine]) -> [OrderLine] {
        guard hasRepeatedIds(lines) else { return lines }
        var merged: [OrderLine] = []
        var parts: [Int: [OrderLine]] = [:]
        var index: [String: Int] = [:]  // merged id → position in `merged`
        var skuOfId: [String: [String: String]] = [:]  // platform id → SKU → merged id
        var taken = Set(lines.map(\.lineId))
        for line in lines {
            if let mergedId = skuOfId[line.lineId]?[line.skuId], let position = index[mergedId] {
                parts[position, default: []].append(line)
                continue
            }
            var copy = line
            if skuOfId[line.lineId] != nil {
                var suffix = 2
                while taken.contains("\(line.lineId)#\(suffix)") { suffix += 1 }
                copy.lineId = "\(line.lineId)#\(suffix)"
                taken.insert(copy.lineId)
            }
            skuOfId[line.lineId, default: [:]][line.skuId] = copy.lineId
            index[copy.lineId] = merged.count
            parts[merged.count] = [line]
            merged.append(copy)
        }
        for (position, group) in parts where group.count > 1 {
            merged[position].quantity = group.reduce(0) { $0 + $1.quantity }
            merged[position].paidFen = group.reduce(0) { $0 + $1.paidFen }
            merged[position].refundState =
                group.allSatisfy { $0.refundState == .refunded } ? .refunded : group.contains { $0.refundState != .none } ? .requested : .none
            merged[position].refundedAfterShipment = group.contains { $0.refundedAfterShipment }
        }
        return merged
    }

    /// Whether any id appears twice (no allocation for the usual few lines).
    private static func hasRepeatedIds(_ lines: [OrderLine]) -> Bool {
        guard lines.count > 1 else { return false }
        if lines.count <= 16 {
            for first in lines.indices {
                for second in lines.indices where second > first && lines[first].lineId == lines[second].lineId { return true }
            }
            return false
        }
        return Set(lines.map(\.lineId)).count != lines.count
    }
}
