/// Matches a statement's rows with the gateway's orders and classifies every difference.
///
/// Rules:
/// - Only ``StatementLineKind/sale`` and ``StatementLineKind/refund`` rows take part; fee and other
///   rows are summed into ``ReconciliationTotals/nonOrderFen`` and otherwise left alone.
/// - Rows are grouped by platform order id and **netted**: a sale row of 59.80 and a refund row of
///   −59.80 for one order make a statement amount of 0.00, which matches a gateway order that was
///   refunded or cancelled (gateway amount 0). Partial refunds net the same way against the
///   gateway's paid amount minus its refunded lines.
/// - Status is checked before amount: the statement says closed (a closed/refund status text, or a
///   net of zero or less after a refund) while the gateway has a live paid order, or the statement
///   shows money for an order the gateway has cancelled/unpaid → ``ReconciliationClass/statusDiffers``.
/// - Then amounts: `|statement − gateway| ≤ toleranceFen` is matched, anything more is
///   ``ReconciliationClass/amountDiffers`` (also when the gateway has no amount yet).
/// - Orders of the period with money (paid, shipped, completed, net amount above zero) that the
///   statement does not name are ``ReconciliationClass/missingInStatement``. Without a period this
///   class stays empty.
public enum ReconciliationMatcher {
    /// Matches a statement with the gateway's orders.
    /// - Parameters:
    ///   - statement: the parsed statement.
    ///   - orders: the gateway's orders of the statement's shop: those named by the statement and those
    ///     created in `period` (duplicates are fine).
    ///   - toleranceFen: the largest amount difference still counted as matched (the shop's tolerance).
    ///   - period: the creation-time period the statement covers; orders in it must appear on the statement.
    /// - Returns: one line per order, sorted by class then order id, with totals.
    public static func match(
        statement: Statement,
        orders: [CanonicalOrder],
        toleranceFen: Int64,
        period: ReconciliationPeriod?
    ) -> ReconciliationResult {
        var gateway: [String: CanonicalOrder] = [:]
        for order in orders where order.key.platform == statement.platform && order.key.shop == statement.shop {
            gateway[order.key.platformOrderId] = order
        }
        var groups: [String: [StatementLine]] = [:]
        var nonOrder: [StatementLine] = []
        for line in statement.lines {
            if line.kind.isOrderMoney && !line.platformOrderId.isEmpty {
                groups[line.platformOrderId, default: []].append(line)
            } else {
                nonOrder.append(line)
            }
        }
        var lines: [ReconciliationLine] = []
        for (orderId, rows) in groups {
            lines.append(compare(orderId: orderId, rows: rows, order: gateway[orderId], toleranceFen: toleranceFen))
        }
        if let period {
            for (orderId, order) in gateway where groups[orderId] == nil {
                guard let createdAt = order.snapshot?.createdAt, period.contains(createdAt), !StatementStatusMapping.gatewayClosed(order)
                else { continue }
                let net = StatementStatusMapping.gatewayNetFen(order)
                guard (net ?? 1) > 0 else { continue }
                let amount = net.map(Money.yuanString(fromFen:)) ?? "unknown"
                lines.append(
                    ReconciliationLine(
                        platformOrderId: orderId,
                        classification: .missingInStatement,
                        statementFen: nil,
                        gatewayFen: net,
                        statementStatus: nil,
                        gatewayStatus: StatementStatusMapping.gatewayStatusText(order),
                        statementLineNumbers: [],
                        detail: "the gateway has a \(order.status.rawValue) order of \(amount) yuan in the period; the statement does not name it"
                    )
                )
            }
        }
        lines.sort { ($0.classification.rank, $0.platformOrderId) < ($1.classification.rank, $1.platformOrderId) }
        return ReconciliationResult(
            lines: lines,
            totals: ReconciliationTotals(lines: lines, nonOrderLines: nonOrder),
            period: period,
            toleranceFen: toleranceFen
        )
    }

    private static func compare(orderId: String, rows: [StatementLine], order: CanonicalOrder?, toleranceFen: Int64) -> ReconciliationLine {
        // Overflow-checked: rows are bounded at import, but a hand-built statement may not be.
        let statementFen = rows.reduce(Int64(0)) { Money.saturatingSum($0, $1.amountFen) }
        var texts: [String] = []
        for text in rows.compactMap(\.statusText) where !text.isEmpty && !texts.contains(text) { texts.append(text) }
        let statementStatus = texts.isEmpty ? nil : texts.joined(separator: "/")
        let lineNumbers = rows.map(\.lineNumber).sorted()
        let statementYuan = Money.yuanString(fromFen: statementFen)
        guard let order else {
            return ReconciliationLine(
                platformOrderId: orderId,
                classification: .missingInGateway,
                statementFen: statementFen,
                gatewayFen: nil,
                statementStatus: statementStatus,
                gatewayStatus: nil,
                statementLineNumbers: lineNumbers,
                detail: "the statement has \(statementYuan) yuan for an order the gateway never stored"
            )
        }
        let gatewayFen = StatementStatusMapping.gatewayNetFen(order)
        let gatewayStatus = StatementStatusMapping.gatewayStatusText(order)
        let hasRefundRow = rows.contains { $0.kind == .refund }
        let statementClosed = texts.contains(where: StatementStatusMapping.saysClosed) || (hasRefundRow && statementFen <= 0)
        let gatewayClosed = StatementStatusMapping.gatewayClosed(order)
        func line(_ classification: ReconciliationClass, _ detail: String) -> ReconciliationLine {
            ReconciliationLine(
                platformOrderId: orderId,
                classification: classification,
                statementFen: statementFen,
                gatewayFen: gatewayFen,
                statementStatus: statementStatus,
                gatewayStatus: gatewayStatus,
                statementLineNumbers: lineNumbers,
                detail: detail
            )
        }
        if statementClosed && !gatewayClosed {
            return line(.statusDiffers, "the statement says refunded or closed; the gateway says \(gatewayStatus)")
        }
        if !statementClosed && statementFen > 0 && gatewayClosed {
            return line(.statusDiffers, "the statement has \(statementYuan) yuan; the gateway says \(gatewayStatus)")
        }
        guard let gatewayFen else {
            return line(.amountDiffers, "the gateway has no amount for the order yet (no snapshot); the statement has \(statementYuan) yuan")
        }
        let difference = Money.saturatingDifference(statementFen, gatewayFen)
        let gatewayYuan = Money.yuanString(fromFen: gatewayFen)
        if difference.magnitude > toleranceFen.magnitude {
            let differenceYuan = Money.yuanString(fromFen: difference)
            let toleranceYuan = Money.yuanString(fromFen: toleranceFen)
            return line(
                .amountDiffers,
                "statement \(statementYuan) − gateway \(gatewayYuan) = \(differenceYuan) yuan, beyond the tolerance of \(toleranceYuan)"
            )
        }
        return line(.matched, "statement \(statementYuan), gateway \(gatewayYuan) yuan")
    }
}
