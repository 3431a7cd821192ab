/// One configured shop's connection to its platform: decodes stored deliveries, fetches order
/// details, and pages through poll windows.
public protocol PlatformConnector: Sendable {
    /// The platform.
    var platform: Platform { get }
    /// The configured shop key.
    var shop: String { get }
    /// Poll windows this platform accepts.
    var pollPolicy: PollPolicy { get }

    /// Decodes one stored delivery (push message or poll row) into observations.
    ///
    /// - Throws: when the payload cannot be understood; the pipeline records the failure.
    func observations(from entry: InboxEntry) throws -> [OrderObservation]

    /// Fetches the full current state of one order from the platform API.
    func fetchOrder(platformOrderId: String) async throws -> PreparedObservation

    /// Lists every order updated within `[from, to]`, as inbox deliveries keyed by order id and update time.
    func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery]

    /// Sets the quantity one platform SKU may still sell (stock write-back, issue #5).
    ///
    /// Platforms that only take increments (Kuaishou) send `quantity − previousQuantity`.
    /// - Throws: ``StockWriteUnsupported`` where the platform has no researched stock API.
    func setStock(_ push: StockPush) async throws

    /// Whether ``setStock(_:)`` is implemented for this platform.
    var supportsStockWriteBack: Bool { get }

    /// Tells the platform an order (or part of it) has shipped (发货回传, issue #17): the platform's "mark as shipped"
    /// call for a first send, its edit call when ``ShipmentNotice/replacingTrackingNumber`` is set.
    /// - Returns: the platform's answer, classified.
    /// - Throws: for a network failure, a timeout or an unreadable answer (the outcome is unknown: the caller reads the
    ///   order back before sending again), or ``ShipmentWriteUnsupported``.
    func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult

    /// The tracking numbers the platform shows for an order (read back after "already shipped" or an unknown outcome).
    /// - Throws: when the order cannot be read.
    func shippedTrackingNumbers(platformOrderId: String) async throws -> [String]
}

extension PlatformConnector {
    /// The default: no stock write-back.
    public var supportsStockWriteBack: Bool { false }

    /// The default: the platform has no stock write-back.
    public func setStock(_ push: StockPush) async throws {
        throw StockWriteUnsupported(platform: platform)
    }

    /// The default: the platform has no shipment write-back.
    public func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
        throw ShipmentWriteUnsupported(platform: platform)
    }

    /// The default: the platform has no shipment write-back.
    public func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
        throw ShipmentWriteUnsupported(platform: platform)
    }
}

/// The platform has no stock write-back API the gateway can call.
public struct StockWriteUnsupported: Error, Sendable, CustomStringConvertible {
    /// The platform.
    public var platform: Platform
    /// Creates the error.
    public init(platform: Platform) { self.platform = platform }
    public var description: String { "\(platform.rawValue) has no stock write-back API in this gateway" }
}

/// How a platform may be polled.
public struct PollPolicy: Sendable, Hashable {
    /// Longest window one request may cover, in seconds.
    public var maxWindowSeconds: Int64
    /// How far behind the present a window must end, in seconds (PDD: 180).
    public var settleSeconds: Int64
    /// How much each window overlaps the previous one, in seconds.
    public var overlapSeconds: Int64

    /// Creates a poll policy.
    public init(maxWindowSeconds: Int64, settleSeconds: Int64 = 0, overlapSeconds: Int64 = 60) {
        self.maxWindowSeconds = maxWindowSeconds
        self.settleSeconds = settleSeconds
        self.overlapSeconds = overlapSeconds
    }
}
