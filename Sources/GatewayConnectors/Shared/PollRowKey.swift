import GatewayCore

/// What a connector reads from a poll row before it is stored: the row's key within the shop, `<id>:<update time>`
/// in the connector's own time unit (the delivery id without `poll:`), and — only when the row decoded as the
/// platform's order — the version the poller compares with what the gateway holds.
struct PollRowKey: Sendable, Hashable {
    /// `<id>:<update time>`.
    var text: String
    /// The order and update time the row's observation will carry; `nil` when the row did not decode.
    var version: PollRowVersion?
}
