/// The most recent distinct keys, at most ``capacity`` of them: inserting one more forgets the oldest.
///
/// The poller keeps one per shop of the poll rows it has already stored, so that rows an overlapping window lists
/// again are not sent to the inbox again (issue #14): they would only be counted as repeats there.
public struct RecentKeys: Sendable {
    /// How many keys are kept at most (at least 1).
    public let capacity: Int
    private var members: Set<String> = []
    private var order: [String] = []
    private var oldest = 0

    /// Creates an empty set.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// How many keys are kept now.
    public var count: Int { members.count }

    /// Whether `key` is among the kept keys.
    public func contains(_ key: String) -> Bool { members.contains(key) }

    /// Keeps `key` as the newest; when full, the oldest key is forgotten. A key already kept stays where it is.
    public mutating func insert(_ key: String) {
        guard !members.contains(key) else { return }
        if order.count < capacity {
            order.append(key)
        } else {
            members.remove(order[oldest])
            order[oldest] = key
            oldest = (oldest + 1) % capacity
        }
        members.insert(key)
    }
}
