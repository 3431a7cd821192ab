/// The inbox's commit writer has shut down: the delivery was **not** stored and must not be acknowledged.
///
/// The writer stops last in the service group (after the HTTP server and the pipeline), so in a running gateway this is
/// only seen by a caller that appends during or after shutdown. Webhooks answer `503`, so the platform sends it again.
public struct InboxClosed: Error, Sendable, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    public var description: String {
        "the inbox is closed: its commit writer has shut down (everything accepted before was committed); nothing was stored"
    }
}
