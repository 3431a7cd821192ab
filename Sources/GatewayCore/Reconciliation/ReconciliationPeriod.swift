/// A half-open range of order creation times, `[from, to)`: the orders a statement should cover.
public struct ReconciliationPeriod: Sendable, Hashable, Codable {
    /// The first instant inside the period.
    public var from: Timestamp
    /// The first instant after the period.
    public var to: Timestamp

    /// Creates a period.
    public init(from: Timestamp, to: Timestamp) {
        self.from = from
        self.to = to
    }

    /// Whether an instant falls inside the period.
    public func contains(_ instant: Timestamp) -> Bool { from <= instant && instant < to }
}
