import Foundation
import GRDB
import GatewayCore
import GatewayStorage
import GatewayTesting
import Testing

/// One set of tests every store implementation must pass (issue #13): the in-memory stores and SQLite (a real file)
/// today, PostgreSQL when it lands. Each test runs once per store.
@Suite struct StoreConformanceTests {
    static let masterData = MasterData(
        enterprises: [Enterprise(id: "yunlai", name: "云来", allowSplit: true)],
        warehouses: [Warehouse(id: "yl", enterpriseId: "yunlai", name: "保靖仓", regions: ["*"], priority: 1)],
        skus: [EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑 5kg")],
        mappings: [SkuMapping(shop: "s", platformSkuId: "ponkan-5kg", platformProductId: "p", components: [SkuComponent(skuCode: "PG5A")])]
    )

    static let household = Household(id: "h1", name: "向", village: "夯沙村", registeredPoor: true, members: 4)

    static func lot(capacityKg: Int64) -> SupplyLot {
        SupplyLot(
            id: "lot1",
            householdId: "h1",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: capacityKg * 1000,
            priceFenPerKg: 600,
            harvestDate: "1970-01-01"
        )
    }

    static let kinds = StoreKind.allCases

    func delivery(_ id: String, text: String = "{}") -> InboxDelivery {
        InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: text)
    }

    /// A processed delivery of a paid (or cancelled) order with one line of `quantity` ponkan boxes.
    func processed(_ inboxId: Int64, order: String, status: OrderStatus = .paid, quantity: Int = 1, at second: Int64 = 10) -> ProcessedDelivery {
        let order = CanonicalOrder.fixture(
            OrderKey(platform: .douyin, shop: "s", platformOrderId: order),
            status: status,
            created: Timestamp(secondsSince1970: 1),
            lines: [OrderLine(lineId: "1", productId: "p", skuId: "ponkan-5kg", title: "ponkan", quantity: quantity, paidFen: 5980)]
        )
        return .observing(inboxId: inboxId, order, status: status, at: Timestamp(secondsSince1970: second))
    }

    @Test(arguments: kinds) func theInboxAbsorbsADuplicateAndCountsIt(kind: StoreKind) async throws {
        let store = try await kind.make(onHand: 10, lotKg: nil)
        let first = try await store.inboxStore.append([delivery("m1"), delivery("m2")])
        let again = try await store.inboxStore.append([delivery("m1")])
        guard case .stored(let id) = first[0], case .duplicate(let duplicateOf) = again[0] else {
            Issue.record("expected stored then duplicate, got \(first) and \(again)")
            return
        }
        #expect(id == duplicateOf)
        let counts = try await store.inboxStore.counts()
        #expect(counts.total == 2 && counts.unprocessed == 2 && counts.duplicatesAbsorbed == 1)
    }

    @Test(arguments: kinds) func pendingLeavesOutProcessedAndParkedEntries(kind: StoreKind) async throws {
        let store = try await kind.make(onHand: 10, lotKg: nil)
        let ids = try await store.inboxStore.append([delivery("m1"), delivery("m2"), delivery("m3")]).map(\.id)
        _ = try await store.orderStore.commit([processed(ids[0], order: "o1")], at: Timestamp(secondsSince1970: 20))
        try await store.inboxStore.park(
            [ParkedDelivery(inboxId: ids[1], reason: .undecodable, message: "unreadable")],
            at: Timestamp(secondsSince1970: 20)
        )
        let pending = try await store.inboxStore.pending(limit: 10, now: Timestamp(secondsSince1970: 30))
        #expect(pending.map(\.id) == [ids[2]])
        let counts = try await store.inboxStore.counts()
        #expect(counts.parked == 1 && counts.unprocessed == 1)
        #expect(try await store.openExceptions() == [.unprocessable], "a parked delivery is shown to staff")
        // Parking a processed entry changes nothing.
        try await store.inboxStore.park([ParkedDelivery(inboxId: ids[0], reason: .failed, message: "late")], at: Timestamp(secondsSince1970: 21))
        #expect(try await store.inboxStore.counts().parked == 1)
        #expect(try await store.openExceptions() == [.unprocessable])
    }

    @Test(arguments: kinds) func aBatchCommittedTwiceChangesNothingTheSecondTime(kind: StoreKind) async throws {
        let store = try await kind.make(onHand: 10, lotKg: 100)
        let id = try await store.inboxStore.append([delivery("m1")])[0].id
        let batch = [processed(id, order: "o1", quantity: 2)]
        let first = try await store.orderStore.commit(batch, at: Timestamp(secondsSince1970: 20))
        let second = try await store.orderStore.commit(batch, at: Timestamp(secondsSince1970: 21))
        #expect(first.map(\.decision) == [.applied])
        #expect(second.isEmpty)
        #expect(try await store.reserved() == 2)
        #expect(try await store.activeParcelGrams() == 10_000)
        #expect(try await store.orderStore.timeline(OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1")).count == 1)
    }

    @Test(arguments: kinds) func stockNeverGoesBelowZeroUnderConcurrentCommits(kind: StoreKind) async throws {
        let store = try await kind.make(onHand: 5, lotKg: nil)
        let ids = try await store.inboxStore.append((0..<20).map { delivery("m\($0)") }).map(\.id)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, id) in ids.enumerated() {
                group.addTask { _ = try await store.orderStore.commit([processed(id, order: "o\(index)")], at: Timestamp(secondsSince1970: 20)) }
            }
            try await group.waitForAll()
        }
        #expect(try await store.reserved() == 5)
        #expect(try await store.openExceptions() == Array(repeating: .oversold, count: 15))
    }

    @Test(arguments: kinds) func allocationNeverExceedsALotsCapacity(kind: StoreKind) async throws {
        let store = try await kind.make(onHand: 100, lotKg: 12)
        let ids = try await store.inboxStore.append((0..<5).map { delivery("m\($0)") }).map(\.id)
        for (index, id) in ids.enumerated() {
            _ = try await store.orderStore.commit([processed(id, order: "o\(index)")], at: Timestamp(secondsSince1970: 20))
        }
        #expect(try await store.activeParcelGrams() == 10_000)
        #expect(try await store.lotAllocatedGrams() == 10_000)
        #expect(try await store.openExceptions() == [.noSupply, .noSupply, .noSupply])
    }

    @Test(arguments: kinds) func aCancelGivesStockAndSupplyBack(kind: StoreKind) async throws {
        let store = try await kind.make(onHand: 10, lotKg: 100)
        let ids = try await store.inboxStore.append([delivery("m1"), delivery("m2")]).map(\.id)
        _ = try await store.orderStore.commit([processed(ids[0], order: "o1", quantity: 3)], at: Timestamp(secondsSince1970: 20))
        _ = try await store.orderStore.commit(
            [processed(ids[1], order: "o1", status: .cancelled, quantity: 3, at: 30)],
            at: Timestamp(secondsSince1970: 40)
        )
        #expect(try await store.reserved() == 0)
        #expect(try await store.activeParcelGrams() == 0)
        #expect(try await store.lotAllocatedGrams() == 0)
    }

    @Test(arguments: kinds) func pollCursorsOnlyMoveForward(kind: StoreKind) async throws {
        let store = try await kind.make(onHand: 1, lotKg: nil)
        try await store.cursorStore.setPollCursor(shop: "s", to: Timestamp(secondsSince1970: 100))
        try await store.cursorStore.setPollCursor(shop: "s", to: Timestamp(secondsSince1970: 50))
        #expect(try await store.cursorStore.pollCursor(shop: "s") == Timestamp(secondsSince1970: 100))
        try await store.cursorStore.setPollCursor(shop: "s", to: Timestamp(secondsSince1970: 150))
        #expect(try await store.cursorStore.pollCursor(shop: "s") == Timestamp(secondsSince1970: 150))
    }
}

/// The store implementations the conformance suite runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case sqlite

    var testDescription: String { rawValue }

    /// Stores with the suite's master data, `onHand` boxes of ponkan and, with `lotKg`, one household's lot.
    func make(onHand: Int, lotKg: Int64?) async throws -> any StoreUnderTest {
        let stock = [StockLevel(warehouseId: "yl", skuCode: "PG5A", onHand: onHand)]
        let lots = lotKg.map { [StoreConformanceTests.lot(capacityKg: $0)] } ?? []
        switch self {
        case .memory:
            let stores = InMemoryStores(masterData: StoreConformanceTests.masterData, stock: StockBook(levels: stock))
            await stores.addSupply(households: [StoreConformanceTests.household], lots: lots)
            return stores
        case .sqlite:
            return try await SQLiteStoresUnderTest(stock: stock, lots: lots)
        }
    }
}

/// What the suite reads and drives in a store.
protocol StoreUnderTest: Sendable {
    var inboxStore: any InboxStore { get }
    var orderStore: any OrderStore { get }
    var cursorStore: any PollCursorStore { get }
    /// Boxes of ponkan reserved.
    func reserved() async throws -> Int
    /// Grams of the active parcels.
    func activeParcelGrams() async throws -> Int64
    /// Grams allocated on the lots, as stored.
    func lotAllocatedGrams() async throws -> Int64
    /// Kinds of the open exceptions, by id.
    func openExceptions() async throws -> [ExceptionKind]
}

extension InMemoryStores: StoreUnderTest {
    nonisolated var inboxStore: any InboxStore { self }
    nonisolated var orderStore: any OrderStore { self }
    nonisolated var cursorStore: any PollCursorStore { self }
    func reserved() -> Int { lifecycle.stock.levels.values.reduce(0) { $0 + $1.reserved } }
    func activeParcelGrams() -> Int64 { lifecycle.parcels.filter { !$0.reversed }.reduce(0) { $0 + $1.parcel.allocation.grams } }
    func lotAllocatedGrams() -> Int64 { lifecycle.lotAllocatedGrams.values.reduce(0, +) }
    func openExceptions() -> [ExceptionKind] { lifecycle.exceptions.filter { $0.status == .open }.map(\.kind) }
}

/// The SQLite stores over a real file in a temporary directory.
final class SQLiteStoresUnderTest: StoreUnderTest {
    let directory: URL
    let database: SQLiteDatabase
    let inboxStore: any InboxStore
    let orderStore: any OrderStore
    let cursorStore: any PollCursorStore
    let inventory: SQLiteDatabase
    let supply: SQLiteDatabase

    init(stock: [StockLevel], lots: [SupplyLot]) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase.open(path: directory.appendingPathComponent("gateway.sqlite").path, synchronous: "normal", keys: .random())
        let orderStore = database
        inboxStore = SQLiteInboxStore.withRunningWriter(database: database)
        self.orderStore = orderStore
        cursorStore = orderStore
        inventory = database
        supply = database
        _ = try await inventory.seed(MasterDataSeed(masterData: StoreConformanceTests.masterData, stock: stock), at: Timestamp(secondsSince1970: 1))
        if !lots.isEmpty {
            _ = try await supply.seedSupply(
                households: [StoreConformanceTests.household],
                lots: lots,
                policies: [:],
                at: Timestamp(secondsSince1970: 1)
            )
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func reserved() async throws -> Int { try await inventory.inventory(enterpriseId: nil).reduce(0) { $0 + $1.level.reserved } }

    func activeParcelGrams() async throws -> Int64 {
        var grams: Int64 = 0
        for index in 0..<20 {
            let key = OrderKey(platform: .douyin, shop: "s", platformOrderId: "o\(index)")
            for stored in try await supply.allocations(of: key) where stored.state == "active" { grams += stored.allocation.grams }
        }
        return grams
    }

    func lotAllocatedGrams() async throws -> Int64 {
        try await database.reader.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(sum(allocated_grams), 0) FROM supply_lots") ?? 0 }
    }

    func openExceptions() async throws -> [ExceptionKind] {
        try await inventory.exceptions(ExceptionQuery(status: .open)).sorted { $0.id < $1.id }.map(\.kind)
    }
}
