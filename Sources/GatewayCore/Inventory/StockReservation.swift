/// Units of one enterprise SKU held in (or taken from) one warehouse for one order line.
public struct StockReservation: Sendable, Hashable, Codable {
    /// The warehouse.
    public var warehouseId: String
    /// The enterprise SKU code.
    public var skuCode: String
    /// Units.
    public var quantity: Int

    /// Creates a reservation.
    public init(warehouseId: String, skuCode: String, quantity: Int) {
        self.warehouseId = warehouseId
        self.skuCode = skuCode
        self.quantity = quantity
    }

    /// The stock level it draws on.
    public var key: StockKey { StockKey(warehouseId: warehouseId, skuCode: skuCode) }
}
