/// A change every platform's shop knows, as ``MockShop/apply(_:orderId:at:)`` takes it.
public enum MockOrderChange: Sendable, Hashable {
    /// The buyer pays.
    case pay
    /// The merchant ships every line.
    case ship
    /// The buyer confirms receipt / the trade completes.
    case complete
    /// The order is cancelled (before or after payment, before shipment).
    case cancel
    /// The buyer asks for a refund of one line.
    case requestRefund(lineId: String)
    /// The refund of one line succeeds.
    case completeRefund(lineId: String)
}
