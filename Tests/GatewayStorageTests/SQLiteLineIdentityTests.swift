import GRDB
import GatewayCore
import Testing

@testable import GatewayStorage

/// Line identity on a real SQLite file (issue #11): a line that leaves an order, changes SKU or
/// quantity, or repeats an id moves stock and farmer allocations exactly once, and never another order's.
@Suite struct SQLiteLineIdentityTests {
    @Test func aLineRemovedFromANewerSnapshotReleasesItsStockAndReversesItsAllocation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var stores = try await FulfilmentStores.open(directory)
        try await stores.commit("A", .paid, at: 10, [("1", "sku-pg5a", 2), ("2", "sku-pg5a", 1)])
        #expect(try await stores.reserved("PG5A") == 3)
        #expect(try await stores.activeParcels("A") == ["1": 2, "2": 1])
        #expect(try await stores.lotGrams() == 15_000)

        try await stores.commit("A", .paid, at: 20, [("1", "sku-pg5a", 2)])
        #expect(try await stores.reserved("PG5A") == 2)
        #expect(try await stores.activeParcels("A") == ["1": 2])
        #expect(try await stores.lotGrams() == 10_000)
        let states = try await stores.inventory.fulfilments(of: FulfilmentStores.key("A")).map { ($0.lineId, $0.state) }
        #expect(states.map(\.0) == ["1", "2"] && states.map(\.1) == [.reserved, .released])

        // Cancelled afterwards: everything back, the removed line not twice.
        try await stores.commit("A", .cancelled, at: 30, [("1", "sku-pg5a", 2)])
        #expect(try await stores.reserved("PG5A") == 0)
        #expect(try await stores.activeParcels("A").isEmpty)
        #expect(try await stores.lotGrams() == 0)
    }

    @Test func aChangedSkuReleasesTheOldSkuAndReservesTheNew() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var stores = try await FulfilmentStores.open(directory)
        try await stores.commit("B", .paid, at: 10, [("1", "sku-pg5a", 2)])
        #expect(try await stores.activeParcels("B") == ["1": 2])
        try await stores.commit("B", .paid, at: 20, [("1", "sku-kiwi", 2)])
        #expect(try await stores.reserved("PG5A") == 0)
        #expect(try await stores.reserved("KIWI3") == 2)
        // Kiwi has no supply lots: nothing allocated, and the ponkan parcels went back.
        #expect(try await stores.activeParcels("B").isEmpty)
        #expect(try await stores.lotGrams() == 0)
        // Shipping consumes the kiwi, not the ponkan.
        try await stores.commit("B", .shipped, at: 30, [("1", "sku-kiwi", 2)])
        #expect(try await stores.onHand("KIWI3") == 98)
        #expect(try await stores.onHand("PG5A") == 100)
        #expect(try await stores.reserved("KIWI3") == 0)
    }

    @Test func aChangedQuantityIsReplannedWithItsAllocation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var stores = try await FulfilmentStores.open(directory)
        try await stores.commit("C", .paid, at: 10, [("1", "sku-pg5a", 2)])
        try await stores.commit("C", .paid, at: 20, [("1", "sku-pg5a", 3)])
        #expect(try await stores.reserved("PG5A") == 3)
        #expect(try await stores.activeParcels("C") == ["1": 3])
        #expect(try await stores.lotGrams() == 15_000)
        try await stores.commit("C", .paid, at: 30, [("1", "sku-pg5a", 1)])
        #expect(try await stores.reserved("PG5A") == 1)
        #expect(try await stores.activeParcels("C") == ["1": 1])
        #expect(try await stores.lotGrams() == 5_000)
        // Once shipped, a changed quantity no longer moves anything.
        try await stores.commit("C", .shipped, at: 40, [("1", "sku-pg5a", 1)])
        try await stores.commit("C", .shipped, at: 50, [("1", "sku-pg5a", 4)])
        #expect(try await stores.onHand("PG5A") == 99)
        #expect(try await stores.reserved("PG5A") == 0)
        #expect(try await stores.activeParcels("C") == ["1": 1])
    }

    @Test func duplicateLineIdsAreReservedOnceAndReleasedOnceLeavingAnotherOrderAlone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var stores = try await FulfilmentStores.open(directory)
        try await stores.commit("E", .paid, at: 10, [("1", "sku-pg5a", 3)])
        try await stores.commit("D", .paid, at: 10, [("1", "sku-pg5a", 1), ("1", "sku-pg5a", 3)])
        #expect(try await stores.reserved("PG5A") == 7)
        let fulfilments = try await stores.inventory.fulfilments(of: FulfilmentStores.key("D"))
        #expect(fulfilments.count == 1)
        #expect(fulfilments.first?.reservations.reduce(0) { $0 + $1.quantity } == 4)
        #expect(try await stores.activeParcels("D") == ["1": 4])
        let stored = try #require(try await stores.orders.order(FulfilmentStores.key("D")))
        #expect(stored.lines.map(\.quantity) == [4])

        try await stores.commit("D", .cancelled, at: 20, [("1", "sku-pg5a", 1), ("1", "sku-pg5a", 3)])
        #expect(try await stores.reserved("PG5A") == 3)
        #expect(try await stores.activeParcels("D").isEmpty)
        #expect(try await stores.activeParcels("E") == ["1": 3])
        #expect(try await stores.lotGrams() == 15_000)
        #expect(try await stores.inventory.fulfilments(of: FulfilmentStores.key("E")).map(\.state) == [.reserved])
    }

    @Test func migrationRecordsTheSkuAndQuantityOfLinesPlannedBeforeIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var stores = try await FulfilmentStores.open(directory)
        try await stores.commit("M", .paid, at: 10, [("1", "sku-pg5a", 2)])
        // Back to the schema before `v6-line-identity`, as a database written by the previous release.
        try await stores.database.writer.write { db in
            try db.execute(
                sql: """
                    ALTER TABLE line_fulfilments DROP COLUMN sku_id;
                    ALTER TABLE line_fulfilments DROP COLUMN quantity;
                    DELETE FROM grdb_migrations WHERE identifier = 'v6-line-identity';
                    """
            )
        }
        let reopened = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        stores = FulfilmentStores.Stores(
            database: reopened,
            inbox: SQLiteInboxStore.withRunningWriter(database: reopened),
            orders: reopened,
            inventory: reopened,
            supply: reopened,
            next: stores.next
        )
        let fulfilment = try #require(try await stores.inventory.fulfilments(of: FulfilmentStores.key("M")).first)
        #expect(fulfilment.skuId == "sku-pg5a" && fulfilment.quantity == 2)
        // And a later change of quantity is re-planned.
        try await stores.commit("M", .paid, at: 20, [("1", "sku-pg5a", 3)])
        #expect(try await stores.reserved("PG5A") == 3)
        #expect(try await stores.activeParcels("M") == ["1": 3])
    }
}
