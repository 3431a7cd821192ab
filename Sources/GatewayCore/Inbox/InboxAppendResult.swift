/// The result of appending one delivery to the inbox.
public enum InboxAppendResult: Sendable, Hashable {
    /// Stored for the first time, with its inbox id.
    case stored(id: Int64)
    /// Already in the inbox: the repeat was counted and nothing else stored.
    case duplicate(id: Int64)

    /// The inbox id of the delivery.
    public var id: Int64 {
        switch self {
        case .stored(let id), .duplicate(let id): id
        }
    }

    /// Whether the delivery was already there.
    public var isDuplicate: Bool {
        if case .duplicate = self { return true }
        return false
    }
}
