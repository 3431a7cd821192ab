import GatewayCore

/// 微信小店 / 视频号 资金流水 export → statement lines.
///
/// - Order id: `关联订单号`; rows without one (withdrawals) are not order money.
/// - Amount: `收支金额` is unsigned; `收支类型` `收入` makes it positive, `支出` negative (anything else is a problem).
/// - Kind from `动帐类型` (also spelled `动账类型`): containing `退款` (but not 垫资/回收) refund;
///   佣金, 手续费, 服务费, 运费险, 平台券 fee; 订单收入/货款/交易 income sale; other rows other.
/// - Status: the type text. The file has no order time.
enum WeChatFundsStatement {
    static func lines(_ reader: inout StatementRowReader) -> [StatementLine] {
        let orderColumn = reader.require("关联订单号")
        let directionColumn = reader.require("收支类型")
        let amountColumn = reader.require("收支金额")
        let typeColumn = reader.require("动帐类型", "动账类型")
        guard reader.problems.isEmpty else { return [] }
        var lines: [StatementLine] = []
        for row in reader.document.rows where !reader.isSummary(row) {
            let orderId = reader.orderId(row, orderColumn)
            let magnitude = Int64(reader.fen(row, amountColumn, required: true).magnitude)
            let direction = reader.text(row, directionColumn) ?? ""
            let sign: Int64
            switch direction {
            case "收入": sign = 1
            case "支出": sign = -1
            default:
                reader.problem(row, directionColumn, "\"\(direction)\" is neither 收入 nor 支出")
                continue
            }
            let type = reader.text(row, typeColumn) ?? ""
            lines.append(
                StatementLine(
                    lineNumber: row.line,
                    platformOrderId: orderId,
                    amountFen: sign * magnitude,
                    statusText: type.isEmpty ? nil : type,
                    kind: kind(type: type, income: sign > 0, hasOrder: !orderId.isEmpty),
                    raw: reader.raw(row)
                )
            )
        }
        return lines
    }

    static func kind(type: String, income: Bool, hasOrder: Bool) -> StatementLineKind {
        guard hasOrder else { return .other }
        if type.contains("退款") && !type.contains("垫资") && !type.contains("回收") { return .refund }
        if ["佣金", "手续费", "服务费", "运费险", "平台券"].contains(where: type.contains) { return .fee }
        if income && ["订单收入", "货款", "交易", "收入"].contains(where: type.contains) { return .sale }
        return .other
    }
}
