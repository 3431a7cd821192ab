import GatewayCore
import GatewayStorage
import Testing

@Suite struct SQLiteOrderStoreTests {
    let key = OrderKey(platform: .douyin, shop: "s", platformOrderId: "4984023467827309610")

    func observation(_ status: OrderStatus, at seconds: Int64, snapshot: Bool = false) -> PreparedObservation {
        let full = OrderSnapshot(
            status: status,
            platformStatus: "x",
            totalFen: 100,
            paidFen: 100,
            createdAt: Timestamp(secondsSince1970: 1),
            lines: [OrderLine(lineId: "l1", productId: "p", skuId: "k", title: "t", quantity: 2, paidFen: 100)]
        )
        return PreparedObservation(
            observation: OrderObservation(
                key: key,
                source: snapshot ? .detail : .push,
                event: "test \(status)",
                platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                status: snapshot ? nil : status,
                snapshot: snapshot ? full : nil
            ),
            rawPayload: "{\"status\":\"\(status)\"}"
        )
    }

    @Test func commitMergesRecordsTimelineAndMarksProcessedOnce() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let ids = try await inbox.append([
            InboxDelivery(platform: .douyin, shop: "s", deliveryId: "m1", kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}"),
            InboxDelivery(platform: .douyin, shop: "s", deliveryId: "m2", kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}"),
        ]).map(\.id)
        _ = try await inbox.append([
            InboxDelivery(platform: .douyin, shop: "s", deliveryId: "m1", kind: .push, receivedAt: Timestamp(secondsSince1970: 2), text: "{}")
        ])
        let batch = [
            ProcessedDelivery(
                inboxId: ids[0],
                deliveryId: "m1",
                observations: [observation(.paid, at: 10), observation(.paid, at: 10, snapshot: true)]
            ),
            ProcessedDelivery(inboxId: ids[1], deliveryId: "m2", observations: [observation(.created, at: 5)]),
        ]
        let results = try await store.commit(batch, at: Timestamp(secondsSince1970: 20))
        #expect(results.map(\.decision) == [.applied, .applied, .stale])
        let order = try #require(try await store.order(key))
        #expect(order.status == .paid)
        #expect(order.lines.count == 1)
        let timeline = try await store.timeline(key)
        #expect(timeline.count == 3)
        #expect(timeline[0].receivedCount == 2)  // m1 arrived twice
        #expect(timeline.map(\.decision) == [.applied, .applied, .stale])
        #expect(timeline[2].statusBefore == .paid)
        // Replaying the same batch (a crash between commit and the next fetch) changes nothing.
        let replay = try await store.commit(batch, at: Timestamp(secondsSince1970: 30))
        #expect(replay.isEmpty)
        #expect(try await store.timeline(key).count == 3)
        #expect(try await inbox.pending(limit: 10, now: Timestamp(secondsSince1970: 40)).isEmpty)
        #expect(try await store.timelineCountsByInbox() == [ids[0]: 1, ids[1]: 1])
    }

    @Test func ordersCanBeListedAndFiltered() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let id = try await inbox.append([
            InboxDelivery(platform: .douyin, shop: "s", deliveryId: "m1", kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")
        ])[0].id
        _ = try await store.commit(
            [ProcessedDelivery(inboxId: id, deliveryId: "m1", observations: [observation(.paid, at: 10, snapshot: true)])],
            at: Timestamp(secondsSince1970: 2)
        )
        #expect(try await store.orders(matching: OrderQuery(status: .paid)).map(\.key) == [key])
        #expect(try await store.orders(matching: OrderQuery(status: .cancelled)).isEmpty)
        #expect(try await store.orders(matching: OrderQuery(platform: .standard)).isEmpty)
        #expect(try await store.orderCount() == 1)
    }

    @Test func pollCursorOnlyMovesForward() async throws {
        let store = try SQLiteDatabase.inMemory()
        #expect(try await store.pollCursor(shop: "s") == nil)
        try await store.setPollCursor(shop: "s", to: Timestamp(secondsSince1970: 100))
        try await store.setPollCursor(shop: "s", to: Timestamp(secondsSince1970: 50))
        #expect(try await store.pollCursor(shop: "s") == Timestamp(secondsSince1970: 100))
    }
}
