import GatewayCore
import GatewayStorage
import Testing

/// `orders.poll_rows_held_through` (migration `v8-poll-rows-held`) answers ``OrderStore/pollRowsHeldThrough`` with
/// exactly what the held order says (issue #14 target 5).
@Suite struct SQLiteOrderStorePollRowsTests {
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

    @Test func heldTimesAreReadInOneQueryAndEqualTheOrders() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore(database: database)
        let store = SQLiteOrderStore(database: database)
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
        let held = try await store.pollRowsHeldThrough(platform: .douyin, shop: "s", orderIds: ["detail", "push", "unknown", "detail"])
        #expect(held == ["detail": Timestamp(secondsSince1970: 500), "push": Timestamp(millisecondsSince1970: 499_999)])  // "not-asked" is held but was not asked for
        for id in ["detail", "push"] {
            let order = try #require(try await store.order(OrderKey(platform: .douyin, shop: "s", platformOrderId: id)))
            #expect(held[id] == order.pollRowsHeldThrough)
        }
        #expect(try await store.pollRowsHeldThrough(platform: .kuaishou, shop: "s", orderIds: ["detail"]).isEmpty)
        #expect(try await store.pollRowsHeldThrough(platform: .douyin, shop: "s", orderIds: []).isEmpty)
    }

    @Test func moreIdsThanOneQueryHoldsAreReadInChunks() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore(database: database)
        let store = SQLiteOrderStore(database: database)
        let ids = try await inbox.append(
            [InboxDelivery(platform: .douyin, shop: "s", deliveryId: "d1", kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")]
        ).map(\.id)
        _ = try await store.commit([Self.processed(ids[0], order: "o-1234", at: 500, source: .poll)], at: Timestamp(secondsSince1970: 600))
        let asked = (0..<1_500).map { "o-\($0)" }
        #expect(try await store.pollRowsHeldThrough(platform: .douyin, shop: "s", orderIds: asked) == ["o-1234": Timestamp(secondsSince1970: 500)])
    }
}
