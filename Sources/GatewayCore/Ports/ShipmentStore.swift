/// Shipments and their write-backs (issue #17): recorded with their outbox entry in one transaction, claimed by one
/// sender at a time, settled by ``WriteBackLifecycle``.
public protocol ShipmentStore: Sendable {
    /// Records a shipment: checks it (``ShipmentPlanner``), stores it with its write-back (pending) and consumes the
    /// stock of the lines it completes (``OrderLifecycle/ship(_:completedLineIds:)``), all in one transaction. The same
    /// tracking number for the same order again returns the shipment recorded first (`created` false).
    /// - Throws: ``ShipmentRefusal`` when the shipment does not fit the order; nothing is stored then.
    func recordShipment(_ draft: ShipmentDraft, actor: String, at now: Timestamp) async throws -> ShipmentRecording

    /// Records many shipments all or nothing (a courier's CSV): each is checked against the state the ones before it left;
    /// when any is refused, nothing is stored.
    /// - Throws: ``ShipmentBatchRefusal`` naming every refused shipment by its position.
    func recordShipments(_ drafts: [ShipmentDraft], actor: String, at now: Timestamp) async throws -> [ShipmentRecording]

    /// An order's shipments, oldest first, with their write-backs.
    func shipments(of order: OrderKey) async throws -> [Shipment]

    /// One shipment.
    func shipment(id: Int64) async throws -> Shipment?

    /// Claims write-backs due at `now` for one sender, each leased for `leaseSeconds`: pending ones (now `sending`),
    /// unknown outcomes to read back, and `sending` ones whose sender's lease ran out (now an unknown outcome — the
    /// send may have reached the platform). A claimed entry is not claimed again before its lease ends.
    func claimWriteBacks(limit: Int, at now: Timestamp, leaseSeconds: Int64) async throws -> [WriteBackClaim]

    /// Applies an event to a write-back (``WriteBackLifecycle/next(_:_:ours:policy:)`` decides) and ends its lease;
    /// opens its `shipment_rejected` exception when it starts to wait for staff, and resolves it when it stops. A
    /// `retryAt` keeps an unknown outcome for another read-back then (the read failed).
    /// - Returns: the write-back after the event, `nil` when there is none with that id.
    func settleWriteBack(
        id: Int64,
        event: WriteBackLifecycle.Event,
        detail: String?,
        retryAt: Timestamp?,
        actor: String,
        policy: WriteBackLifecycle.RetryPolicy,
        at now: Timestamp
    ) async throws -> ShipmentWriteBack?

    /// Staff's correction: a new courier and/or tracking number; a rejected or conflicting write-back is sent again, a
    /// confirmed one with the platform's edit call (replacing the number the platform has).
    /// - Throws: ``ShipmentCorrectionError`` when the write-back does not exist or cannot be corrected in its state.
    func correctWriteBack(
        id: Int64,
        courier: Courier?,
        trackingNumber: TrackingNumber?,
        actor: String,
        at now: Timestamp
    ) async throws -> ShipmentWriteBack

    /// One write-back.
    func writeBack(id: Int64) async throws -> ShipmentWriteBack?

    /// Write-backs, newest first: those waiting for staff (`needingStaff`) or all; limited to `shops` when given.
    func writeBacks(needingStaff: Bool, shops: Set<String>?, limit: Int) async throws -> [ShipmentWriteBack]
}

/// A shipment as recorded, and whether this call recorded it.
public struct ShipmentRecording: Sendable, Hashable {
    /// The shipment.
    public var shipment: Shipment
    /// `false` when the same tracking number was already recorded for the order (an idempotent retry).
    public var created: Bool

    /// Creates a recording.
    public init(shipment: Shipment, created: Bool) {
        self.shipment = shipment
        self.created = created
    }
}

/// A write-back claimed by a sender.
public struct WriteBackClaim: Sendable, Hashable {
    /// The write-back, `sending` (send it) or an unknown outcome (read the order back first).
    public var writeBack: ShipmentWriteBack
    /// Whether the shipment is written back with the whole-order call.
    public var wholeOrder: Bool
    /// The lines, for a partial shipment.
    public var lines: [ShippedLine]

    /// Creates a claim.
    public init(writeBack: ShipmentWriteBack, wholeOrder: Bool, lines: [ShippedLine]) {
        self.writeBack = writeBack
        self.wholeOrder = wholeOrder
        self.lines = lines
    }

    /// What to send the platform; `nil` when the courier has no code on the platform (the send is refused for staff).
    public var notice: ShipmentNotice? {
        guard let code = writeBack.courier.code(on: writeBack.order.platform) else { return nil }
        return ShipmentNotice(
            writeBackId: writeBack.id,
            platformOrderId: writeBack.order.platformOrderId,
            courier: writeBack.courier,
            courierCode: code,
            trackingNumber: writeBack.trackingNumber,
            lines: wholeOrder ? nil : lines,
            replacingTrackingNumber: writeBack.replacingTrackingNumber
        )
    }
}

/// A staff correction that cannot be made.
public struct ShipmentCorrectionError: Error, Sendable, CustomStringConvertible {
    /// Why.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Shipments of a batch that do not fit their orders; nothing of the batch was stored.
public struct ShipmentBatchRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Each refused shipment's position in the batch (0-based) and why.
    public var refusals: [Refusal]

    /// One refused shipment.
    public struct Refusal: Sendable, Hashable {
        /// Its position in the batch, from 0.
        public var index: Int
        /// Why.
        public var refusal: ShipmentRefusal
    }

    /// Creates the error.
    public init(refusals: [(index: Int, refusal: ShipmentRefusal)]) {
        self.refusals = refusals.map { Refusal(index: $0.index, refusal: $0.refusal) }
    }

    public var description: String {
        refusals.map { "#\($0.index + 1): \($0.refusal.code): \($0.refusal.description)" }.joined(separator: "; ")
    }
}
