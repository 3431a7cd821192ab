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
    /// Observations to merge, in order.
    public var observations: [PreparedObservation]
    /// A problem that stopped the delivery from being understood (it is still marked processed).
    public var failure: String?

    /// Creates a processed delivery.
    public init(inboxId: Int64, deliveryId: String, observations: [PreparedObservation], failure: String? = nil) {
        self.inboxId = inboxId
        self.deliveryId = deliveryId
        self.observations = observations
        self.failure = failure
    }
}
