/// A shipment as staff, a scanner, the API or a courier's CSV give it, before it is checked against the order.
public struct ShipmentDraft: Sendable, Hashable {
    /// The order.
    public var order: OrderKey
    /// The courier.
    public var courier: Courier
    /// The tracking number.
    public var trackingNumber: TrackingNumber
    /// The lines and quantities in the parcel(s); `nil` = everything of the order not shipped yet.
    public var lines: [ShippedLine]?
    /// How many packages carry it (1–99).
    public var packages: Int

    /// The most packages one shipment may have.
    public static let maxPackages = 99

    /// Creates a draft; `packages` is clamped to 1–99.
    public init(order: OrderKey, courier: Courier, trackingNumber: TrackingNumber, lines: [ShippedLine]? = nil, packages: Int = 1) {
        self.order = order
        self.courier = courier
        self.trackingNumber = trackingNumber
        self.lines = lines
        self.packages = min(max(packages, 1), Self.maxPackages)
    }
}
