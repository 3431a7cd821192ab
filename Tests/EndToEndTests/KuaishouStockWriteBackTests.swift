import GatewayConnectors
import GatewayCore
import GatewayPipeline
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import NIOCore
import Testing

/// Kuaishou's stock write only takes increments (`open.item.sku.stock.update`), so a write that is applied
/// twice, or computed from a stale base, moves the platform's stock away from the gateway's sellable
/// quantity. These tests run ``StockWriteBack`` and the real ``KuaishouConnector`` over real HTTP against the
/// mock platform and check that the platform always ends at exactly the sellable quantity: when the
/// platform applies a write and the answer is lost, when the gateway dies between the write and its
/// record, and when someone else changes the platform's stock.
@Suite(.serialized) struct KuaishouStockWriteBackTests {
    @Test(
        "a write the platform applied but whose answer was lost (504 or timeout) is not applied again",
        arguments: [0, 2000]
    )
    func lostAnswers(lostAnswerDelayMilliseconds: Int) async throws {
        let fixture = try await KuaishouStockFixture.start(timeout: .milliseconds(1000))
        fixture.harness.mock.faults = MockFaults(lostAnswerRate: 1.0, lostAnswerDelayMilliseconds: lostAnswerDelayMilliseconds)
        // Every write is applied and its answer lost; the gateway retries as it always does.
        for _ in 0..<3 { _ = try await fixture.writeBack.syncOnce() }
        #expect(fixture.platformStock == 50)
        // The sellable quantity falls to 45: still exact under the same fault.
        try await fixture.setOnHand(45)
        for _ in 0..<3 { _ = try await fixture.writeBack.syncOnce() }
        #expect(fixture.platformStock == 45)
        #expect(try await fixture.inventory.pendingStockPushes().isEmpty)
        // The fault really fired, and no write went out without a read-back just before it.
        let calls = fixture.harness.mock.requestLog().filter { $0.platform == "kuaishou" && $0.path.hasPrefix("/open/item/") }
        #expect(calls.contains { $0.httpStatus == 504 && $0.method == "open.item.sku.stock.update" })
        for (index, call) in calls.enumerated() where call.method == "open.item.sku.stock.update" {
            #expect(index > 0 && calls[index - 1].method == "open.item.get", "\(calls.map(\.method))")
        }
        fixture.harness.mock.faults = .none
        await fixture.cleanUp()
    }

    @Test("a push that reached the platform but whose record was lost in a crash is not applied again")
    func crashBetweenPushAndRecord() async throws {
        let fixture = try await KuaishouStockFixture.start()
        // The first push reaches the platform; the gateway dies before `recordStockPush`.
        let first = try #require(try await fixture.inventory.pendingStockPushes().first)
        #expect(first.quantity == 50 && first.previousQuantity == nil)
        try await fixture.connector.setStock(first)
        #expect(fixture.platformStock == 50)
        // Restarted, the gateway pushes the same target again: the platform stays on it.
        _ = try await fixture.writeBack.syncOnce()
        #expect(fixture.platformStock == 50)

        // Later the sellable quantity falls to 40; again the push lands and its record is lost.
        try await fixture.setOnHand(40)
        let second = try #require(try await fixture.inventory.pendingStockPushes().first)
        #expect(second.quantity == 40 && second.previousQuantity == 50)
        try await fixture.connector.setStock(second)
        _ = try await fixture.writeBack.syncOnce()
        #expect(fixture.platformStock == 40)
        #expect(try await fixture.inventory.pendingStockPushes().isEmpty)
        await fixture.cleanUp()
    }

    @Test("stock changed on the platform by someone else does not move where the next push lands")
    func otherWriters() async throws {
        // The merchant had listed 30 units before the gateway took the SKU over.
        let fixture = try await KuaishouStockFixture.start(platformStock: 30)
        _ = try await fixture.writeBack.syncOnce()
        #expect(fixture.platformStock == 50)
        // The merchant edits the stock in the seller console; then the sellable quantity falls to 45.
        fixture.setPlatformStock(80)
        try await fixture.setOnHand(45)
        _ = try await fixture.writeBack.syncOnce()
        #expect(fixture.platformStock == 45)
        // A buyer takes one unit on Kuaishou: the platform counts it down itself, and once the gateway has
        // the order its sellable quantity is 44 too; the push must not count the sale a second time.
        fixture.setPlatformStock(44)
        try await fixture.setOnHand(44)
        _ = try await fixture.writeBack.syncOnce()
        #expect(fixture.platformStock == 44)
        #expect(try await fixture.inventory.pendingStockPushes().isEmpty)
        await fixture.cleanUp()
    }
}
