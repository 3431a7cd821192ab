/// The refund state of one order line (design.md §3, contract).
public enum RefundState: String, Sendable, Codable, CaseIterable, Hashable {
    /// No after-sale request, or the request was closed without a refund.
    case none
    /// The buyer asked for a refund; not decided yet.
    case requested
    /// Money went back to the buyer.
    case refunded
}
