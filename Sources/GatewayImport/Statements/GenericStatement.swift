import GatewayCore

/// The gateway's generic statement format, for any platform or a hand-made sheet.
///
/// Columns (UTF-8 or GB18030 CSV, header on the first non-title row, any column order):
/// - `platform_order_id` (required): the order id as text.
/// - `amount_yuan` (required): yuan with up to two decimals (`59.8`, `59.80`, `¥1,059.80`).
/// - `kind`: `sale` (default), `refund`, `fee` or `other`. Refund and fee amounts are stored
///   negative whether written with a sign or not.
/// - `status`: free text; `refunded`, `closed`, `cancelled`, 全额退款, 交易关闭 … mark a closed order.
/// - `order_created_at`: `2026-05-31 20:15:03` (China time) or epoch seconds/milliseconds.
enum GenericStatement {
    static func lines(_ reader: inout StatementRowReader) -> [StatementLine] {
        let orderColumn = reader.require("platform_order_id")
        let amountColumn = reader.require("amount_yuan")
        let kindColumn = reader.column("kind")
        let statusColumn = reader.column("status")
        let createdColumn = reader.column("order_created_at")
        guard reader.problems.isEmpty else { return [] }
        var lines: [StatementLine] = []
        for row in reader.document.rows where !reader.isSummary(row) {
            let orderId = reader.orderId(row, orderColumn)
            var amount = reader.fen(row, amountColumn, required: true)
            let kindText = reader.text(row, kindColumn)?.lowercased() ?? "sale"
            guard let kind = StatementLineKind(rawValue: kindText) else {
                reader.problem(row, kindColumn, "\"\(kindText)\" is not a kind; use sale, refund, fee or other")
                continue
            }
            if kind.isOrderMoney && orderId.isEmpty && reader.text(row, orderColumn) == nil {
                reader.problem(row, orderColumn, "the order id is empty")
                continue
            }
            if kind == .refund || kind == .fee { amount = -Int64(amount.magnitude) }
            let createdText = reader.text(row, createdColumn)
            let created = createdText.flatMap(StatementTime.parse)
            if let createdText, created == nil {
                reader.problem(row, createdColumn, "\"\(createdText)\" is not a date-time like 2026-05-31 20:15:03")
            }
            lines.append(
                StatementLine(
                    lineNumber: row.line,
                    platformOrderId: orderId,
                    amountFen: amount,
                    statusText: reader.text(row, statusColumn),
                    kind: kind,
                    orderCreatedAt: created,
                    raw: reader.raw(row)
                )
            )
        }
        return lines
    }
}
