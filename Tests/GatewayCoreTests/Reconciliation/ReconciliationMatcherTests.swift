import GatewayCore
import Testing

@Suite struct ReconciliationMatcherTests {
    static let shop = "yunlai-douyin"
    static let may31 = Timestamp(millisecondsSince1970: 1_780_156_800_000)
    static let period = ReconciliationPeriod(from: may31, to: may31.adding(seconds: 86_400))

    static func order(
        _ id: String,
        _ status: OrderStatus,
        paidFen: Int64?,
        refundedLineFen: [Int64] = [],
        createdAt: Timestamp = may31.adding(seconds: 3600)
    ) -> CanonicalOrder {
        let key = OrderKey(platform: .douyin, shop: shop, platformOrderId: id)
        guard let paidFen else { return CanonicalOrder(key: key, status: status, platformUpdatedAt: createdAt) }
        var lines = refundedLineFen.enumerated().map { index, fen in
            OrderLine(lineId: "\(id)-r\(index)", productId: "p", skuId: "s", title: "t", quantity: 1, paidFen: fen, refundState: .refunded)
        }
        let kept = paidFen - refundedLineFen.reduce(0, +)
        lines.append(OrderLine(lineId: "\(id)-k", productId: "p", skuId: "s", title: "t", quantity: 1, paidFen: kept))
        let snapshot = OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: paidFen,
            paidFen: paidFen,
            createdAt: createdAt,
            lines: lines
        )
        return CanonicalOrder(key: key, status: status, platformUpdatedAt: createdAt, snapshot: snapshot)
    }

    static func line(_ number: Int, _ id: String, _ fen: Int64, _ kind: StatementLineKind = .sale, status: String? = nil) -> StatementLine {
        StatementLine(lineNumber: number, platformOrderId: id, amountFen: fen, statusText: status, kind: kind)
    }

    static func statement(_ lines: [StatementLine]) -> Statement {
        Statement(platform: .douyin, shop: shop, format: "generic", lines: lines)
    }

    @Test func classifiesEveryKindOfDifference() {
        let statement = Self.statement([
            Self.line(2, "6932145501234567891", 5980),  // matched
            Self.line(3, "6932145501234567892", 1250),  // amount differs: gateway 12.00
            Self.line(4, "6932145501234567893", 3990),  // status differs: refunded on the statement, shipped in the gateway
            Self.line(5, "6932145501234567893", -3990, .refund, status: "结算后退款-原路退回"),
            Self.line(6, "6932145501234567894", 880),  // missing in the gateway
            Self.line(7, "", -120, .fee),  // not order money
        ])
        let orders = [
            Self.order("6932145501234567891", .shipped, paidFen: 5980),
            Self.order("6932145501234567892", .completed, paidFen: 1200),
            Self.order("6932145501234567893", .shipped, paidFen: 3990),
            Self.order("6932145501234567895", .paid, paidFen: 2500),  // missing in the statement
            Self.order("6932145501234567896", .cancelled, paidFen: 700),  // cancelled: not expected on the statement
            Self.order("6932145501234567897", .paid, paidFen: 900, createdAt: Self.may31.adding(seconds: -60)),  // before the period
        ]
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 0, period: Self.period)
        let classes = Dictionary(uniqueKeysWithValues: result.lines.map { ($0.platformOrderId, $0.classification) })
        #expect(classes["6932145501234567891"] == .matched)
        #expect(classes["6932145501234567892"] == .amountDiffers)
        #expect(classes["6932145501234567893"] == .statusDiffers)
        #expect(classes["6932145501234567894"] == .missingInGateway)
        #expect(classes["6932145501234567895"] == .missingInStatement)
        #expect(classes["6932145501234567896"] == nil)
        #expect(classes["6932145501234567897"] == nil)
        #expect(result.lines.count == 5)

        let totals = result.totals
        #expect(totals[.matched].count == 1 && totals[.matched].statementFen == 5980 && totals[.matched].gatewayFen == 5980)
        #expect(totals[.amountDiffers].statementFen == 1250 && totals[.amountDiffers].gatewayFen == 1200)
        #expect(totals[.statusDiffers].statementFen == 0 && totals[.statusDiffers].gatewayFen == 3990)
        #expect(totals[.missingInGateway].statementFen == 880 && totals[.missingInGateway].gatewayFen == 0)
        #expect(totals[.missingInStatement].statementFen == 0 && totals[.missingInStatement].gatewayFen == 2500)
        #expect(totals.nonOrderLineCount == 1 && totals.nonOrderFen == -120)
        #expect(totals.differenceCount == 4)
        let status = result.lines.first { $0.classification == .statusDiffers }
        #expect(status?.statementLineNumbers == [4, 5])
        #expect(status?.statementStatus == "结算后退款-原路退回")
        #expect(status?.gatewayStatus == "shipped")
    }

    @Test func toleranceIsInclusive() {
        let statement = Self.statement([Self.line(2, "A", 10_005), Self.line(3, "B", 10_006)])
        let orders = [Self.order("A", .paid, paidFen: 10_000), Self.order("B", .paid, paidFen: 10_000)]
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 5, period: nil)
        #expect(result.lines.map(\.classification) == [.matched, .amountDiffers])
        #expect(result.lines.map(\.platformOrderId) == ["A", "B"])
        let strict = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 0, period: nil)
        #expect(strict.lines.allSatisfy { $0.classification == .amountDiffers })
        let below = Self.statement([Self.line(2, "A", 9_995)])
        let under = ReconciliationMatcher.match(statement: below, orders: orders, toleranceFen: 5, period: nil)
        #expect(under.lines.first?.classification == .matched)
    }

    @Test func saleAndRefundRowsNetOut() {
        let statement = Self.statement([
            Self.line(2, "FULL", 5980), Self.line(9, "FULL", -5980, .refund),
            Self.line(3, "PART", 10_000), Self.line(4, "PART", -3_000, .refund),
            Self.line(5, "PART", -500, .fee),
        ])
        let orders = [
            Self.order("FULL", .cancelled, paidFen: 5980),
            Self.order("PART", .shipped, paidFen: 10_000, refundedLineFen: [3_000]),
        ]
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 0, period: Self.period)
        #expect(result.lines.map(\.classification) == [.matched, .matched])
        let full = result.lines.first { $0.platformOrderId == "FULL" }
        #expect(full?.statementFen == 0 && full?.gatewayFen == 0)
        #expect(full?.statementLineNumbers == [2, 9])
        let part = result.lines.first { $0.platformOrderId == "PART" }
        #expect(part?.statementFen == 7_000 && part?.gatewayFen == 7_000)
        #expect(part?.gatewayStatus == "shipped, 1 line(s) refunded")
        #expect(result.totals.nonOrderFen == -500)
    }

    @Test func statementMoneyForACancelledOrderIsAStatusDifference() {
        let statement = Self.statement([Self.line(2, "C", 4_200), Self.line(3, "D", 100, status: "交易关闭")])
        let orders = [Self.order("C", .cancelled, paidFen: 4_200), Self.order("D", .paid, paidFen: 100)]
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 0, period: nil)
        #expect(result.lines.map(\.classification) == [.statusDiffers, .statusDiffers])
        #expect(result.lines[0].gatewayFen == 0)
    }

    @Test func orderWithoutSnapshotCannotBeConfirmed() {
        let statement = Self.statement([Self.line(2, "E", 100)])
        let result = ReconciliationMatcher.match(
            statement: statement,
            orders: [Self.order("E", .paid, paidFen: nil)],
            toleranceFen: 1_000,
            period: nil
        )
        #expect(result.lines.first?.classification == .amountDiffers)
        #expect(result.lines.first?.gatewayFen == nil)
    }

    @Test func orderingIsDeterministicAndOtherShopsAreIgnored() {
        let lines = (0..<30).map { Self.line($0 + 2, "9\($0 % 7)\($0)", Int64(100 + $0)) }
        let orders = (0..<30).filter { $0 % 3 == 0 }.map { Self.order("9\($0 % 7)\($0)", .paid, paidFen: Int64(100 + $0)) }
        let foreign = CanonicalOrder(
            key: OrderKey(platform: .douyin, shop: "other-shop", platformOrderId: "9\(1 % 7)1"),
            status: .paid,
            platformUpdatedAt: Self.may31
        )
        let first = ReconciliationMatcher.match(statement: Self.statement(lines), orders: orders + [foreign], toleranceFen: 0, period: nil)
        let second = ReconciliationMatcher.match(
            statement: Self.statement(lines.reversed()),
            orders: (orders + [foreign]).reversed(),
            toleranceFen: 0,
            period: nil
        )
        #expect(first.lines == second.lines)
        #expect(first.totals[.matched].count == 10)
        #expect(first.totals[.missingInGateway].count == 20)
        let ranks = first.lines.map(\.classification.rank)
        #expect(ranks == ranks.sorted())
    }

    @Test func fingerprintFollowsContentNotLineNumbers() {
        let a = Self.statement([Self.line(2, "A", 100), Self.line(3, "B", 200)])
        let shifted = Self.statement([Self.line(6, "A", 100), Self.line(7, "B", 200)])
        let changed = Self.statement([Self.line(2, "A", 100), Self.line(3, "B", 201)])
        #expect(a.fingerprint == shifted.fingerprint)
        #expect(a.fingerprint != changed.fingerprint)
        #expect(a.fingerprint.hasPrefix("2-"))
    }

    /// Issue #12: netting rows that overflow `Int64` saturates instead of trapping, and the order is a difference.
    @Test func nettingExtremeRowsDoesNotOverflow() {
        let rows = [Self.line(2, "1001", .max), Self.line(3, "1001", .max), Self.line(4, "1002", .min), Self.line(5, "1002", -1)]
        let result = ReconciliationMatcher.match(
            statement: Self.statement(rows),
            orders: [Self.order("1001", .paid, paidFen: -5), Self.order("1002", .paid, paidFen: 5)],
            toleranceFen: 0,
            period: nil
        )
        #expect(result.lines.count == 2)
        #expect(result.lines.allSatisfy { $0.classification != .matched })
        #expect(result.lines.first { $0.platformOrderId == "1001" }?.statementFen == .max)
        #expect(result.lines.first { $0.platformOrderId == "1002" }?.statementFen == .min)
    }

    @Test func saturatingArithmetic() {
        #expect(Money.saturatingSum(.max, 1) == .max)
        #expect(Money.saturatingSum(.min, -1) == .min)
        #expect(Money.saturatingSum(2, 3) == 5)
        #expect(Money.saturatingDifference(.min, 1) == .min)
        #expect(Money.saturatingDifference(.max, -1) == .max)
        #expect(Money.saturatingDifference(5, 3) == 2)
    }
}
