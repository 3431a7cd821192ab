/// Why the shared ship bookkeeping refused a ship or edit call; each platform answers it with its own code.
enum MockShipRefusal: Error, Sendable, Equatable {
    /// No such order in the shop.
    case unknownOrder(String)
    /// The order is not paid yet.
    case notPaid
    /// The order is cancelled (closed).
    case cancelled
    /// Every unit is already shipped.
    case alreadyShipped
    /// The order is completed (received / trade success).
    case completed
    /// The order is partly shipped and the call only ships unshipped orders.
    case partlyShipped
    /// A line in the call has a pending refund.
    case refundPending(lineId: String)
    /// The call names a line the order does not have.
    case unknownLine(String)
    /// The call ships more units of a line than are left (or zero).
    case badQuantity(lineId: String, left: Int)
    /// The call would leave units unshipped and the platform ships whole orders only.
    case partialNotAllowed
    /// Nothing is left to ship (every unshipped line is refunded).
    case nothingToShip
    /// An edit on an order that has no shipment (or is not in a shipped state).
    case notShipped
    /// An edit names a parcel the order does not have.
    case unknownPackage(String)
}

extension MockShipRefusal {
    /// The refusal as the shop verbs (``MockShop/shipOrder(orderId:at:)``) throw it.
    /// - Parameter orderId: the order the verb was called for.
    func platformError(orderId: String) -> MockPlatformError {
        if case .unknownOrder(let id) = self { return .unknownOrder(id) }
        return .invalidTransition("cannot ship order \(orderId): \(self)")
    }
}
