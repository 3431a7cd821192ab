/// A platform's answer to a "mark as shipped" call, classified for ``WriteBackLifecycle``.
///
/// Network failures, timeouts and 5xx answers are not results: the connector throws, and the write-back service treats
/// a thrown error as an unknown outcome (read the order back before sending again).
public enum ShipmentSendResult: Sendable, Hashable {
    /// The platform recorded the shipment.
    case accepted
    /// The platform says the order (or these lines) is already shipped (Doudian 60110/70023, Taobao B04, WeChat 109001):
    /// success only once the tracking number read back matches ours.
    case alreadyShipped(message: String)
    /// A failure worth retrying (throttling, a platform service error, an expired token after refresh).
    case transient(code: String, message: String)
    /// A refusal retrying cannot fix (cancelled, refund pending, bad tracking number, unknown courier); `code` is the
    /// platform's code, `message` its text, both shown to staff.
    case rejected(code: String, message: String)
}

/// What a platform allows when writing shipments back (`shipping.md` §8b.0).
public struct ShipmentCapabilities: Sendable, Hashable {
    /// Part of an order (some lines) can be shipped on its own.
    public var partialShipments: Bool
    /// Part of one line's quantity can be shipped on its own (else a line ships with all its units left, at once).
    public var partialQuantities: Bool
    /// A tracking number can be changed after the shipment was written back.
    public var editsTrackingNumber: Bool

    /// Creates capabilities.
    public init(partialShipments: Bool, partialQuantities: Bool? = nil, editsTrackingNumber: Bool) {
        self.partialShipments = partialShipments
        self.partialQuantities = partialShipments && (partialQuantities ?? partialShipments)
        self.editsTrackingNumber = editsTrackingNumber
    }

    /// What each platform allows: every platform but Pinduoduo ships parts of an order (Pinduoduo: whole orders only,
    /// `pdd.logistics.online.send`); Taobao (`sub_tid`) and Youzan (`oids`) name whole lines only, so part of a line's
    /// quantity would be marked shipped entirely on the platform (`shipping.md` §8b.4, §8b.6); every platform has an
    /// edit call.
    public static func of(_ platform: Platform) -> ShipmentCapabilities {
        switch platform {
        case .pinduoduo: ShipmentCapabilities(partialShipments: false, editsTrackingNumber: true)
        case .taobao, .youzan: ShipmentCapabilities(partialShipments: true, partialQuantities: false, editsTrackingNumber: true)
        default: ShipmentCapabilities(partialShipments: true, editsTrackingNumber: true)
        }
    }
}

/// The connector has no shipment write-back for its platform.
public struct ShipmentWriteUnsupported: Error, Sendable, CustomStringConvertible {
    /// The platform.
    public var platform: Platform
    /// Creates the error.
    public init(platform: Platform) { self.platform = platform }
    public var description: String { "\(platform.rawValue) has no shipment write-back in this gateway" }
}
