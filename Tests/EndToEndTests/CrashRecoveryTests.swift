import Foundation
import GatewayCore
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import Synchronization
import Testing

@Suite(.serialized) struct CrashRecoveryTests {
    /// A child gateway receives a stream of pushes and is killed with SIGKILL at random moments;
    /// after each restart every acknowledged delivery is in the inbox exactly once and, once the
    /// pipeline catches up, processed exactly once.
    @Test func acknowledgedDeliveriesSurviveSIGKILLExactlyOnce() async throws {
        let harness = try await EndToEndHarness.startMock(poll: false)
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let messages = try PaidPushes.messages(240, shop: shop)
        let acknowledged = AcknowledgedSet()
        var generator = SystemRandomNumberGenerator()
        var pending = messages
        for round in 0..<3 {
            let child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken)
            let url = child.url
            let batch = pending
            let pusher = Task {
                // 16 concurrent senders, each working through its share of the messages.
                await withTaskGroup(of: Void.self) { group in
                    for worker in 0..<16 {
                        let share = stride(from: worker, to: batch.count, by: 16).map { batch[$0] }
                        group.addTask {
                            for message in share {
                                // A sender whose push fails stops, as a platform backs off; the next round retries.
                                guard let result = try? await shop.push([message], to: url, timeout: .seconds(1)), result.acknowledged else { return }
                                acknowledged.insert(message.msgId)
                            }
                        }
                    }
                }
            }
            if round < 2 {
                // Kill at a random point of the stream: once between 20% and 70% of what is left has been acknowledged.
                let before = acknowledged.snapshot().count
                let target = before + Int(Double(batch.count) * Double.random(in: 0.2...0.7, using: &generator))
                while acknowledged.snapshot().count < target { try await Task.sleep(for: .milliseconds(2)) }
                child.kill9()
                await pusher.value
            } else {
                await pusher.value
                // Let the pipeline catch up, then stop gracefully.
                let drained = try await EndToEndHarness.eventually(seconds: 60) {
                    let (status, body) = try await EndToEndHarness.getJSON("\(url)/readyz")
                    return status == 200 && body["inboxUnprocessed"] as? Int == 0
                }
                #expect(drained)
                child.stop()
            }
            let acked = acknowledged.snapshot()
            pending = messages.filter { !acked.contains($0.msgId) }  // the platform retries what was not acknowledged
        }

        let acked = acknowledged.snapshot()
        #expect(acked.count == messages.count)
        let database = try SQLiteDatabase.open(path: harness.databasePath, keys: try EndToEndHarness.dataKeys)
        let entries = try await SQLiteInboxStore(database: database).allEntries()
        var seen: [String: Int] = [:]
        for entry in entries { seen[entry.delivery.deliveryId, default: 0] += 1 }
        for id in acked {
            #expect(seen[id] == 1, "acknowledged delivery \(id) is in the inbox \(seen[id] ?? 0) times")
        }
        let processedCounts = try await database.timelineCountsByInbox()
        for entry in entries {
            #expect(processedCounts[entry.id] == 1, "inbox entry \(entry.id) was processed \(processedCounts[entry.id] ?? 0) times")
        }
        #expect(try await database.orderCount() == messages.count)
        await harness.cleanUp()
    }
}

/// The message ids the gateway acknowledged, shared by the sending tasks.
final class AcknowledgedSet: Sendable {
    private let ids = Mutex<Set<String>>([])
    func insert(_ id: String) { _ = ids.withLock { $0.insert(id) } }
    func snapshot() -> Set<String> { ids.withLock { $0 } }
}
