import GatewayCore
import GatewayPipeline
import GatewayTesting
import Testing

/// A stored payload the store cannot open (sealed with a data key that is not configured) is parked with that reason,
/// never decoded from an empty payload; the rest of the batch goes on.
@Suite struct UnreadablePayloadTests {
    @Test func anUnreadablePayloadIsParkedWithItsReason() async throws {
        let stores = InMemoryStores()
        let delivery = { (text: String, id: String) in
            InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: text)
        }
        _ = try await stores.append([delivery("o1|paid|5|full", "m1"), delivery("o2|paid|5|full", "m2")])
        await stores.makeUnreadable(1, "the stored payload cannot be opened: sealed with data key \"k0\", which storage.data_keys does not list")
        let processor = InboxProcessor(
            inbox: stores,
            orders: stores,
            connectors: ["s": FakeConnector(shop: "s")],
            clock: { Timestamp(secondsSince1970: 100) }
        )
        #expect(try await processor.drain() == 2)
        let parked = try #require(await stores.parked[1])
        #expect(parked.reason == .undecodable)
        #expect(parked.message.contains("data key \"k0\""))
        #expect(try await stores.order(OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1")) == nil)
        #expect(try await stores.order(OrderKey(platform: .douyin, shop: "s", platformOrderId: "o2")) != nil)
    }
}
