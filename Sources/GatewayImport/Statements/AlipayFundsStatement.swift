import GatewayCore

/// 支付宝 账务明细 export of a Taobao / Tmall shop → statement lines.
///
/// Both the classic export (`#` title lines, header on row 5, `业务类型`) and the newer 收支 export
/// (`账务类型`, `收入（+元）`) are read.
/// - Order id: `业务基础订单号` (the trade id) when filled; otherwise `商户订单号` with a `T<digits>P`
///   prefix removed (`T200P5116032541422009305` → `5116032541422009305`); rows with neither are not order money.
/// - Amount: income column plus expense column (expenses negative whatever their printed sign).
/// - Kind from `业务类型`/`账务类型`: `交易付款`, `在线支付` sale; `交易退款` refund; `提现`, `转账`,
///   `充值` other; anything else with an order (收费, 交易分账, 退费 …) fee.
/// - Status: the type text. The file has no order time.
enum AlipayFundsStatement {
    static func lines(_ reader: inout StatementRowReader) -> [StatementLine] {
        let baseOrderColumn = reader.column("业务基础订单号")
        let merchantOrderColumn = reader.column("商户订单号")
        if baseOrderColumn == nil && merchantOrderColumn == nil { _ = reader.require("业务基础订单号", "商户订单号") }
        let incomeColumn = reader.require("收入金额（+元）", "收入金额(+元)", "收入（+元）", "收入(+元)")
        let expenseColumn = reader.require("支出金额（-元）", "支出金额(-元)", "支出（-元）", "支出(-元)")
        let typeColumn = reader.require("业务类型", "账务类型")
        guard reader.problems.isEmpty else { return [] }
        var lines: [StatementLine] = []
        for row in reader.document.rows where !reader.isSummary(row) {
            var orderId = reader.orderId(row, baseOrderColumn)
            if orderId.isEmpty { orderId = tradeId(fromMerchantOrder: reader.orderId(row, merchantOrderColumn)) }
            let income = reader.fen(row, incomeColumn, required: false)
            let expense = Int64(reader.fen(row, expenseColumn, required: false).magnitude)
            let type = reader.text(row, typeColumn) ?? ""
            let kind: StatementLineKind
            if orderId.isEmpty || ["提现", "转账", "充值"].contains(where: type.hasPrefix) {
                kind = .other
            } else if type.hasPrefix("交易付款") || type.hasPrefix("在线支付") {
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

    /// The Taobao trade id inside an Alipay merchant order number: `T200P<tid>` → `<tid>`; other values unchanged.
    static func tradeId(fromMerchantOrder value: String) -> String {
        guard value.first == "T", let p = value.firstIndex(of: "P") else { return value }
        let digits = value[value.index(after: value.startIndex)..<p]
        let rest = value[value.index(after: p)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), !rest.isEmpty, rest.allSatisfy(\.isNumber) else { return value }
        return String(rest)
    }
}
