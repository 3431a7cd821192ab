import GatewayCore
import GatewayImport
import Testing

/// Issue #7's required test: one statement holding every class of difference, with yuan amounts of one
/// and two decimals and 19-digit order ids, parsed from a Douyin export and matched with gateway orders.
@Suite struct StatementsReconciliationTests {
    static let shop = "yunlai-douyin"

    static func order(_ id: String, _ status: OrderStatus, paidFen: Int64, created: String) -> CanonicalOrder {
        let createdAt = StatementTime.parse(created)!
        let snapshot = OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: paidFen,
            paidFen: paidFen,
            createdAt: createdAt,
            lines: [OrderLine(lineId: id + "1", productId: "p", skuId: "s", title: "土鸡蛋", quantity: 1, paidFen: paidFen)]
        )
        return CanonicalOrder(
            key: OrderKey(platform: .douyin, shop: shop, platformOrderId: id),
            status: status,
            platformUpdatedAt: createdAt,
            snapshot: snapshot
        )
    }

    @Test func oneStatementWithEveryClassOfDifference() throws {
        func row(_ order: String, _ sub: String, _ type: String, _ paid: String) -> [String: String] {
            ["订单号": order, "子订单号": sub, "结算单类型": type, "用户实付": paid, "下单时间": "2026-05-31 20:00:00"]
        }
        let text = StatementFixtures.douyin([
            row("=\"6932145501234567891\"", "6932145501234567801", "已结算", "59.8"),  // matched (one decimal)
            row("6932145501234567892", "6932145501234567802", "已结算", "12.50"),  // amount differs (gateway 12.00)
            row("6932145501234567893", "6932145501234567803", "已结算", "39.90"),  // status differs: refunded after settlement
            row("6932145501234567893", "6932145501234567803", "结算后退款-原路退回", "39.9"),
            row("6932145501234567894\t", "6932145501234567804", "已结算", "8.8"),  // missing in the gateway
            row("6932145501234567899", "6932145501234567809", "已结算", "100.01"),  // within the 0.01 tolerance
        ])
        let statement = try StatementImport.parse(text: text, platform: .douyin, shop: Self.shop, source: "settle.csv")
        let orders = [
            Self.order("6932145501234567891", .shipped, paidFen: 5980, created: "2026-05-31 20:00:00"),
            Self.order("6932145501234567892", .completed, paidFen: 1200, created: "2026-05-31 20:00:00"),
            Self.order("6932145501234567893", .shipped, paidFen: 3990, created: "2026-05-31 20:00:00"),
            Self.order("6932145501234567895", .paid, paidFen: 2550, created: "2026-05-31 20:00:00"),  // missing in the statement
            Self.order("6932145501234567899", .shipped, paidFen: 10_000, created: "2026-05-31 20:00:00"),
        ]
        let period = ReconciliationPeriod(
            from: try #require(StatementTime.parse("2026-05-31")),
            to: try #require(StatementTime.parse("2026-06-01"))
        )
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 1, period: period)
        let byId = Dictionary(uniqueKeysWithValues: result.lines.map { ($0.platformOrderId, $0) })
        #expect(byId["6932145501234567891"]?.classification == .matched)
        #expect(byId["6932145501234567899"]?.classification == .matched)
        #expect(byId["6932145501234567892"]?.classification == .amountDiffers)
        #expect(byId["6932145501234567893"]?.classification == .statusDiffers)
        #expect(byId["6932145501234567894"]?.classification == .missingInGateway)
        #expect(byId["6932145501234567895"]?.classification == .missingInStatement)
        #expect(byId["6932145501234567894"]?.statementFen == 880)
        #expect(byId["6932145501234567893"]?.statementLineNumbers == [4, 5])
        #expect(Set(ReconciliationClass.allCases) == Set(result.lines.map(\.classification)))
        #expect(result.totals[.matched].statementFen == 5980 + 10_001)
        #expect(result.totals[.matched].gatewayFen == 5980 + 10_000)
        #expect(result.totals[.amountDiffers].statementFen == 1250)
        #expect(result.totals[.statusDiffers].gatewayFen == 3990)
        #expect(result.totals[.missingInGateway].statementFen == 880)
        #expect(result.totals[.missingInStatement].gatewayFen == 2550)
    }
}
