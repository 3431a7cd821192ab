import Foundation

/// Realistic statement exports written from /work/shared/statements.md (column names verbatim).
enum StatementFixtures {
    /// 抖店 结算账单 header (S4 column set).
    static let douyinHeader = [
        "结算时间", "订单号", "子订单号", "结算金额", "结算账户", "结算单类型", "有结算前退款", "下单时间", "商品ID", "商品名称", "商品数量", "达人ID", "达人名称",
        "业务类型", "订单类型", "订单总价", "商品总价", "运费", "店铺劵", "政府补贴商家垫资", "结算前退款金额", "平台补贴", "其他平台补贴", "政府补贴平台垫资", "达人补贴",
        "抖音支付补贴", "抖音月付营销补贴", "银行补贴", "以旧换新抵扣", "平台补贴运费", "用户实付", "收入合计", "平台服务费", "达人佣金", "服务商佣金", "渠道分成",
        "招商服务费", "站外推广费", "其他分成", "其他分成说明", "支出合计", "是否免佣", "免佣金额", "备注",
    ]

    /// A CSV row for a header: named cells set, the rest empty; cells with commas or quotes are quoted.
    static func row(_ header: [String], _ cells: [String: String]) -> String {
        header.map { name in
            let value = cells[name] ?? ""
            return value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",")
    }

    static func douyin(_ rows: [[String: String]]) -> String {
        ([douyinHeader.joined(separator: ",")] + rows.map { row(douyinHeader, $0) }).joined(separator: "\r\n") + "\r\n"
    }

    /// A Douyin settlement bill: two SKU rows of one order, a full refund before settlement, a refund
    /// after settlement, a summary row; ids wrapped as `="…"` and tab-padded; yuan with one and two decimals.
    static let douyinSettlement = douyin([
        [
            "结算时间": "2026-06-01 08:00:00", "订单号": "=\"6932145501234567891\"", "子订单号": "=\"6932145501234567892\"", "结算金额": "56.81",
            "结算账户": "聚合账户", "结算单类型": "已结算", "有结算前退款": "否", "下单时间": "2026-05-31 20:15:03", "商品名称": "云岭土鸡蛋 30枚",
            "商品数量": "1", "订单总价": "59.8", "用户实付": "59.8", "收入合计": "59.8", "平台服务费": "-2.99", "支出合计": "-2.99",
        ],
        [
            "结算时间": "2026-06-01 08:00:00", "订单号": "6932145501234567891\t", "子订单号": "6932145501234567893\t", "结算金额": "11.88",
            "结算单类型": "已结算", "下单时间": "2026-05-31 20:15:03", "用户实付": "12.50", "平台服务费": "-0.62",
        ],
        [
            "结算时间": "2026-06-01 08:00:00", "订单号": "6932145509876543210", "子订单号": "6932145509876543211", "结算金额": "0.00",
            "结算单类型": "已结算", "有结算前退款": "是", "下单时间": "2026-05-31 21:00:00", "用户实付": "39.90", "结算前退款金额": "39.9",
        ],
        [
            "结算时间": "2026-06-01 09:30:00", "订单号": "6932145501111111111", "子订单号": "6932145501111111112", "结算金额": "-19.9",
            "结算单类型": "结算后退款-原路退回", "下单时间": "2026-05-30 19:00:00", "用户实付": "19.9",
        ],
        ["结算金额": "49.59", "备注": "合计"],
    ])

    static let kuaishouHeader = [
        "商家ID", "订单号", "商品ID", "商品名称", "商品数量", "订单创建时间", "订单实付(元)", "政府补贴", "支付营销补贴", "平台补贴", "商家补贴(元)", "达人补贴",
        "达人补贴明细", "合计收入(元)", "订单退款(元)", "支付营销回退（元）", "技术服务费(元)", "预售增收技术服务费（元）", "达人ID", "MCN机构ID", "达人佣金(元)", "团长id",
        "团长佣金(元)", "佣金模式", "快赚客ID", "快赚客佣金(元)", "服务商ID", "服务商佣金(元)", "分账基数", "其他收费", "其他收费明细", "合计支出(元)",
        "实际结算金额(元)", "实际结算时间", "结算规则", "资金渠道", "账户名称", "结算商户号", "备注", "消费金信息",
    ]

    /// A Kuaishou 账单: a plain order, a fully refunded one, a partly refunded one (refund printed negative).
    static let kuaishouBill =
        ([kuaishouHeader.joined(separator: ",")] + [
            row(
                kuaishouHeader,
                [
                    "商家ID": "1029384756", "订单号": "2417400012345678", "订单创建时间": "2026-05-31 20:01:02", "订单实付(元)": "88.8",
                    "合计收入(元)": "88.8", "技术服务费(元)": "-4.44", "实际结算金额(元)": "84.36", "实际结算时间": "2026-06-08 00:00:00",
                ]
            ),
            row(
                kuaishouHeader,
                [
                    "商家ID": "1029384756", "订单号": "2417400012345679", "订单创建时间": "2026-05-31 20:05:00", "订单实付(元)": "30.00",
                    "订单退款(元)": "30.00", "实际结算金额(元)": "0.00",
                ]
            ),
            row(
                kuaishouHeader,
                [
                    "商家ID": "1029384756", "订单号": "2417400012345680", "订单创建时间": "2026-05-31 20:09:00", "订单实付(元)": "¥100.5",
                    "订单退款(元)": "-20", "实际结算金额(元)": "76.48",
                ]
            ),
        ]).joined(separator: "\n") + "\n"

    /// A Pinduoduo 账务明细 export saved as GB18030 with CRLF line ends: four title lines, the header on
    /// row 5, sale + fee of one order, sale + refund of another, a `"1,299.00"` sale, a withdrawal.
    static let pinduoduoGB18030Base64 =
        "xrS24LbgterGzNXLzvHD98+4sunRrw0KDQrG8Mq8yrG85KO6MjAyNi0wNS0zMSAwMDowMDowMCDW1da5yrG85KO6MjAyNi0wNS0zMSAyMzo1OTo1OQ0KLS0tLS0tLS0tLb270te8x8K8w/fPuMHQse0tLS0tLS0tLS0NCsnMu6e2qbWlusUst6LJ+sqxvOQsytXI673wtu6jqCvUqqOpLNans/a98Lbuo6gt1KqjqSzVy87xwODQzSyxuNeiLNK1zvHD6Mr2DQoyNjA1MzEtNjYyOTQxMjg0NzAxMjE5LDIwMjYtMDUtMzEgMTA6MDI6MTEsNTkuOCwwLL270tfK1cjrLCwwMDEwMDAyfL270tfK1cjrLbaptaXK1cjrDQoyNjA1MzEtNjYyOTQxMjg0NzAxMjE5LDIwMjYtMDUtMzEgMTA6MDI6MTEsMCwtMC4zNiy8vMr1t/7O8bfRLCwwMDMwMDAyfLy8yvW3/s7xt9Etu/m0oby8yvW3/s7xt9ENCjI2MDUzMS0xMTg4MzAyNzU1MTkwMjQsMjAyNi0wNS0zMSAxMTo0MDowMCwyNy41MCwwLL270tfK1cjrLCwwMDEwMDAyfL270tfK1cjrLbaptaXK1cjrDQoyNjA1MzEtMTE4ODMwMjc1NTE5MDI0LDIwMjYtMDUtMzEgMTU6MTI6NDUsMCwtMjcuNTAsvbvS183Lv+4sLDAwMjAwMDJ8vbvS183Lv+4ttqm1pc3Lv+4NCjI2MDUzMS0zNTc3MjAwMTkzODQ0NTYsMjAyNi0wNS0zMSAxMjowMDowMCwiMSwyOTkuMDAiLDAsvbvS18rVyOssLDAwMTAwMDJ8vbvS18rVyOsttqm1pcrVyOsNCiwyMDI2LTA1LTMxIDE4OjAwOjAwLDAsLTUwMC4wMCzM4c/WLMzhz9a1vdL40NC/qCwwMDUwMDAxfMzhz9YtzOHP1g0K"

    static var pinduoduoBytes: [UInt8] { Array(Data(base64Encoded: pinduoduoGB18030Base64)!) }

    /// A classic 支付宝账务明细 export of a Tmall shop: `#` title and footer lines, tab-padded ids,
    /// a payment found through `T200P<tid>`, a commission row, a refund, a withdrawal.
    static let alipayClassic = """
        #支付宝账务明细查询
        #账号：[20880123456789010156]
        #起始日期：[2026年05月31日 00:00:00]   终止日期：[2026年06月01日 00:00:00]
        #-----------------------------------------账务明细列表----------------------------------------
        账务流水号,业务流水号,商品名称,发生时间,收入金额（+元）,支出金额（-元）,账户余额（元）,业务类型,备注,商户订单号,对方账号,业务描述,业务基础订单号
        20260531200040011100010012345678\t,2026053122001412345678901234\t,云岭土鸡蛋30枚,2026-05-31 09:00:00,128.8,0.00,1128.80,交易付款,,T200P5116032541422009305\t,buyer***@qq.com,0010001|交易收款-交易收款,
        20260531200040011100010012345679\t,2026053122001412345678901235\t,,2026-05-31 09:00:01,0.00,-6.44,1122.36,收费,天猫佣金{5116032541422009305},,tmall***@alibaba.com,0030001|收费-天猫佣金,5116032541422009305
        20260531200040011100010012345680\t,2026053122001412345678901236\t,小米 5斤,2026-05-31 12:00:00,0.00,-39.9,1082.46,交易退款,售后退款,T200P5116032541422009306\t,buyer2***@163.com,0020001|交易退款-交易退款,5116032541422009306
        20260531200040011100010012345681\t,,,2026-05-31 18:00:00,0.00,-500.00,582.46,提现,提现到银行卡,,,0050001|提现-提现,
        #-----------------------------------------账务明细列表结束------------------------------------
        #支出合计：3笔，共-546.34元
        #收入合计：1笔，共128.80元
        #导出时间：[2026年06月01日 09:00:00]

        """

    /// A 微信小店 资金流水 export: order income, its fee, a refunded order (income + refund), a withdrawal.
    static let wechatFunds = """
        流水单号,记账时间,动帐类型,收支类型,收支金额,账户余额,关联订单号,关联售后单号,关联提现单号,关联保单号,关联礼物单号,详情
        4200000123202605310001,2026-05-31 20:00:00,订单收入,收入,49.9,1049.90,3712345678901234567,,,,,订单结算
        4200000123202605310002,2026-05-31 20:00:00,技术服务费,支出,0.5,1049.40,3712345678901234567,,,,,技术服务费
        4200000123202605310003,2026-05-31 20:10:00,订单收入,收入,25.00,1074.40,3712345678901234568,,,,,订单结算
        4200000123202605310004,2026-05-31 22:00:00,退款,支出,25,1049.40,3712345678901234568,AS202605310001,,,,售后退款
        4200000123202605310005,2026-05-31 23:00:00,提现,支出,"1,000.00",49.40,,,WD20260531,,,提现
        """

    /// The generic format, columns in a different order than documented.
    static let generic = """
        kind,platform_order_id,amount_yuan,status,order_created_at
        sale,3800012345678901234,66.6,,2026-05-31 20:00:00
        refund,3800012345678901234,6.60,部分退款,2026-05-31 20:00:00
        fee,3800012345678901234,-1.2,,
        sale,3800012345678901299,10,,1780228800000
        """
}
