/// The counters a shop mock draws its ids from; each platform uses the ones it needs.
struct MockSequences: Sendable {
    /// Orders created.
    var order: Int64 = 0
    /// Order lines created (Youzan's `oid`s).
    var line: Int64 = 0
    /// Push messages made.
    var message: Int64 = 0
    /// Refunds or after-sales opened (counted before the change is checked, so a refused one uses a number too).
    var refund: Int64 = 0
    /// Tracking numbers given out.
    var tracking: Int64 = 0
    /// Parcels recorded by ship calls (their package ids).
    var package: Int64 = 0

    /// Counts one more on a counter.
    /// - Parameter counter: e.g. `\.order`.
    /// - Returns: the new value.
    mutating func next(_ counter: WritableKeyPath<MockSequences, Int64>) -> Int64 {
        self[keyPath: counter] += 1
        return self[keyPath: counter]
    }
}
