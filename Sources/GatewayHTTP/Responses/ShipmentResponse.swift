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
        let parts = writeBack.state.parts
        state = parts.name
        attempts = parts.attempts
        notBefore = parts.notBefore.map { APITime.string($0) }
        detail = parts.detail
        needsStaff = WriteBackLifecycle.needsStaff(writeBack.state)
        courier = writeBack.courier.rawValue
        trackingNo = writeBack.trackingNumber
        replacingTrackingNo = writeBack.replacingTrackingNumber
        lastError = writeBack.lastError
        updatedAt = APITime.string(writeBack.updatedAt)
    }
}
