/// The outcome of a livestream scenario run.
///
/// Everything except ``elapsedSeconds``, ``acknowledged`` and ``failures`` depends only on the seed and
/// the rates, so two runs with the same inputs against fresh mocks with the same seed report the same.
public struct LivestreamReport: Sendable, Equatable, Codable {
    /// The shop key.
    public var shop: String
    /// The scenario seed.
    public var seed: UInt64
    /// Orders created.
    public var ordersCreated: Int
    /// Orders paid (including those cancelled after payment).
    public var ordersPaid: Int
    /// Orders cancelled before payment.
    public var cancelledBeforePayment: Int
    /// Orders cancelled after payment.
    public var cancelledAfterPayment: Int
    /// Orders left unpaid.
    public var unpaid: Int
    /// Distinct push messages the platform produced.
    public var messages: Int
    /// HTTP pushes sent (each carries one message; duplicates included).
    public var pushesSent: Int
    /// Deliberate repeat deliveries among ``pushesSent``.
    public var duplicatesSent: Int
    /// Orders whose messages were delivered in swapped order.
    public var outOfOrder: Int
    /// Messages never pushed (only polling finds what they announced).
    public var dropped: Int
    /// Pushes the gateway acknowledged (HTTP 200, `code` 0).
    public var acknowledged: Int
    /// Pushes that failed (transport error or no acknowledgement).
    public var failures: Int
    /// The order ids created, in creation order.
    public var orderIds: [String]
    /// Wall-clock duration of the run.
    public var elapsedSeconds: Double

    /// Creates a report.
    public init(
        shop: String,
        seed: UInt64,
        ordersCreated: Int = 0,
        ordersPaid: Int = 0,
        cancelledBeforePayment: Int = 0,
        cancelledAfterPayment: Int = 0,
        unpaid: Int = 0,
        messages: Int = 0,
        pushesSent: Int = 0,
        duplicatesSent: Int = 0,
        outOfOrder: Int = 0,
        dropped: Int = 0,
        acknowledged: Int = 0,
        failures: Int = 0,
        orderIds: [String] = [],
        elapsedSeconds: Double = 0
    ) {
        self.shop = shop
        self.seed = seed
        self.ordersCreated = ordersCreated
        self.ordersPaid = ordersPaid
        self.cancelledBeforePayment = cancelledBeforePayment
        self.cancelledAfterPayment = cancelledAfterPayment
        self.unpaid = unpaid
        self.messages = messages
        self.pushesSent = pushesSent
        self.duplicatesSent = duplicatesSent
        self.outOfOrder = outOfOrder
        self.dropped = dropped
        self.acknowledged = acknowledged
        self.failures = failures
        self.orderIds = orderIds
        self.elapsedSeconds = elapsedSeconds
    }
}

extension LivestreamReport: CustomStringConvertible {
    /// A multi-line summary for a terminal.
    public var description: String {
        """
        Douyin livestream on \(shop) (seed \(seed)):
          orders created        \(ordersCreated)  (paid \(ordersPaid), cancelled before payment \(cancelledBeforePayment), \
        cancelled after payment \(cancelledAfterPayment), unpaid \(unpaid))
          messages              \(messages)
          pushes sent           \(pushesSent)  (duplicates \(duplicatesSent), out-of-order orders \(outOfOrder))
          dropped (poll only)   \(dropped)
          acknowledged          \(acknowledged)
          failures              \(failures)
          elapsed               \(Int((elapsedSeconds * 10).rounded()) / 10).\(Int((elapsedSeconds * 10).rounded()) % 10) s
        """
    }
}
