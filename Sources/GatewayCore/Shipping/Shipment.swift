/// A recorded shipment (issue #17): which units of an order left in which parcels, with which courier and tracking
/// number, and who recorded it. Its write-back to the platform is ``ShipmentWriteBack``.
public struct Shipment: Sendable, Hashable {
    /// The store's id.
    public var id: Int64
    /// The order.
    public var order: OrderKey
    /// The courier.
    public var courier: Courier
    /// The tracking number (the newest, after staff corrections).
    public var trackingNumber: String
    /// The lines and quantities shipped.
    public var lines: [ShippedLine]
    /// Whether it covered every unit of the order still to ship when it was recorded and nothing had shipped before
    /// (written back with the platform's whole-order call).
    public var wholeOrder: Bool
    /// How many packages.
    public var packages: Int
    /// The trace codes of the parcels of the shipped lines (farmer allocations), for the labels.
    public var traceCodes: [String]
    /// Who recorded it.
    public var recordedBy: String
    /// When.
    public var recordedAt: Timestamp
    /// Its write-back, as it stands.
    public var writeBack: ShipmentWriteBack?

    /// Creates a shipment.
    public init(
        id: Int64,
        order: OrderKey,
        courier: Courier,
        trackingNumber: String,
        lines: [ShippedLine],
        wholeOrder: Bool,
        packages: Int,
        traceCodes: [String],
        recordedBy: String,
        recordedAt: Timestamp,
        writeBack: ShipmentWriteBack? = nil
    ) {
        self.id = id
        self.order = order
        self.courier = courier
        self.trackingNumber = trackingNumber
        self.lines = lines
        self.wholeOrder = wholeOrder
        self.packages = packages
        self.traceCodes = traceCodes
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.writeBack = writeBack
    }

    /// Units shipped per line id across shipments (negative quantities count as none).
    public static func unitsShipped(by shipments: [Shipment]) -> [String: Int] {
        var shipped: [String: Int] = [:]
        for shipment in shipments {
            for line in shipment.lines { shipped[line.lineId, default: 0] += max(0, line.quantity) }
        }
        return shipped
    }
}
