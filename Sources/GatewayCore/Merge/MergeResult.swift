/// The outcome of merging one observation into an order.
public struct MergeResult: Sendable, Hashable {
    /// The order after the merge (equal to the input order unless the decision is `applied`).
    public var order: CanonicalOrder
    /// What the merge did.
    public var decision: MergeDecision
    /// The status before the merge (`nil` when the order did not exist).
    public var previousStatus: OrderStatus?

    /// Creates a merge result.
    public init(order: CanonicalOrder, decision: MergeDecision, previousStatus: OrderStatus?) {
        self.order = order
        self.decision = decision
        self.previousStatus = previousStatus
    }
}
