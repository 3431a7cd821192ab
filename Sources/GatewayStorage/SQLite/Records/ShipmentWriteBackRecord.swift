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

    /// The stored state.
    var lifecycleState: WriteBackLifecycle.State {
        switch state {
        case "pending": .pending(attempts: attempts, notBefore: notBefore.map(Timestamp.init(millisecondsSince1970:)))
        case "sending": .sending(attempts: attempts)
        case "unknown": .unknownOutcome(attempts: attempts)
        case "confirmed": .confirmed
        case "conflict": .conflict(platformTrackingNumber: stateDetail ?? "")
        case "handled": .handled(by: stateDetail ?? "")
        default: .rejected(reason: stateDetail ?? "")
        }
    }

    /// Stores a state (the lease is the caller's).
    mutating func setState(_ newState: WriteBackLifecycle.State) {
        notBefore = nil
        stateDetail = nil
        switch newState {
        case .pending(let count, let until):
            state = "pending"
            attempts = count
            notBefore = until?.millisecondsSince1970
        case .sending(let count):
            state = "sending"
            attempts = count
        case .unknownOutcome(let count):
            state = "unknown"
            attempts = count
        case .confirmed: state = "confirmed"
        case .rejected(let reason):
            state = "rejected"
            stateDetail = reason
        case .conflict(let number):
            state = "conflict"
            stateDetail = number
        case .handled(let by):
            state = "handled"
            stateDetail = by
        }
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
