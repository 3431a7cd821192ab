public import GatewayCore
import Synchronization

/// A connector whose wire format is `order|status|seconds|thin` and whose platform is a dictionary.
///
/// ```swift
/// let connector = FakeConnector(shop: "s")
/// connector.platformOrders.withLock { $0["o1"] = (.paid, 100) }
/// ```
public final class FakeConnector: PlatformConnector, Sendable {
    /// What the fake platform throws.
    public enum Failure: Error, Sendable {
        /// A payload the wire format cannot read.
        case unreadable(String)
        /// Detail fetches fail (``FakeConnector/failing``).
        case apiDown
        /// A detail fetch of an order the platform does not hold.
        case unknownOrder
    }

    /// Always Douyin.
    public let platform = Platform.douyin
    /// The shop key.
    public let shop: String
    /// The wire format: `order|status|seconds|thin` or `order|status|seconds|full[|quantity]`.
    public let pollPolicy = PollPolicy(maxWindowSeconds: 3600, settleSeconds: 0, overlapSeconds: 60)
    /// The platform's orders: id → (status, update seconds).
    public let platformOrders = Mutex<[String: (OrderStatus, Int64)]>([:])
    /// Whether detail fetches fail.
    public let failing = Mutex(false)
    /// Whether detail fetches hang forever.
    public let hanging = Mutex(false)
    /// Detail fetches asked for.
    public let fetches = Mutex(0)
    /// Poll windows requested.
    public let windows = Mutex<[(Timestamp, Timestamp)]>([])

    /// Creates a fake connector for a shop.
    /// - Parameter shop: the shop key.
    public init(shop: String) { self.shop = shop }

    /// Reads `order|status|seconds|thin` (a push needing detail) or `order|status|seconds|full[|quantity]` (a poll row).
    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        let parts = entry.delivery.payloadText.split(separator: "|").map(String.init)
        guard parts.count == 4 || parts.count == 5, let status = OrderStatus(rawValue: parts[1]), let seconds = Int64(parts[2]) else {
            throw Failure.unreadable(entry.delivery.payloadText)
        }
        let key = OrderKey(platform: .douyin, shop: shop, platformOrderId: parts[0])
        if parts[3] == "thin" {
            return [
                OrderObservation(
                    key: key,
                    source: .push,
                    event: "push",
                    platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                    status: status,
                    needsDetail: true
                )
            ]
        }
        return [
            OrderObservation(
                key: key,
                source: .poll,
                event: "poll",
                platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                snapshot: Self.snapshot(status, quantity: parts.count == 5 ? Int(parts[4]) ?? 1 : 1)
            )
        ]
    }

    /// The platform's order as a detail observation (fails, hangs or counts as set up).
    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        fetches.withLock { $0 += 1 }
        if hanging.withLock({ $0 }) {
            // A platform that never answers and ignores cancellation.
            await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
        }
        if failing.withLock({ $0 }) { throw Failure.apiDown }
        guard let (status, seconds) = platformOrders.withLock({ $0[platformOrderId] }) else { throw Failure.unknownOrder }
        let key = OrderKey(platform: .douyin, shop: shop, platformOrderId: platformOrderId)
        return PreparedObservation(
            observation: OrderObservation(
                key: key,
                source: .detail,
                event: "detail",
                platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                snapshot: Self.snapshot(status)
            ),
            rawPayload: "detail"
        )
    }

    /// The platform's orders updated in the window, as poll deliveries.
    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] {
        windows.withLock { $0.append((from, to)) }
        return platformOrders.withLock { orders in
            orders.filter { Timestamp(secondsSince1970: $0.value.1) >= from && Timestamp(secondsSince1970: $0.value.1) <= to }
                .sorted { $0.key < $1.key }
                .map { id, value in
                    InboxDelivery(
                        platform: .douyin,
                        shop: shop,
                        deliveryId: "poll:\(id):\(value.1)",
                        kind: .poll,
                        receivedAt: to,
                        text: "\(id)|\(value.0.rawValue)|\(value.1)|full"
                    )
                }
        }
    }

    /// A one-line ponkan order snapshot (5980 fen) in a status.
    /// - Parameters:
    ///   - status: the status.
    ///   - quantity: the line's quantity.
    /// - Returns: the snapshot.
    public static func snapshot(_ status: OrderStatus, quantity: Int = 1) -> OrderSnapshot {
        OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: 5980,
            paidFen: 5980,
            createdAt: Timestamp(secondsSince1970: 1),
            lines: [OrderLine(lineId: "1", productId: "p", skuId: "ponkan-5kg", title: "ponkan", quantity: quantity, paidFen: 5980)]
        )
    }
}
