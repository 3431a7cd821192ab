/// The canonical order status, shown as is in the staff API (design.md §3, contract).
///
/// Statuses other than ``cancelled`` are ranked: an order never moves back down the rank.
/// ``cancelled`` is terminal unless a platform explicitly re-opens an order with a change newer than
/// its latest cancel (``StatusEvidence``).
public enum OrderStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Placed, not paid yet.
    case created
    /// Paid (or confirmed for cash on delivery); stock should be reserved.
    case paid
    /// Every line handed to the carrier.
    case shipped
    /// Received by the buyer / trade finished.
    case completed
    /// Cancelled or closed.
    case cancelled

    /// Position in the forward progression; `cancelled` sits above everything (it is terminal).
    public var rank: Int {
        switch self {
        case .created: 0
        case .paid: 1
        case .shipped: 2
        case .completed: 3
        case .cancelled: 4
        }
    }
}
