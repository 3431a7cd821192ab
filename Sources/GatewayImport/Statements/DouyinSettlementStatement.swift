import GatewayCore

/// 抖店 结算账单 (settlement bill) export → statement lines.
///
/// - Order id: `订单号` (the shop order; one row per 子订单号, netted per order by the matcher).
///   Summary rows with both `订单号` and `子订单号` empty are dropped.
/// - Amount: `用户实付` (what the buyer paid; fees and subsidies are not the order's money) minus
///   `结算前退款金额` (refunded before settlement). Rows whose `结算单类型` is a refund after
///   settlement (`结算后退款-…`) are refunds of `用户实付`; 保证金 rows are not order money.
/// - Status: `结算单类型`; a row refunded in full before settlement reads `…，结算前全额退款`.
/// - Order time: `下单时间`.
enum DouyinSettlementStatement {
    static func lines(_ reader: inout StatementRowReader) -> [StatementLine] {
        let orderColumn = reader.require("订单号")
        let subOrderColumn = reader.require("子订单号")
        let paidColumn = reader.require("用户实付")
        let typeColumn = reader.require("结算单类型")
        let refundColumn = reader.column("结算前退款金额")
        let createdColumn = reader.column("下单时间")
        guard reader.problems.isEmpty else { return [] }
        var lines: [StatementLine] = []
        for row in reader.document.rows where !reader.isSummary(row) {
            var orderId = reader.orderId(row, orderColumn)
            let subOrderId = reader.orderId(row, subOrderColumn)
            if orderId.isEmpty && subOrderId.isEmpty { continue }
            if orderId.isEmpty { orderId = subOrderId }
            let paid = reader.fen(row, paidColumn, required: true)
            let refundedBefore = reader.fen(row, refundColumn, required: false).magnitude
            let type = reader.text(row, typeColumn) ?? ""
            let kind: StatementLineKind
            var amount: Int64
            var status = type
            if type.contains("保证金") {
                kind = .other
                amount = paid
            } else if type.contains("退款") {
                kind = .refund
                amount = -Int64(paid.magnitude)
            } else {
                kind = .sale
                amount = paid - Int64(refundedBefore)
                if refundedBefore > 0 && amount <= 0 { status = type.isEmpty ? "结算前全额退款" : "\(type)，结算前全额退款" }
            }
            lines.append(
                StatementLine(
                    lineNumber: row.line,
                    platformOrderId: orderId,
                    amountFen: amount,
                    statusText: status.isEmpty ? nil : status,
                    kind: kind,
                    orderCreatedAt: reader.time(row, createdColumn),
                    raw: reader.raw(row)
                )
            )
        }
        return lines
    }
}
