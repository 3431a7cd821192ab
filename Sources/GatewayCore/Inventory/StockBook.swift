/// Stock levels being changed by one pipeline batch, with the rules that keep them honest.
///
/// Every change goes through ``reserve(_:)``, ``release(_:)`` and ``consume(_:)``; a reservation that
/// would take `available` below zero is refused, so the book never oversells.
public struct StockBook: Sendable, Hashable {
    /// The levels by key.
    public private(set) var levels: [StockKey: StockLevel]
    /// Keys changed since the book was created.
    public private(set) var touched: Set<StockKey> = []

    /// Creates a book over levels.
    public init(levels: [StockLevel]) {
        self.levels = Dictionary(levels.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The level for a key, if the warehouse stocks the SKU.
    public func level(_ key: StockKey) -> StockLevel? { levels[key] }

    /// Units available at a key (0 when the warehouse does not stock the SKU).
    public func available(_ key: StockKey) -> Int { levels[key]?.available ?? 0 }

    /// Total available units of a SKU across the given warehouses.
    public func available(skuCode: String, in warehouseIds: some Sequence<String>) -> Int {
        warehouseIds.reduce(0) { $0 + available(StockKey(warehouseId: $1, skuCode: skuCode)) }
    }

    /// Reserves every part or none. - Returns: whether it was reserved.
    public mutating func reserve(_ parts: [StockReservation]) -> Bool {
        var needed: [StockKey: Int] = [:]
        for part in parts { needed[part.key, default: 0] += part.quantity }
        for (key, quantity) in needed where available(key) < quantity { return false }
        for part in parts {
            levels[part.key]!.reserved += part.quantity
            touched.insert(part.key)
        }
        return true
    }

    /// Gives reserved units back.
    public mutating func release(_ parts: [StockReservation]) {
        for part in parts {
            guard var level = levels[part.key] else { continue }
            level.reserved = max(0, level.reserved - part.quantity)
            levels[part.key] = level
            touched.insert(part.key)
        }
    }

    /// Turns reserved units into shipped ones: they leave `onHand` and `reserved` together.
    public mutating func consume(_ parts: [StockReservation]) {
        for part in parts {
            guard var level = levels[part.key] else { continue }
            level.reserved = max(0, level.reserved - part.quantity)
            level.onHand = max(0, level.onHand - part.quantity)
            levels[part.key] = level
            touched.insert(part.key)
        }
    }

    /// Replaces a level (staff adjustments).
    public mutating func set(_ level: StockLevel) {
        levels[level.key] = level
        touched.insert(level.key)
    }
}
