import GatewayCore

/// 快手小店 账单 (settled orders) export → statement lines.
///
/// - Order id: `订单号`. One row per order.
/// - Amount: `订单实付(元)` minus `订单退款(元)` (either sign accepted for the refund). Headers mix
///   ASCII and full-width parentheses; both spellings are accepted.
/// - Status: `全额退款` when the refund covers the payment, `部分退款` for a partial refund, else none.
/// - Order time: `订单创建时间`.
enum KuaishouBillStatement {
    static func lines(_ reader: inout StatementRowReader) -> [StatementLine] {
        let orderColumn = reader.require("订单号")
        let paidColumn = reader.require("订单实付(元)", "订单实付（元）")
        let refundColumn = reader.column("订单退款(元)", "订单退款（元）")
        let createdColumn = reader.column("订单创建时间")
        guard reader.problems.isEmpty else { return [] }
        var lines: [StatementLine] = []
        for row in reader.document.rows where !reader.isSummary(row) {
            let orderId = reader.orderId(row, orderColumn)
            let paid = reader.fen(row, paidColumn, required: true)
            let refund = Int64(reader.fen(row, refundColumn, required: false).magnitude)
            if orderId.isEmpty {
                if reader.text(row, orderColumn) == nil { reader.problem(row, orderColumn, "the order id is empty") }
                continue
            }
            let status: String? = refund == 0 ? nil : (refund >= paid ? "全额退款" : "部分退款")
            lines.append(
                StatementLine(
                    lineNumber: row.line,
                    platformOrderId: orderId,
                    amountFen: paid - refund,
                    statusText: status,
                    kind: .sale,
                    orderCreatedAt: reader.time(row, createdColumn),
                    raw: reader.raw(row)
                )
            )
        }
        return lines
    }
}
