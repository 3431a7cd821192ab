/// The pure merge of observations into canonical orders.
///
/// Rules (design.md §2, out-of-order rule):
/// - **Status** only moves forward through its rank (created < paid < shipped < completed).
///   `cancelled` is terminal: once seen it stays, unless a *newer* observation explicitly
///   re-opens the order (``OrderObservation/reopens``).
/// - **Snapshot fields** (amounts, lines, buyer, attribution) come from the snapshot with the
///   greatest ``SnapshotVersion``: newer platform update time wins, ties broken deterministically.
/// - The order's platform update time is the greatest seen.
/// - An exact repeat changes nothing and is reported as `duplicate`; an older observation that
///   adds nothing is reported as `stale`.
///
/// Because each part is a maximum under a total order, any permutation of the same observations
/// converges to the same order (re-opening aside, which depends on time by definition).
public enum OrderMerger {
    /// Merges one observation into the current order.
    ///
    /// - Parameters:
    ///   - observation: what a delivery, poll or detail fetch said.
    ///   - current: the order as stored, or `nil` if the gateway has not seen it yet.
    /// - Returns: the new order, the decision for the timeline, and the previous status.
    public static func merge(_ observation: OrderObservation, into current: CanonicalOrder?) -> MergeResult {
        let incomingVersion = observation.snapshot.map { SnapshotVersion(of: $0, in: observation) }
        guard let current else {
            let order = CanonicalOrder(
                key: observation.key,
                status: observation.impliedStatus ?? .created,
                platformUpdatedAt: observation.platformUpdatedAt,
                snapshot: observation.snapshot,
                snapshotVersion: incomingVersion,
                revision: 1
            )
            return MergeResult(order: order, decision: .applied, previousStatus: nil)
        }

        var next = current
        let isNewer = observation.platformUpdatedAt > current.platformUpdatedAt
        if let status = observation.impliedStatus {
            next.status = mergedStatus(current: current.status, incoming: status, reopens: observation.reopens && isNewer)
        }
        if let snapshot = observation.snapshot, let version = incomingVersion {
            if current.snapshotVersion.map({ version > $0 }) ?? true {
                next.snapshot = snapshot
                next.snapshotVersion = version
            }
        }
        next.platformUpdatedAt = max(current.platformUpdatedAt, observation.platformUpdatedAt)

        if next == current {
            return MergeResult(order: current, decision: isRepeat(observation, of: current) ? .duplicate : .stale, previousStatus: current.status)
        }
        next.revision = current.revision + 1
        return MergeResult(order: next, decision: .applied, previousStatus: current.status)
    }

    /// Merges a sequence of observations in order, starting from `current`.
    public static func mergeAll(_ observations: some Sequence<OrderObservation>, into current: CanonicalOrder? = nil) -> CanonicalOrder? {
        var order = current
        for observation in observations { order = merge(observation, into: order).order }
        return order
    }

    /// The status after seeing `incoming` on an order that is `current`.
    public static func mergedStatus(current: OrderStatus, incoming: OrderStatus, reopens: Bool) -> OrderStatus {
        if current == .cancelled {
            return reopens && incoming != .cancelled ? incoming : .cancelled
        }
        if incoming == .cancelled { return .cancelled }
        return incoming.rank > current.rank ? incoming : current
    }

    /// Whether an observation that changed nothing says exactly what the order already says.
    private static func isRepeat(_ observation: OrderObservation, of order: CanonicalOrder) -> Bool {
        guard observation.platformUpdatedAt == order.platformUpdatedAt else { return false }
        if let status = observation.impliedStatus, status != order.status { return false }
        if let snapshot = observation.snapshot, snapshot != order.snapshot { return false }
        return true
    }
}
