/// What a ship call did to an order.
enum MockShipOutcome: Sendable, Equatable {
    /// Every unit of the order is now shipped.
    case complete
    /// Some units are still unshipped.
    case partial
    /// Nothing changed: the call repeated a shipment already recorded (idempotent success).
    case repeated
}
