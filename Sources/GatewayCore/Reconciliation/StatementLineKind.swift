/// What one statement row is about.
///
/// Only ``sale`` and ``refund`` rows are order money and take part in matching; ``fee`` and ``other``
/// rows (commissions, service fees, withdrawals, deposits) are kept on the statement but not matched.
public enum StatementLineKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Money the buyer paid for an order (positive).
    case sale
    /// Money returned to the buyer for an order (negative).
    case refund
    /// A platform fee or commission tied to an order.
    case fee
    /// Anything else: withdrawals, top-ups, deposits, adjustments without an order.
    case other

    /// Whether rows of this kind are order money that the matcher compares with the gateway.
    public var isOrderMoney: Bool { self == .sale || self == .refund }
}
