/// Durable poll cursors, one per shop (design.md §2 step 2).
public protocol PollCursorStore: Sendable {
    /// The end of the last completed poll window for a shop, if any.
    func pollCursor(shop: String) async throws -> Timestamp?

    /// Records that everything up to `cursor` has been polled for a shop.
    func setPollCursor(shop: String, to cursor: Timestamp) async throws
}
