import Foundation
import GatewayCore
import GatewayImport
import Testing

@Suite struct StatementsPlatformTests {
    @Test func douyinSettlementBill() throws {
        let statement = try StatementImport.parse(text: StatementFixtures.douyinSettlement, platform: .douyin, shop: "yunlai-douyin")
        #expect(statement.format == "douyin-settlement")
        #expect(statement.lines.count == 4)
        #expect(
            statement.lines.map(\.platformOrderId) == ["6932145501234567891", "6932145501234567891", "6932145509876543210", "6932145501111111111"]
        )
        #expect(statement.lines.map(\.amountFen) == [5980, 1250, 0, -1990])
        #expect(statement.lines.map(\.kind) == [.sale, .sale, .sale, .refund])
        #expect(statement.lines.map(\.lineNumber) == [2, 3, 4, 5])
        #expect(statement.lines[2].statusText == "已结算，结算前全额退款")
        #expect(statement.lines[0].raw["子订单号"] == "6932145501234567892")
        #expect(statement.lines[0].raw["商品名称"] == "云岭土鸡蛋 30枚")
        // 2026-05-31 20:15:03 China time = 12:15:03 UTC.
        #expect(statement.lines[0].orderCreatedAt == Timestamp(secondsSince1970: 1_780_229_703))
        #expect(statement.orderCreationRange?.from == Timestamp(secondsSince1970: 1_780_138_800))
    }

    @Test func kuaishouBill() throws {
        let statement = try StatementImport.parse(text: StatementFixtures.kuaishouBill, platform: .kuaishou, shop: "ks")
        #expect(statement.format == "kuaishou-bill")
        #expect(statement.lines.map(\.platformOrderId) == ["2417400012345678", "2417400012345679", "2417400012345680"])
        #expect(statement.lines.map(\.amountFen) == [8880, 0, 8050])
        #expect(statement.lines.map(\.statusText) == [nil, "全额退款", "部分退款"])
    }

    @Test func pinduoduoFundsInGB18030WithTitleLines() throws {
        let statement = try StatementImport.parse(bytes: StatementFixtures.pinduoduoBytes, platform: .pinduoduo, shop: "pdd")
        #expect(statement.format == "pinduoduo-funds")
        #expect(statement.lines.map(\.lineNumber) == [6, 7, 8, 9, 10, 11])
        #expect(statement.lines.map(\.amountFen) == [5980, -36, 2750, -2750, 129_900, -50_000])
        #expect(statement.lines.map(\.kind) == [.sale, .fee, .sale, .refund, .sale, .other])
        #expect(statement.lines[0].platformOrderId == "260531-662941284701219")
        #expect(statement.lines[3].statusText == "交易退款")
        #expect(statement.lines[5].platformOrderId.isEmpty)
    }

    @Test func alipayClassicForTaobao() throws {
        let statement = try StatementImport.parse(text: StatementFixtures.alipayClassic, platform: .taobao, shop: "tmall")
        #expect(statement.format == "alipay-funds")
        #expect(statement.lines.count == 4)
        #expect(statement.lines.map(\.platformOrderId) == ["5116032541422009305", "5116032541422009305", "5116032541422009306", ""])
        #expect(statement.lines.map(\.amountFen) == [12_880, -644, -3_990, -50_000])
        #expect(statement.lines.map(\.kind) == [.sale, .fee, .refund, .other])
        #expect(statement.lines[0].lineNumber == 6)
        #expect(statement.lines[0].raw["账务流水号"] == "20260531200040011100010012345678")
    }

    @Test func wechatFundsFlow() throws {
        let statement = try StatementImport.parse(text: StatementFixtures.wechatFunds, platform: .wechatChannels, shop: "wx")
        #expect(statement.format == "wechat-funds")
        #expect(statement.lines.map(\.amountFen) == [4990, -50, 2500, -2500, -100_000])
        #expect(statement.lines.map(\.kind) == [.sale, .fee, .sale, .refund, .other])
        #expect(statement.lines[0].platformOrderId == "3712345678901234567")
    }

    @Test func genericFormatForAnyPlatform() throws {
        for platform in [Platform.youzan, .douyin, .standard] {
            let statement = try StatementImport.parse(text: StatementFixtures.generic, platform: platform, shop: "any")
            #expect(statement.format == "generic")
            #expect(statement.lines.map(\.amountFen) == [6660, -660, -120, 1000])
            #expect(statement.lines.map(\.kind) == [.sale, .refund, .fee, .sale])
            #expect(statement.lines[1].statusText == "部分退款")
            #expect(statement.lines[3].orderCreatedAt == Timestamp(millisecondsSince1970: 1_780_228_800_000))
        }
    }

    @Test func sameContentSameFingerprintWhateverTheFormatting() throws {
        let a = try StatementImport.parse(text: StatementFixtures.wechatFunds, platform: .wechatChannels, shop: "wx")
        let crlf = StatementFixtures.wechatFunds.split(separator: "\n").joined(separator: "\r\n")
        let b = try StatementImport.parse(text: "\u{FEFF}" + crlf, platform: .wechatChannels, shop: "wx")
        let changed = StatementFixtures.wechatFunds.replacingOccurrences(of: ",49.9,", with: ",49.8,")
        let c = try StatementImport.parse(text: changed, platform: .wechatChannels, shop: "wx")
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
    }
}
