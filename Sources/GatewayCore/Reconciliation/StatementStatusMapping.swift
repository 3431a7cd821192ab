/// The small mapping from statement status texts to "this order's money went back".
///
/// Statements do not share a status vocabulary. Only one question matters for matching: does the
/// statement say the order was **closed or fully refunded**? A text says so when it contains one of
/// ``closedMarkers`` (Chinese export wording and the generic format's English words). A refund row
/// alone does not (refunds can be partial); a statement whose sale and refund rows net to zero or
/// less does.
public enum StatementStatusMapping {
    /// Substrings that mark a closed or fully refunded order.
    public static let closedMarkers: [String] = [
        "全额退款", "退款成功", "已退款", "交易关闭", "已关闭", "订单关闭", "已取消", "取消",
        "refunded", "closed", "cancelled", "canceled",
    ]

    /// Whether a status text says the order was closed or fully refunded.
    public static func saysClosed(_ text: String?) -> Bool {
        guard let text, !text.isEmpty else { return false }
        let lowered = text.lowercased()
        return closedMarkers.contains { lowered.contains($0) }
    }

    /// Whether the gateway considers an order's money returned or never taken: cancelled, unpaid,
    /// or every line refunded.
    public static func gatewayClosed(_ order: CanonicalOrder) -> Bool {
        switch order.status {
        case .cancelled, .created: return true
        case .paid, .shipped, .completed:
            let lines = order.lines
            return !lines.isEmpty && lines.allSatisfy { $0.refundState == .refunded }
        }
    }

    /// The gateway's net amount of an order in fen: paid minus refunded lines; zero when cancelled or
    /// unpaid; `nil` when no snapshot (and so no amount) has arrived yet.
    public static func gatewayNetFen(_ order: CanonicalOrder) -> Int64? {
        if order.status == .cancelled || order.status == .created { return 0 }
        guard let snapshot = order.snapshot else { return nil }
        let refunded = snapshot.lines.filter { $0.refundState == .refunded }.reduce(Int64(0)) { $0 + $1.paidFen }
        return max(0, snapshot.paidFen - refunded)
    }

    /// The gateway status as shown on a reconciliation line.
    public static func gatewayStatusText(_ order: CanonicalOrder) -> String {
        let refunded = order.lines.filter { $0.refundState == .refunded }.count
        return refunded == 0 ? order.status.rawValue : "\(order.status.rawValue), \(refunded) line(s) refunded"
    }
}
