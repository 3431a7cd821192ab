public import GatewayCore

/// A statement file layout the gateway can read: one per platform export, plus a generic one.
///
/// Columns are matched by **name**, never by position (platforms reorder and add columns). Each
/// format lists the columns that identify it; `StatementImport` finds the header row (below any
/// title lines) by looking for them.
public enum StatementFormat: String, Sendable, CaseIterable, Hashable {
    /// 抖店 结算账单 export (商家后台 → 资金 → 结算账单).
    case douyinSettlement = "douyin-settlement"
    /// 快手小店 账单 export (已结算订单).
    case kuaishouBill = "kuaishou-bill"
    /// 拼多多 货款/账务明细 export (title lines above the header, often GB18030).
    case pinduoduoFunds = "pinduoduo-funds"
    /// 支付宝 账务明细 export for Taobao / Tmall shops (classic `#` title lines, or the newer 收支 export).
    case alipayFunds = "alipay-funds"
    /// 微信小店 / 视频号 资金流水 export.
    case wechatFunds = "wechat-funds"
    /// The gateway's own format for any platform: `platform_order_id,amount_yuan,status,kind,order_created_at`.
    case generic

    /// The platform whose exports use the format; `nil` for ``generic`` (any platform).
    public var platform: Platform? {
        switch self {
        case .douyinSettlement: .douyin
        case .kuaishouBill: .kuaishou
        case .pinduoduoFunds: .pinduoduo
        case .alipayFunds: .taobao
        case .wechatFunds: .wechatChannels
        case .generic: nil
        }
    }

    /// The columns that identify the format's header row: each entry lists accepted spellings of one column.
    public var identifyingColumns: [[String]] {
        switch self {
        case .douyinSettlement: [["订单号"], ["子订单号"], ["用户实付"], ["结算单类型"]]
        case .kuaishouBill: [["订单号"], ["订单实付(元)", "订单实付（元）"], ["实际结算金额(元)", "实际结算金额（元）", "订单退款(元)", "订单退款（元）"]]
        case .pinduoduoFunds: [["商户订单号"], ["收入金额（+元）", "收入金额(+元)"], ["支出金额（-元）", "支出金额(-元)"], ["账务类型"]]
        case .alipayFunds:
            [
                ["业务基础订单号", "商户订单号"], ["收入金额（+元）", "收入金额(+元)", "收入（+元）", "收入(+元)"],
                ["支出金额（-元）", "支出金额(-元)", "支出（-元）", "支出(-元)"], ["业务类型", "账务类型"],
            ]
        case .wechatFunds: [["关联订单号"], ["收支类型"], ["收支金额"], ["动帐类型", "动账类型"]]
        case .generic: [["platform_order_id"], ["amount_yuan"]]
        }
    }

    /// Formats accepted for a platform's statements, most specific first (the generic format last).
    public static func candidates(for platform: Platform) -> [StatementFormat] {
        allCases.filter { $0.platform == platform } + [.generic]
    }
}
