/// A delivery taken out of the pipeline because it could not be processed (issue #8: poison isolation).
///
/// A parked delivery is kept with its error, attempts and first/last failure time, shown to staff as an
/// exception of kind ``ExceptionKind/unprocessable``, and goes back into the pipeline when staff re-run it.
public struct ParkedDelivery: Sendable, Hashable {
    /// The inbox entry.
    public var inboxId: Int64
    /// Why.
    public var reason: ParkReason
    /// What went wrong, for staff.
    public var message: String
    /// The order it is about, when that could be read.
    public var platformOrderId: String?

    /// Creates a parked delivery.
    public init(inboxId: Int64, reason: ParkReason, message: String, platformOrderId: String? = nil) {
        self.inboxId = inboxId
        self.reason = reason
        self.message = message
        self.platformOrderId = platformOrderId
    }
}

/// Why a delivery was parked; also the `reason` label of `gateway_inbox_parked_total`.
public enum ParkReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The connector could not decode the payload.
    case undecodable
    /// An observation is outside ``ObservationBounds`` (quantity, amount, time, identifiers).
    case invalid
    /// Storing the delivery's merge failed while the rest of its batch could be stored.
    case failed
    /// Processing the delivery ended the process (it was in flight when the process died, twice).
    case crashed
    /// No connector is configured for the delivery's shop.
    case noConnector = "no_connector"
}
