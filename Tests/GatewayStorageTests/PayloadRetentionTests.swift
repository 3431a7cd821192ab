import GatewayCore
import GatewayPipeline
import GatewayStorage
import Synchronization
import Testing

/// `retention.payload_days`: raw payloads of processed deliveries and timelines older than the period are deleted;
/// young ones, pending and parked deliveries and the de-duplication of repeats are kept. The clock is injected.
@Suite struct PayloadRetentionTests {
    static let day: Int64 = 86_400_000
    static let start = Timestamp(secondsSince1970: 1_764_400_000)

    static func delivery(_ id: String) -> InboxDelivery {
        InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: start, text: #"{"id":"\#(id)"}"#)
    }

    static func processed(_ inboxId: Int64, _ id: String) -> ProcessedDelivery {
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "s", platformOrderId: id),
            source: .push,
            event: "paid",
            platformUpdatedAt: start,
            status: .paid
        )
        return ProcessedDelivery(
            inboxId: inboxId,
            deliveryId: id,
            observations: [PreparedObservation(observation: observation, rawPayload: #"{"raw":"\#(id)"}"#)]
        )
    }

    @Test func oldPayloadsAreDeletedYoungPendingAndParkedOnesKept() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let orders = database
        let ids = try await inbox.append(["old-1", "old-2", "old-3", "young", "pending", "parked"].map(Self.delivery)).map(\.id)
        // Processed 100 days ago (three of them), 10 days ago (one); one still pending, one parked 100 days ago.
        _ = try await orders.commit(
            [Self.processed(ids[0], "old-1"), Self.processed(ids[1], "old-2"), Self.processed(ids[2], "old-3")],
            at: Self.start
        )
        let now = Self.start.adding(milliseconds: 100 * Self.day)
        _ = try await orders.commit([Self.processed(ids[3], "young")], at: now.adding(milliseconds: -10 * Self.day))
        try await inbox.park([ParkedDelivery(inboxId: ids[5], reason: .undecodable, message: "bad")], at: Self.start)

        let clock = Mutex(now)
        let retention = PayloadRetention(
            store: database,
            payloadDays: 90,
            chunk: 2,
            clock: { clock.withLock { $0 } }
        )
        #expect(retention.cutoff(at: now) == now.adding(milliseconds: -90 * Self.day))
        let deleted = try await retention.runOnce()
        #expect(deleted == PayloadDeletion(inbox: 3, timeline: 3))

        let entries = Dictionary(uniqueKeysWithValues: try await inbox.allEntries().map { ($0.delivery.deliveryId, $0.delivery.payloadText) })
        #expect(entries["old-1"] == "" && entries["old-2"] == "" && entries["old-3"] == "")
        #expect(entries["young"] == #"{"id":"young"}"#)
        #expect(try await inbox.pending(limit: 10, now: now).map(\.delivery.payloadText) == [#"{"id":"pending"}"#])
        #expect(try await inbox.parkedEntries().map(\.entry.delivery.payloadText) == [#"{"id":"parked"}"#])
        let oldTimeline = try #require(try await orders.timeline(OrderKey(platform: .douyin, shop: "s", platformOrderId: "old-1")).first)
        #expect(oldTimeline.rawPayload == "" && oldTimeline.payloadDeletedAt == now)
        let youngTimeline = try #require(try await orders.timeline(OrderKey(platform: .douyin, shop: "s", platformOrderId: "young")).first)
        #expect(youngTimeline.rawPayload == #"{"raw":"young"}"# && youngTimeline.payloadDeletedAt == nil)
        // The order and the de-duplication record stay.
        #expect(try await orders.order(OrderKey(platform: .douyin, shop: "s", platformOrderId: "old-1"))?.status == .paid)
        #expect(try await inbox.append([Self.delivery("old-1")]) == [.duplicate(id: ids[0])])

        // Nothing more until the young one ages past the period.
        #expect(try await retention.runOnce() == PayloadDeletion())
        clock.withLock { $0 = now.adding(milliseconds: 81 * Self.day) }
        #expect(try await retention.runOnce() == PayloadDeletion(inbox: 1, timeline: 1))
    }
}
