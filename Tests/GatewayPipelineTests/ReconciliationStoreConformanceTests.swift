import Foundation
import GatewayCore
import GatewayStorage
import GatewayTesting
import Testing

/// The reconciliation part of the store conformance suite (issue #13): the in-memory store and SQLite (a real file)
/// answer the same order lookups, keep one run per statement, and keep every resolution.
@Suite struct ReconciliationStoreConformanceTests {
    static let shop = "yunlai-douyin"
    static let may31 = Timestamp(secondsSince1970: 1_780_156_800)

    static let seeded: [(id: String, status: OrderStatus, paidFen: Int64, created: Timestamp)] = [
        ("o1", .shipped, 5980, may31.adding(seconds: 3600)),
        ("o2", .paid, 1200, may31.adding(seconds: 7200)),
        ("o3", .paid, 990, may31.adding(seconds: -10)),  // outside the period
    ]

    static func delivery(_ inboxId: Int64, _ order: (id: String, status: OrderStatus, paidFen: Int64, created: Timestamp)) -> ProcessedDelivery {
        let canonical = CanonicalOrder.fixture(
            OrderKey(platform: .douyin, shop: shop, platformOrderId: order.id),
            status: order.status,
            created: order.created,
            paidFen: order.paidFen,
            lines: [OrderLine(lineId: order.id + "1", productId: "p", skuId: "s", title: "土鸡蛋", quantity: 1, paidFen: order.paidFen)]
        )
        return .observing(inboxId: inboxId, canonical, status: order.status, source: .poll, event: "seed", at: order.created)
    }

    /// A reconciliation store of `kind` holding the seeded orders, and what to clean up.
    static func store(_ kind: StoreKind) async throws -> (any ReconciliationStore, URL?) {
        switch kind {
        case .memory:
            let stores = InMemoryStores()
            let ids = try await stores.append(
                seeded.map { InboxDelivery(platform: .douyin, shop: shop, deliveryId: "d-\($0.id)", kind: .poll, receivedAt: $0.created, text: "{}") }
            ).map(\.id)
            _ = try await stores.commit(zip(ids, seeded).map { delivery($0, $1) }, at: may31)
            return (InMemoryReconciliationStore(orders: Array(await stores.ordersByKey.values)), nil)
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconciliation-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let database = try SQLiteDatabase.open(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .random())
            let inbox = SQLiteInboxStore.withRunningWriter(database: database)
            let ids = try await inbox.append(
                seeded.map { InboxDelivery(platform: .douyin, shop: shop, deliveryId: "d-\($0.id)", kind: .poll, receivedAt: $0.created, text: "{}") }
            ).map(\.id)
            _ = try await database.commit(zip(ids, seeded).map { delivery($0, $1) }, at: may31)
            return (database, directory)
        }
    }

    @Test(arguments: StoreKind.allCases) func ordersAreFoundByIdAndByPeriod(kind: StoreKind) async throws {
        let (store, directory) = try await Self.store(kind)
        defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
        let period = ReconciliationPeriod(from: Self.may31, to: Self.may31.adding(seconds: 86_400))
        let inPeriod = try await store.orders(platform: .douyin, shop: Self.shop, createdIn: period)
        #expect(inPeriod.map(\.key.platformOrderId).sorted() == ["o1", "o2"])
        let byId = try await store.orders(platform: .douyin, shop: Self.shop, platformOrderIds: ["o3", "o1", "missing"])
        #expect(byId.map(\.key.platformOrderId).sorted() == ["o1", "o3"])
        #expect(try await store.orders(platform: .kuaishou, shop: Self.shop, platformOrderIds: ["o1"]).isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func aStatementIsStoredOnceAndEveryResolutionIsKept(kind: StoreKind) async throws {
        let (store, directory) = try await Self.store(kind)
        defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
        let period = ReconciliationPeriod(from: Self.may31, to: Self.may31.adding(seconds: 86_400))
        let statement = Statement(
            platform: .douyin,
            shop: Self.shop,
            format: "douyin-settlement",
            lines: [
                StatementLine(lineNumber: 2, platformOrderId: "o1", amountFen: 5980, kind: .sale),
                StatementLine(lineNumber: 3, platformOrderId: "o2", amountFen: 1250, kind: .sale),
            ]
        )
        let orders = try await store.orders(platform: .douyin, shop: Self.shop, createdIn: period)
        let draft = ReconciliationRunDraft(
            platform: .douyin,
            shop: Self.shop,
            format: statement.format,
            fileName: "settle.csv",
            fingerprint: statement.fingerprint,
            importedAt: Self.may31.adding(seconds: 86_400),
            importedBy: "cli:alice",
            result: ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: 0, period: period),
            lookups: [:]
        )
        let first = try await store.createRun(draft)
        let again = try await store.createRun(draft)
        #expect(again.run.id == first.run.id)
        #expect(try await store.run(shop: Self.shop, fingerprint: statement.fingerprint)?.id == first.run.id)
        #expect(try await store.runs(shops: [Self.shop], limit: 10, offset: 0).count == 1)
        #expect(try await store.runs(shops: ["another-shop"], limit: 10, offset: 0).isEmpty)
        #expect(first.lines.map(\.line.classification).contains(.amountDiffers))

        let number = try #require(first.lines.first { $0.line.classification == .amountDiffers }?.number)
        let at = Self.may31.adding(seconds: 86_400 * 2)
        _ = try await store.resolve(
            runId: first.run.id,
            lineNumber: number,
            resolution: ReconciliationResolution(reason: "a", note: "x", actor: "alice", at: at)
        )
        _ = try await store.resolve(
            runId: first.run.id,
            lineNumber: number,
            resolution: ReconciliationResolution(reason: "b", note: "y", actor: "bob", at: at)
        )
        #expect(try await store.resolutions(runId: first.run.id, lineNumber: number).map(\.actor) == ["alice", "bob"])
        #expect(try await store.run(id: first.run.id)?.lines.first { $0.number == number }?.resolution?.actor == "bob")
    }
}
