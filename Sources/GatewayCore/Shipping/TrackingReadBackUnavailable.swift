/// The platform's tracking numbers cannot be read back through this gateway (Youzan: no order-detail API here), so an
/// unknown outcome cannot be settled by reading the order: it goes to staff (``WriteBackLifecycle/Event/readBackUnavailable``).
public struct TrackingReadBackUnavailable: Error, Sendable, CustomStringConvertible {
    /// The platform.
    public var platform: Platform
    /// Creates the error.
    public init(platform: Platform) { self.platform = platform }
    public var description: String { "\(platform.rawValue) tracking numbers cannot be read back through this gateway" }
}
