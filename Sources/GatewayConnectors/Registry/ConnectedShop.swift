public import GatewayCore

/// What a ``ConnectorFactory`` builds for one shop: its connector and, where the platform pushes over HTTP, its push receiver.
public struct ConnectedShop: Sendable {
    /// The connector (polling, detail fetches, stock write-back).
    public var connector: any PlatformConnector
    /// The push receiver; `nil` for platforms that do not push.
    public var receiver: (any PushReceiver)?

    /// Creates a connected shop.
    /// - Parameters:
    ///   - connector: the shop's connector.
    ///   - receiver: the shop's push receiver, if any.
    public init(connector: any PlatformConnector, receiver: (any PushReceiver)? = nil) {
        self.connector = connector
        self.receiver = receiver
    }
}
