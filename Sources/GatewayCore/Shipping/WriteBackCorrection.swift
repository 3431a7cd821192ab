/// Staff's correction of a write-back — a new courier and/or tracking number — decided (issue #17): a rejected or
/// conflicting write-back is sent again; a confirmed one is sent with the platform's edit call, replacing the number the
/// platform has; a pending one just takes the new values; one being sent, read back or handled cannot be corrected.
public struct WriteBackCorrection: Sendable, Hashable {
    /// Where the write-back goes.
    public var state: WriteBackLifecycle.State
    /// The tracking number the edit call replaces (`nil`: a plain send).
    public var replacingTrackingNumber: String?

    /// Creates a correction.
    public init(state: WriteBackLifecycle.State, replacingTrackingNumber: String?) {
        self.state = state
        self.replacingTrackingNumber = replacingTrackingNumber
    }

    /// Decides a correction.
    /// - Parameters:
    ///   - writeBack: the write-back as it stands.
    ///   - courier: the new courier (`nil`: unchanged).
    ///   - trackingNumber: the new tracking number (`nil`: unchanged).
    /// - Throws: ``ShipmentCorrectionError`` when it cannot be corrected now, or a confirmed one would not change.
    public static func decide(
        _ writeBack: ShipmentWriteBack,
        courier: Courier?,
        trackingNumber: TrackingNumber?
    ) throws(ShipmentCorrectionError)
        -> WriteBackCorrection
    {
        let newNumber = trackingNumber?.value ?? writeBack.trackingNumber
        let changed = newNumber != writeBack.trackingNumber || (courier ?? writeBack.courier) != writeBack.courier
        switch writeBack.state {
        case .rejected:
            return WriteBackCorrection(
                state: WriteBackLifecycle.next(writeBack.state, .staffResend, ours: newNumber),
                replacingTrackingNumber: writeBack.replacingTrackingNumber
            )
        case .conflict(let theirs):
            let same = TrackingNumber(theirs)?.value == newNumber
            return WriteBackCorrection(
                state: WriteBackLifecycle.next(writeBack.state, .staffResend, ours: newNumber),
                replacingTrackingNumber: same ? nil : theirs
            )
        case .confirmed:
            guard changed else { throw ShipmentCorrectionError("nothing to change: the platform has this courier and tracking number") }
            guard ShipmentCapabilities.of(writeBack.order.platform).editsTrackingNumber else {
                throw ShipmentCorrectionError("\(writeBack.order.platform.rawValue) cannot change a tracking number once written")
            }
            return WriteBackCorrection(
                state: WriteBackLifecycle.next(writeBack.state, .staffEdited, ours: newNumber),
                replacingTrackingNumber: writeBack.trackingNumber
            )
        case .pending:
            return WriteBackCorrection(state: writeBack.state, replacingTrackingNumber: writeBack.replacingTrackingNumber)
        case .sending, .unknownOutcome, .handled:
            throw ShipmentCorrectionError(
                "write-back \(writeBack.id) cannot be corrected now; it can be when it is pending, rejected, in conflict or confirmed"
            )
        }
    }
}
