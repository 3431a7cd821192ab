import Foundation
import GatewayCore
import GatewayImport
import Testing

@Suite struct StatementsProblemTests {
    static func problems(_ text: String, platform: Platform, format: StatementFormat? = nil) -> [ImportProblem]? {
        do {
            _ = try StatementImport.parse(text: text, platform: platform, shop: "s", format: format, source: "bad.csv")
            return nil
        } catch {
            return error.problems
        }
    }

    @Test func everyBadRowIsNamedByLineAndColumnAndNothingIsImported() throws {
        let text = StatementFixtures.douyin([
            ["订单号": "6932145501234567891", "子订单号": "6932145501234567892", "结算单类型": "已结算", "用户实付": "59.80"],
            ["订单号": "6.93215E+18", "子订单号": "6932145501234567894", "结算单类型": "已结算", "用户实付": "12.5"],
            ["订单号": "6932145501234567895", "子订单号": "6932145501234567896", "结算单类型": "已结算", "用户实付": "5x.80"],
            ["订单号": "6932145501234567897", "子订单号": "6932145501234567898", "结算单类型": "已结算", "用户实付": "1.234"],
            ["订单号": "6932145501234567899", "子订单号": "6932145501234567900", "结算单类型": "已结算", "用户实付": ""],
            ["订单号": "6932145501234567901.0", "子订单号": "6932145501234567902", "结算单类型": "已结算", "用户实付": "1"],
        ])
        let problems = try #require(Self.problems(text, platform: .douyin))
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(problems.map(\.column) == ["订单号", "用户实付", "用户实付", "用户实付", "订单号"])
        #expect(problems[0].message.contains("6.93215E+18"))
        #expect(problems[2].message.contains("1.234"))
        #expect(problems[0].description.hasPrefix("line 3, column \"订单号\""))
    }

    /// Issue #12: two rows of 92233720368547758.07 (Int64.max fen) for one order trapped on netting; each row is
    /// now a bad row (outside ±10¹² fen) named by its line.
    @Test func amountsOutsideTheBoundedRangeAreBadRows() throws {
        let text = """
            platform_order_id,amount_yuan,status,kind
            1001,92233720368547758.07,paid,sale
            1001,92233720368547758.07,paid,sale
            1002,-10000000000.01,refunded,refund
            1003,10000000000.00,paid,sale
            """
        let problems = try #require(Self.problems(text, platform: .douyin, format: .generic))
        #expect(problems.map(\.line) == [2, 3, 4])
        #expect(problems.allSatisfy { $0.column == "amount_yuan" && $0.message.contains("outside") })
    }

    @Test func missingColumnIsNamedWithTheHeaderLine() throws {
        let text = "#title\nplatform_order_id,amount\n123,1.00\n"
        let problems = try #require(Self.problems(text, platform: .douyin, format: .generic))
        #expect(problems.count == 1)
        #expect(problems[0].line == 2)
        #expect(problems[0].column == "amount_yuan")
    }

    @Test func unknownHeaderAndWrongPlatformAreRefused() throws {
        let douyinAsKuaishou = try #require(Self.problems(StatementFixtures.douyinSettlement, platform: .kuaishou))
        #expect(douyinAsKuaishou.first?.message.contains("no statement header") == true)
        let wrongFormat = try #require(Self.problems(StatementFixtures.generic, platform: .douyin, format: .wechatFunds))
        #expect(wrongFormat.first?.message.contains("wechat-channels") == true)
    }

    @Test func badWeChatDirectionAndGenericKindAreProblems() throws {
        let wechat = StatementFixtures.wechatFunds.replacingOccurrences(of: "技术服务费,支出,0.5", with: "技术服务费,出账,0.5")
        let problems = try #require(Self.problems(wechat, platform: .wechatChannels))
        #expect(problems.map(\.line) == [3])
        #expect(problems.map(\.column) == ["收支类型"])
        let generic = "platform_order_id,amount_yuan,kind\n1,1.0,sale\n2,2.00,refnd\n,3,sale\n"
        let genericProblems = try #require(Self.problems(generic, platform: .taobao))
        #expect(genericProblems.map(\.line) == [3, 4])
        #expect(genericProblems.map(\.column) == ["kind", "platform_order_id"])
    }

    @Test func headerOnlyFileIsEmpty() throws {
        let problems = try #require(Self.problems("platform_order_id,amount_yuan\n", platform: .taobao))
        #expect(problems.first?.message.contains("no data rows") == true)
    }
}
