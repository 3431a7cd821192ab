/// Stock of one enterprise SKU in one warehouse.
///
/// `available = onHand − reserved − safety`. Reservations never take `available` below zero.
public struct StockLevel: Sendable, Hashable, Codable {
    /// The warehouse.
    public var warehouseId: String
    /// The enterprise SKU code.
    public var skuCode: String
    /// Units physically in the warehouse (consumed units have left).
    public var onHand: Int
    /// Units promised to paid, unshipped lines.
    public var reserved: Int
    /// Units kept back so a live SKU stops selling before it oversells.
    public var safety: Int

    /// Creates a stock level.
    public init(warehouseId: String, skuCode: String, onHand: Int, reserved: Int = 0, safety: Int = 0) {
        self.warehouseId = warehouseId
        self.skuCode = skuCode
        self.onHand = onHand
        self.reserved = reserved
        self.safety = safety
    }

    /// Units that may still be promised (never shown below zero).
    public var available: Int { max(0, onHand - reserved - safety) }

    /// The level's key.
    public var key: StockKey { StockKey(warehouseId: warehouseId, skuCode: skuCode) }
}

/// Identifies a ``StockLevel``: warehouse and SKU.
public struct StockKey: Sendable, Hashable, Codable, Comparable {
    /// The warehouse.
    public var warehouseId: String
    /// The enterprise SKU code.
    public var skuCode: String

    /// Creates a key.
    public init(warehouseId: String, skuCode: String) {
        self.warehouseId = warehouseId
        self.skuCode = skuCode
    }

    public static func < (lhs: StockKey, rhs: StockKey) -> Bool {
        (lhs.warehouseId, lhs.skuCode) < (rhs.warehouseId, rhs.skuCode)
    }
}
