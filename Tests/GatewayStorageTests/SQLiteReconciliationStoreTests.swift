import GatewayCore
import GatewayStorage
import Testing

@Suite struct SQLiteReconciliationStoreTests {
    static let shop = "yunlai-douyin"
    static let may31 = Timestamp(secondsSince1970: 1_780_156_800)  // 2026-05-31 00:00 China time

    /// Stores orders through the pipeline's own path (inbox → commit), as the gateway would.
    static func seed(_ database: SQLiteDatabase, _ orders: [(id: String, status: OrderStatus, paidFen: Int64, created: Timestamp)]) async throws {
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let deliveries = orders.map {
            InboxDelivery(platform: .douyin, shop: shop, deliveryId: "d-\($0.id)", kind: .poll, receivedAt: $0.created, text: "{}")
        }
        let ids = try await inbox.append(deliveries).map(\.id)
        let batch = zip(ids, orders).map { inboxId, order in
            let key = OrderKey(platform: .douyin, shop: shop, platformOrderId: order.id)
            let snapshot = OrderSnapshot(
                status: order.status,
                platformStatus: order.status.rawValue,
                totalFen: order.paidFen,
                paidFen: order.paidFen,
                createdAt: order.created,
                lines: [OrderLine(lineId: order.id + "1", productId: "p", skuId: "s", title: "土鸡蛋", quantity: 1, paidFen: order.paidFen)]
            )
            let observation = OrderObservation(
                key: key,
                source: .poll,
                event: "seed",
                platformUpdatedAt: order.created,
                snapshot: snapshot
            )
            return ProcessedDelivery(
                inboxId: inboxId,
                deliveryId: "d-\(order.id)",
                observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
            )
        }
        _ = try await store.commit(batch, at: may31)
    }

    static func draft(_ store: SQLiteDatabase, statement: Statement, period: ReconciliationPeriod) async throws -> ReconciliationRunDraft {
        var orders = try await store.orders(platform: .douyin, shop: shop, platformOrderIds: statement.lines.map(\.platformOrderId))
        orders += try await store.orders(platform: .douyin, shop: shop, createdIn: period)
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 0, period: period)
        return ReconciliationRunDraft(
            platform: .douyin,
            shop: shop,
            format: statement.format,
            fileName: "settle-0531.csv",
            fingerprint: statement.fingerprint,
            importedAt: may31.adding(seconds: 86_400 * 2),
            importedBy: "cli:alice",
            result: result,
            lookups: ["6932145501234567894": "platform says not found: 订单不存在"]
        )
    }

    @Test func storesARunOnceResolvesAndKeepsHistory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), keys: .tests)
        try await Self.seed(
            database,
            [
                ("6932145501234567891", .shipped, 5980, Self.may31.adding(seconds: 3600)),
                ("6932145501234567892", .completed, 1200, Self.may31.adding(seconds: 7200)),
                ("6932145501234567895", .paid, 2550, Self.may31.adding(seconds: 9000)),
                ("6932145501234567896", .paid, 990, Self.may31.adding(seconds: -10)),  // outside the period
            ]
        )
        let store = database
        let period = ReconciliationPeriod(from: Self.may31, to: Self.may31.adding(seconds: 86_400))
        let inPeriod = try await store.orders(platform: .douyin, shop: Self.shop, createdIn: period)
        #expect(inPeriod.map(\.key.platformOrderId) == ["6932145501234567891", "6932145501234567892", "6932145501234567895"])

        let statement = Statement(
            platform: .douyin,
            shop: Self.shop,
            format: "douyin-settlement",
            lines: [
                StatementLine(lineNumber: 2, platformOrderId: "6932145501234567891", amountFen: 5980, kind: .sale),
                StatementLine(lineNumber: 3, platformOrderId: "6932145501234567892", amountFen: 1250, kind: .sale),
                StatementLine(lineNumber: 4, platformOrderId: "6932145501234567894", amountFen: 880, kind: .sale),
                StatementLine(lineNumber: 5, platformOrderId: "", amountFen: -50_000, kind: .other),
            ]
        )
        let draft = try await Self.draft(store, statement: statement, period: period)
        let first = try await store.createRun(draft)
        #expect(first.created)
        #expect(first.run.lineCount == 4)
        #expect(first.run.openCount == 3)
        #expect(first.run.totals[.amountDiffers].statementFen == 1250)
        #expect(first.run.totals.nonOrderFen == -50_000)
        #expect(first.run.period == period)
        #expect(first.lines.map(\.number) == [1, 2, 3, 4])
        #expect(first.lines.map(\.line.classification) == [.matched, .amountDiffers, .missingInGateway, .missingInStatement])
        #expect(first.lines[2].platformLookup == "platform says not found: 订单不存在")
        #expect(first.lines[2].line.platformOrderId == "6932145501234567894")
        #expect(first.lines[1].line.statementLineNumbers == [3])

        // Resolve a difference twice: the line keeps the latest, the history keeps both.
        let resolvedAt = Self.may31.adding(seconds: 86_400 * 3)
        let resolved = try await store.resolve(
            runId: first.run.id,
            lineNumber: 2,
            resolution: ReconciliationResolution(reason: "platform-adjustment", note: "0.50 运费补差", actor: "alice", at: resolvedAt)
        )
        #expect(resolved?.resolution?.reason == "platform-adjustment")
        _ = try await store.resolve(
            runId: first.run.id,
            lineNumber: 2,
            resolution: ReconciliationResolution(reason: "fixed-in-gateway", note: "second look", actor: "bob", at: resolvedAt.adding(seconds: 60))
        )
        #expect(try await store.resolve(runId: first.run.id, lineNumber: 99, resolution: resolved!.resolution!) == nil)
        let history = try await store.resolutions(runId: first.run.id, lineNumber: 2)
        #expect(history.map(\.actor) == ["alice", "bob"])

        // Re-importing the same statement (even reopening the database) doubles nothing and keeps the resolution.
        let reopened = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), keys: .tests)
        let again = try await reopened.createRun(try await Self.draft(reopened, statement: statement, period: period))
        #expect(!again.created)
        #expect(again.run.id == first.run.id)
        #expect(again.lines.count == 4)
        #expect(again.lines[1].resolution?.reason == "fixed-in-gateway")
        #expect(again.run.openCount == 2)
        #expect(try await reopened.runs(shops: nil, limit: 10, offset: 0).count == 1)
        #expect(try await reopened.run(shop: Self.shop, fingerprint: statement.fingerprint)?.id == first.run.id)

        // A different statement is a new run; shop filters apply.
        var changed = statement
        changed.lines[1].amountFen = 1200
        changed = Statement(platform: .douyin, shop: Self.shop, format: changed.format, lines: changed.lines)
        let second = try await reopened.createRun(try await Self.draft(reopened, statement: changed, period: period))
        #expect(second.created && second.run.id != first.run.id)
        #expect(second.lines.first { $0.line.platformOrderId == "6932145501234567892" }?.line.classification == .matched)
        #expect(try await reopened.runs(shops: nil, limit: 10, offset: 0).map(\.id) == [second.run.id, first.run.id])
        #expect(try await reopened.runs(shops: [Self.shop], limit: 1, offset: 1).map(\.id) == [first.run.id])
        #expect(try await reopened.runs(shops: ["other-shop"], limit: 10, offset: 0).isEmpty)
        #expect(try await reopened.runs(shops: [], limit: 10, offset: 0).isEmpty)
        #expect(try await reopened.run(id: 12_345) == nil)
    }
}
