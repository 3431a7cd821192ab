/// What one delivery, poll result or detail fetch says about one order.
///
/// A *thin* observation carries a status hint and an update time only (most pushes); a *full*
/// observation carries an ``OrderSnapshot``. Either may ask the pipeline to fetch the order's detail.
public struct OrderObservation: Sendable, Hashable, Codable {
    /// The order observed.
    public var key: OrderKey
    /// Where it came from.
    public var source: ObservationSource
    /// A short human description for the timeline, e.g. `douyin tag 101 TradePaid`.
    public var event: String
    /// The platform's update time for this state of the order.
    public var platformUpdatedAt: Timestamp
    /// The status this observation implies, if any (thin pushes).
    public var status: OrderStatus?
    /// The full order state, if the observation carries one.
    public var snapshot: OrderSnapshot?
    /// Whether the pipeline should fetch the order's detail from the platform API.
    public var needsDetail: Bool
    /// Whether the platform explicitly re-opened a cancelled order with this change.
    public var reopens: Bool

    /// Creates an observation.
    public init(
        key: OrderKey,
        source: ObservationSource,
        event: String,
        platformUpdatedAt: Timestamp,
        status: OrderStatus? = nil,
        snapshot: OrderSnapshot? = nil,
        needsDetail: Bool = false,
        reopens: Bool = false
    ) {
        self.key = key
        self.source = source
        self.event = event
        self.platformUpdatedAt = platformUpdatedAt
        self.status = status
        self.snapshot = snapshot
        self.needsDetail = needsDetail
        self.reopens = reopens
    }

    /// The status this observation asserts: its own hint, else its snapshot's.
    public var impliedStatus: OrderStatus? { status ?? snapshot?.status }
}
