import GatewayCore
import GatewayStorage
import Testing

/// `orders.snapshot_updated_at` and `snapshot_fingerprint` (migration `v8-held-snapshots`) answer
/// ``OrderStore/heldSnapshots(platform:shop:orderIds:)`` with exactly what the held order says (issue #14 target 5).
@Suite struct SQLiteOrderStoreHeldSnapshotsTests {
    static func processed(_ inboxId: Int64, order: String, at seconds: Int64, source: ObservationSource) -> ProcessedDelivery {
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "x",
            totalFen: 100,
            paidFen: 100,
            createdAt: Timestamp(secondsSince1970: 1),
            lines: [OrderLine(lineId: "l1", productId: "p", skuId: "k", title: "t", quantity: 1, paidFen: 100)]
        )
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "s", platformOrderId: order),
            source: source,
            event: "e",
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            snapshot: snapshot
        )
        return ProcessedDelivery(
            inboxId: inboxId,
            deliveryId: "d\(inboxId)",
            observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
        )
    }

    @Test func heldSnapshotsAreReadInOneQueryAndEqualTheOrders() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let ids = try await inbox.append(
            (1...3).map {
                InboxDelivery(platform: .douyin, shop: "s", deliveryId: "d\($0)", kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")
            }
        ).map(\.id)
        _ = try await store.commit(
            [
                Self.processed(ids[0], order: "detail", at: 500, source: .detail),
                Self.processed(ids[1], order: "push", at: 500, source: .push),
                Self.processed(ids[2], order: "not-asked", at: 500, source: .detail),
            ],
            at: Timestamp(secondsSince1970: 600)
        )
        let held = try await store.heldSnapshots(platform: .douyin, shop: "s", orderIds: ["detail", "push", "unknown", "detail"])
        #expect(Set(held.keys) == ["detail", "push"])  // "not-asked" is held but was not asked for
        for id in ["detail", "push"] {
            let order = try #require(try await store.order(OrderKey(platform: .douyin, shop: "s", platformOrderId: id)))
            #expect(held[id] == order.heldSnapshot)
            #expect(held[id]?.platformUpdatedAt == Timestamp(secondsSince1970: 500))
            #expect(held[id]?.fingerprint == order.snapshotVersion?.fingerprint)
        }
        #expect(try await store.heldSnapshots(platform: .kuaishou, shop: "s", orderIds: ["detail"]).isEmpty)
        #expect(try await store.heldSnapshots(platform: .douyin, shop: "s", orderIds: []).isEmpty)
    }

    @Test func moreIdsThanOneQueryHoldsAreReadInChunks() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let ids = try await inbox.append(
            [InboxDelivery(platform: .douyin, shop: "s", deliveryId: "d1", kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")]
        ).map(\.id)
        _ = try await store.commit([Self.processed(ids[0], order: "o-1234", at: 500, source: .poll)], at: Timestamp(secondsSince1970: 600))
        let asked = (0..<1_500).map { "o-\($0)" }
        let held = try await store.heldSnapshots(platform: .douyin, shop: "s", orderIds: asked)
        #expect(Array(held.keys) == ["o-1234"])
        #expect(held["o-1234"]?.platformUpdatedAt == Timestamp(secondsSince1970: 500))
    }
}

/// ``SQLiteDatabase/deliveriesWithoutChange()``: a delivery counts once, and only when none of its observations applied.
@Suite struct SQLiteDeliveriesWithoutChangeTests {
    @Test func countsDeliveriesNoneOfWhoseObservationsApplied() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let ids = try await inbox.append(
            (1...4).map {
                InboxDelivery(platform: .douyin, shop: "s", deliveryId: "d\($0)", kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")
            }
        ).map(\.id)
        let first = SQLiteOrderStoreHeldSnapshotsTests.processed(ids[0], order: "o", at: 500, source: .detail)
        var again = SQLiteOrderStoreHeldSnapshotsTests.processed(ids[1], order: "o", at: 500, source: .detail)
        again.observations += again.observations  // two observations, neither applied: one delivery
        let older = SQLiteOrderStoreHeldSnapshotsTests.processed(ids[2], order: "o", at: 400, source: .poll)
        let newer = SQLiteOrderStoreHeldSnapshotsTests.processed(ids[3], order: "o", at: 600, source: .poll)
        _ = try await store.commit([first, again, older, newer], at: Timestamp(secondsSince1970: 700))
        #expect(try await store.deliveriesWithoutChange() == 2)
    }
}
