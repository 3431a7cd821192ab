import GatewayCore
import GatewayStorage
import Testing

/// A refund after shipment that the platform reports as a closed order (Pinduoduo, Taobao) keeps the
/// stock consumed and the households' allocation, flagged, on a real SQLite file (issue #11).
@Suite struct SQLiteRefundAfterShipmentTests {
    @Test func aRefundAfterShipmentNeverSeenShippedConsumesTheStockAndKeepsTheFlaggedAllocation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var stores = try await FulfilmentStores.open(directory)
        try await stores.commit("F", .paid, at: 10, [("1", "sku-pg5a", 2)])
        #expect(try await stores.activeParcels("F") == ["1": 2])
        // Pinduoduo/Taobao: the order closes as refunded after the goods were sent; `shipped` never seen.
        try await stores.commit("F", .cancelled, at: 20, [("1", "sku-pg5a", 2)], refund: .refunded, refundedAfterShipment: true)
        #expect(try await stores.reserved("PG5A") == 0)
        #expect(try await stores.onHand("PG5A") == 98)
        #expect(try await stores.inventory.fulfilments(of: FulfilmentStores.key("F")).map(\.state) == [.consumed])
        let parcels = try await stores.supply.allocations(of: FulfilmentStores.key("F"))
        #expect(parcels.count == 2)
        #expect(parcels.allSatisfy { $0.state == "active" && $0.refundedAfterShipment })
        #expect(try await stores.lotGrams() == 10_000)

        // First seen already closed: reserved, consumed, allocated and flagged in one go.
        try await stores.commit("G", .cancelled, at: 20, [("1", "sku-pg5a", 1)], refund: .refunded, refundedAfterShipment: true)
        #expect(try await stores.onHand("PG5A") == 97)
        let first = try await stores.supply.allocations(of: FulfilmentStores.key("G"))
        #expect(first.count == 1 && first.allSatisfy { $0.state == "active" && $0.refundedAfterShipment })

        // A refund before shipment still gives everything back.
        try await stores.commit("H", .paid, at: 10, [("1", "sku-pg5a", 1)])
        try await stores.commit("H", .cancelled, at: 20, [("1", "sku-pg5a", 1)], refund: .refunded)
        #expect(try await stores.reserved("PG5A") == 0)
        #expect(try await stores.onHand("PG5A") == 97)
        #expect(try await stores.activeParcels("H").isEmpty)
    }
}
