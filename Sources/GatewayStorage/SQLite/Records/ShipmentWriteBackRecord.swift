import GRDB
import GatewayCore

/// A row of `shipment_write_backs`: the outbox entry of one shipment. ``WriteBackLifecycle/State`` is stored as a name,
/// the attempt count, the time it waits for, and one detail (a rejection's reason, the platform's other tracking
/// number, who marked it handled).
struct ShipmentWriteBackRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "shipment_write_backs"

    var id: Int64?
    var shipmentId: Int64
    var state: String
    var attempts: Int
    var notBefore: Int64?
    var leaseUntil: Int64?
    var stateDetail: String?
    var courier: String
    var trackingNo: String
    var replacingTrackingNo: String?
    var lastError: String?
    var updatedAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, state, attempts, courier
        case shipmentId = "shipment_id"
        case notBefore = "not_before"
        case leaseUntil = "lease_until"
        case stateDetail = "state_detail"
        case trackingNo = "tracking_no"
        case replacingTrackingNo = "replacing_tracking_no"
        case lastError = "last_error"
        case updatedAt = "updated_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let shipmentId = Column(CodingKeys.shipmentId)
        static let state = Column(CodingKeys.state)
        static let notBefore = Column(CodingKeys.notBefore)
        static let leaseUntil = Column(CodingKeys.leaseUntil)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The stored state (the column's CHECK allows only the names of ``GatewayCore/WriteBackLifecycle/State/parts``).
    var lifecycleState: WriteBackLifecycle.State {
        WriteBackLifecycle.State(
            name: state,
            attempts: attempts,
            notBefore: notBefore.map(Timestamp.init(millisecondsSince1970:)),
            detail: stateDetail
        ) ?? .rejected(reason: "unreadable stored state \(state)")
    }

    /// Stores a state (the lease is the caller's).
    mutating func setState(_ newState: WriteBackLifecycle.State) {
        let parts = newState.parts
        state = parts.name
        attempts = parts.attempts
        notBefore = parts.notBefore?.millisecondsSince1970
        stateDetail = parts.detail
    }

    /// The write-back of a shipment row.
    func writeBack(of shipment: ShipmentRecord) -> ShipmentWriteBack? {
        guard let id, let order = shipment.order, let courier = Courier(rawValue: courier) else { return nil }
        return ShipmentWriteBack(
            id: id,
            shipmentId: shipmentId,
            order: order,
            state: lifecycleState,
            trackingNumber: trackingNo,
            courier: courier,
            replacingTrackingNumber: replacingTrackingNo,
            lastError: lastError,
            updatedAt: Timestamp(millisecondsSince1970: updatedAt)
        )
    }
}
