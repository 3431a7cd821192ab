public import GatewayCore

/// Compares the gateway's orders with what the mock platform holds (its ground truth), order by
/// order: used by `gateway demo` for its verdict and by the end-to-end tests.
public struct TruthComparison: Sendable {
    /// One order that differs.
    public struct Difference: Sendable, CustomStringConvertible {
        /// The platform order id.
        public var orderId: String
        /// The shop key.
        public var shop: String
        /// What differs.
        public var problem: String
        /// `shop/orderId: problem`.
        public var description: String { "\(shop)/\(orderId): \(problem)" }
    }

    /// Orders compared (the platforms' orders).
    public var compared: Int
    /// Every difference found.
    public var differences: [Difference]

    /// Whether the gateway equals the truth.
    public var allEqual: Bool { differences.isEmpty }

    /// Compares status, paid amount and lines (count, quantity, refund state) order by order.
    public static func compare(truth: [MockOrderTruth], orders: [CanonicalOrder]) -> TruthComparison {
        var byKey: [String: CanonicalOrder] = [:]
        for order in orders { byKey["\(order.key.shop)/\(order.key.platformOrderId)"] = order }
        var differences: [Difference] = []
        for expected in truth {
            guard let order = byKey.removeValue(forKey: "\(expected.shop)/\(expected.orderId)") else {
                differences.append(Difference(orderId: expected.orderId, shop: expected.shop, problem: "missing in the gateway"))
                continue
            }
            if order.status.rawValue != expected.status {
                differences.append(
                    Difference(
                        orderId: expected.orderId,
                        shop: expected.shop,
                        problem: "status \(order.status.rawValue), platform says \(expected.status)"
                    )
                )
            }
            guard let snapshot = order.snapshot else {
                differences.append(Difference(orderId: expected.orderId, shop: expected.shop, problem: "no order detail fetched"))
                continue
            }
            if snapshot.paidFen != expected.paidFen {
                differences.append(
                    Difference(
                        orderId: expected.orderId,
                        shop: expected.shop,
                        problem: "paid \(snapshot.paidFen) fen, platform says \(expected.paidFen)"
                    )
                )
            }
            let lines = Dictionary(snapshot.lines.map { ($0.lineId, $0) }, uniquingKeysWith: { first, _ in first })
            for line in expected.lines {
                guard let mine = lines[line.lineId] else {
                    differences.append(Difference(orderId: expected.orderId, shop: expected.shop, problem: "line \(line.lineId) missing"))
                    continue
                }
                if mine.quantity != line.quantity || mine.refundState.rawValue != line.refundState || mine.paidFen != line.paidFen {
                    differences.append(
                        Difference(
                            orderId: expected.orderId,
                            shop: expected.shop,
                            problem: "line \(line.lineId): \(mine.quantity)×, \(mine.paidFen) fen, refund \(mine.refundState.rawValue); "
                                + "platform says \(line.quantity)×, \(line.paidFen) fen, refund \(line.refundState)"
                        )
                    )
                }
            }
        }
        for order in byKey.values {
            differences.append(
                Difference(orderId: order.key.platformOrderId, shop: order.key.shop, problem: "in the gateway but not on the platform")
            )
        }
        return TruthComparison(compared: truth.count, differences: differences)
    }
}
