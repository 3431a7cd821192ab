import GatewayCore

/// 拼多多 货款/账务明细 export → statement lines.
///
/// - Order id: `商户订单号` (`YYMMDD-15 digits`); withdrawal, top-up and deposit rows have none.
/// - Amount: `收入金额（+元）` plus `支出金额（-元）` (expenses are printed negative; a positive
///   expense is treated as negative).
/// - Kind from `账务类型`: `交易收入` sale, `交易退款` refund, other rows with an order fee, without one other.
/// - Status: `账务类型`. The file has no order time.
enum PinduoduoFundsStatement {
    static func lines(_ reader: inout StatementRowReader) -> [StatementLine] {
        let orderColumn = reader.require("商户订单号")
        let incomeColumn = reader.require("收入金额（+元）", "收入金额(+元)")
        let expenseColumn = reader.require("支出金额（-元）", "支出金额(-元)")
        let typeColumn = reader.require("账务类型")
        guard reader.problems.isEmpty else { return [] }
        var lines: [StatementLine] = []
        for row in reader.document.rows where !reader.isSummary(row) {
            let orderId = reader.orderId(row, orderColumn)
            let income = reader.fen(row, incomeColumn, required: false)
            let expense = Int64(reader.fen(row, expenseColumn, required: false).magnitude)
            let type = reader.text(row, typeColumn) ?? ""
            let kind: StatementLineKind
            if orderId.isEmpty {
                kind = .other
            } else if type.hasPrefix("交易收入") {
                kind = .sale
            } else if type.hasPrefix("交易退款") {
                kind = .refund
            } else {
                kind = .fee
            }
            lines.append(
                StatementLine(
                    lineNumber: row.line,
                    platformOrderId: orderId,
                    amountFen: income - expense,
                    statusText: type.isEmpty ? nil : type,
                    kind: kind,
                    raw: reader.raw(row)
                )
            )
        }
        return lines
    }
}
