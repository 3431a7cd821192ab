import GatewayCore

/// A shipment (`Shipment`): its lines, courier, tracking number, trace codes and write-back.
struct ShipmentResponse: Encodable, Sendable {
    /// A shipped line.
    struct Line: Encodable, Sendable {
        var lineId: String
        var quantity: Int
    }

    var id: Int64
    var platform: String
    var shop: String
    var platformOrderId: String
    var courier: String
    var courierName: String
    var trackingNo: String
    var lines: [Line]
    var wholeOrder: Bool
    var packages: Int
    var traceCodes: [String]
    var recordedBy: String
    var recordedAt: String
    var writeBack: WriteBackResponse?

    init(_ shipment: Shipment) {
        id = shipment.id
        platform = shipment.order.platform.rawValue
        shop = shipment.order.shop
        platformOrderId = shipment.order.platformOrderId
        courier = shipment.courier.rawValue
        courierName = shipment.courier.name
        trackingNo = shipment.trackingNumber
        lines = shipment.lines.map { Line(lineId: $0.lineId, quantity: $0.quantity) }
        wholeOrder = shipment.wholeOrder
        packages = shipment.packages
        traceCodes = shipment.traceCodes
        recordedBy = shipment.recordedBy
        recordedAt = APITime.string(shipment.recordedAt)
        writeBack = shipment.writeBack.map(WriteBackResponse.init)
    }
}

/// A shipment's write-back to its platform (`WriteBack`).
struct WriteBackResponse: Encodable, Sendable {
    var id: Int64
    var shipmentId: Int64
    var platform: String
    var shop: String
    var platformOrderId: String
    /// `pending`, `sending`, `unknown`, `confirmed`, `rejected`, `conflict` or `handled`.
    var state: String
    var attempts: Int
    var notBefore: String?
    /// A rejection's reason, the platform's other tracking number, or who marked it handled.
    var detail: String?
    var needsStaff: Bool
    var courier: String
    var trackingNo: String
    var replacingTrackingNo: String?
    var lastError: String?
    var updatedAt: String

    init(_ writeBack: ShipmentWriteBack) {
        id = writeBack.id
        shipmentId = writeBack.shipmentId
        platform = writeBack.order.platform.rawValue
        shop = writeBack.order.shop
        platformOrderId = writeBack.order.platformOrderId
        let described = Self.describe(writeBack.state)
        state = described.state
        attempts = described.attempts
        notBefore = described.notBefore.map { APITime.string($0) }
        detail = described.detail
        needsStaff = WriteBackLifecycle.needsStaff(writeBack.state)
        courier = writeBack.courier.rawValue
        trackingNo = writeBack.trackingNumber
        replacingTrackingNo = writeBack.replacingTrackingNumber
        lastError = writeBack.lastError
        updatedAt = APITime.string(writeBack.updatedAt)
    }

    /// A state as its name, attempts, wait and detail.
    static func describe(_ state: WriteBackLifecycle.State) -> (state: String, attempts: Int, notBefore: Timestamp?, detail: String?) {
        switch state {
        case .pending(let attempts, let notBefore): ("pending", attempts, notBefore, nil)
        case .sending(let attempts): ("sending", attempts, nil, nil)
        case .unknownOutcome(let attempts): ("unknown", attempts, nil, nil)
        case .confirmed: ("confirmed", 0, nil, nil)
        case .rejected(let reason): ("rejected", 0, nil, reason)
        case .conflict(let theirs): ("conflict", 0, nil, theirs)
        case .handled(let by): ("handled", 0, nil, by)
        }
    }
}
