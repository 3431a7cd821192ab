/// What an order's observations said about its status, kept as maxima so that the status is a pure
/// function of them (``status``), whatever order the observations arrived in.
///
/// - The order is `cancelled` when a cancel was seen and no explicit re-open
///   (``OrderObservation/reopens``) is newer than the latest cancel — a re-open at the same instant
///   as the cancel does not re-open it.
/// - Otherwise its status is the highest-ranked status other than `cancelled` that any observation
///   asserted (`created` if none did): a re-opened order never moves below what was already seen
///   (a shipped order re-opened as `paid` stays `shipped`: the produce left).
///
/// Each field only ever grows, under a total order, so recording observations is commutative,
/// associative and idempotent: every permutation of the same observations gives the same evidence.
public struct StatusEvidence: Sendable, Hashable, Codable {
    /// The highest-ranked status other than `cancelled` any observation asserted (`nil`: none yet).
    public var highestOpen: OrderStatus?
    /// The latest platform update time of an observation that said `cancelled`.
    public var latestCancelAt: Timestamp?
    /// The latest platform update time of an observation that explicitly re-opened the order (with a
    /// status other than `cancelled`, which is also counted in ``highestOpen``).
    public var latestReopenAt: Timestamp?

    /// Creates evidence.
    public init(highestOpen: OrderStatus? = nil, latestCancelAt: Timestamp? = nil, latestReopenAt: Timestamp? = nil) {
        self.highestOpen = highestOpen
        self.latestCancelAt = latestCancelAt
        self.latestReopenAt = latestReopenAt
    }

    /// The evidence of an order known only by its status and update time — an order stored before the
    /// evidence existed, or built directly: a cancelled order counts as cancelled at that time, so only
    /// a re-open newer than everything seen re-opens it (the rule such orders were merged under).
    public init(status: OrderStatus, at time: Timestamp) {
        if status == .cancelled {
            self.init(latestCancelAt: time)
        } else {
            self.init(highestOpen: status)
        }
    }

    /// Adds what one observation asserts: `status` at the platform's update time `time`.
    public mutating func record(_ status: OrderStatus, at time: Timestamp, reopens: Bool) {
        if status == .cancelled {
            latestCancelAt = max(latestCancelAt ?? time, time)
            return
        }
        if highestOpen.map({ status.rank > $0.rank }) ?? true { highestOpen = status }
        if reopens { latestReopenAt = max(latestReopenAt ?? time, time) }
    }

    /// The status the evidence implies.
    public var status: OrderStatus {
        if let cancel = latestCancelAt, latestReopenAt.map({ $0 <= cancel }) ?? true { return .cancelled }
        return highestOpen ?? .created
    }
}
