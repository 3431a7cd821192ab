/// What a sealed value holds. It is bound into the value's authenticated data, so a value cannot be moved
/// to another column and opened there.
public enum SealPurpose: String, Sendable, Hashable, CaseIterable {
    /// A delivery's raw payload in the inbox (`inbox.payload`).
    case inboxPayload = "inbox.payload"
    /// An observation's raw payload on an order's timeline (`timeline.raw_payload`).
    case timelinePayload = "timeline.raw_payload"
    /// A buyer's plaintext name, phone and address (``BuyerInfo/sealedReceiver``).
    case receiver = "orders.receiver"
    /// The check value that proves a configured key is the one a database was sealed with (`data_keys`).
    case keyCheck = "data_keys.check"
}
