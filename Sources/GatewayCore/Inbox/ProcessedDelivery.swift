/// One observation ready to be merged, with the raw payload that produced it (kept on the timeline).
public struct PreparedObservation: Sendable, Hashable {
    /// The observation.
    public var observation: OrderObservation
    /// The raw payload the observation was decoded from (a push message, a poll row, a detail response).
    public var rawPayload: String

    /// Creates a prepared observation.
    public init(observation: OrderObservation, rawPayload: String) {
        self.observation = observation
        self.rawPayload = rawPayload
    }
}

/// What the pipeline decided for one inbox entry, committed together with its batch.
public struct ProcessedDelivery: Sendable, Hashable {
    /// The inbox entry.
    public var inboxId: Int64
    /// The delivery's id, shown on the timeline.
    public var deliveryId: String
    /// Observations to merge, in order. (A delivery that cannot be understood is parked, never committed.)
    public var observations: [PreparedObservation]

    /// Creates a processed delivery.
    public init(inboxId: Int64, deliveryId: String, observations: [PreparedObservation]) {
        self.inboxId = inboxId
        self.deliveryId = deliveryId
        self.observations = observations
    }
}
