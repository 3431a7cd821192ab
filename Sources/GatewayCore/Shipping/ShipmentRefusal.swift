/// Why a shipment cannot be recorded as given; nothing is stored.
public enum ShipmentRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The gateway has no such order.
    case unknownOrder(OrderKey)
    /// The order is not paid yet.
    case notPaid(OrderKey)
    /// The order is cancelled.
    case cancelled(OrderKey)
    /// The order has no line with this id.
    case unknownLine(String)
    /// A line is named twice.
    case repeatedLine(String)
    /// A quantity below 1.
    case badQuantity(lineId: String, quantity: Int)
    /// More units than the line still has to ship.
    case tooMany(lineId: String, asked: Int, remaining: Int)
    /// The line has a refund requested or done: a refund is a human decision, not shipped over.
    case refund(lineId: String)
    /// The line holds no stock (held by an exception, released or dismissed).
    case notReserved(lineId: String, state: FulfilmentState?)
    /// Nothing of the order is left to ship.
    case nothingToShip(OrderKey)
    /// The platform ships whole orders only, and this is part of one.
    case partialNotSupported(Platform)
    /// The platform ships whole lines only (Taobao `sub_tid`, Youzan `oids`), and this names part of a line's units.
    case partialQuantityNotSupported(Platform, lineId: String)

    /// A short machine-readable code (API errors, CSV reports).
    public var code: String {
        switch self {
        case .unknownOrder: "unknown_order"
        case .notPaid: "order_not_paid"
        case .cancelled: "order_cancelled"
        case .unknownLine: "unknown_line"
        case .repeatedLine: "repeated_line"
        case .badQuantity: "bad_quantity"
        case .tooMany: "quantity_too_large"
        case .refund: "refund_pending"
        case .notReserved: "line_not_reserved"
        case .nothingToShip: "nothing_to_ship"
        case .partialNotSupported: "partial_not_supported"
        case .partialQuantityNotSupported: "partial_quantity_not_supported"
        }
    }

    public var description: String {
        switch self {
        case .unknownOrder(let key): "no order \(key)"
        case .notPaid(let key): "order \(key.platformOrderId) is not paid yet"
        case .cancelled(let key): "order \(key.platformOrderId) is cancelled"
        case .unknownLine(let id): "the order has no line \(id)"
        case .repeatedLine(let id): "line \(id) is named twice"
        case .badQuantity(let id, let quantity): "line \(id): quantity \(quantity) is not at least 1"
        case .tooMany(let id, let asked, let remaining): "line \(id): \(asked) units asked, \(remaining) left to ship"
        case .refund(let id): "line \(id) has a refund requested or done; decide the refund first"
        case .notReserved(let id, let state):
            "line \(id) holds no stock (\(state?.rawValue ?? "not planned")); resolve its exception first"
        case .nothingToShip(let key): "nothing of order \(key.platformOrderId) is left to ship"
        case .partialNotSupported(let platform): "\(platform.rawValue) ships whole orders only; ship every line at once"
        case .partialQuantityNotSupported(let platform, let id):
            "\(platform.rawValue) ships whole lines only; ship every unit left of line \(id) at once"
        }
    }
}
