/// Units of one order line in a parcel (``MockShipment``).
public struct MockShippedLine: Codable, Sendable, Equatable, Hashable {
    /// The line id, as in ``MockLineTruth/lineId``.
    public var lineId: String
    /// Units shipped in the parcel.
    public var quantity: Int

    /// Creates a shipped line.
    public init(lineId: String, quantity: Int) {
        self.lineId = lineId
        self.quantity = quantity
    }
}
