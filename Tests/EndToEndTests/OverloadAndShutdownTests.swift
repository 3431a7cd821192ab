import Foundation
import GatewayCore
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import Synchronization
import Testing

/// Overload and shutdown of the real `gateway serve` process (issue #8, findings 11 and 12).
@Suite(.serialized) struct OverloadAndShutdownTests {
    /// Peak resident memory of a process in kB (`VmHWM`).
    static func peakRSSKilobytes(pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    /// Many times more concurrent pushes than the commit queue holds: the overflow is answered 503 with
    /// `Retry-After` and not stored, every acknowledged push is stored, memory stays bounded, and it recovers.
    @Test func overloadAnswers503StoresEveryAcknowledgedDeliveryAndRecovers() async throws {
        let yaml = EndToEndHarness.yaml.replacingOccurrences(
            of: "synchronous: full, data_keys:",
            with: "synchronous: full, max_queued_deliveries: 16, data_keys:"
        )
        let harness = try await EndToEndHarness.startMock(poll: false, yaml: yaml)
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let messages = try PaidPushes.messages(3_000, shop: shop)
        let child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken, extraArguments: ["--ingest-only"])
        let url = child.url
        let outcomes = PushOutcomes()
        // Douyin pushes carry up to 50 messages per request: 20 per request over 64 senders keeps far more
        // deliveries in flight than the queue of 16 holds, whatever the client's connection pool.
        let requests = stride(from: 0, to: messages.count, by: 20).map { Array(messages[$0..<min($0 + 20, messages.count)]) }
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<64 {
                let share = stride(from: worker, to: requests.count, by: 64).map { requests[$0] }
                group.addTask {
                    for request in share {
                        let status = (try? await shop.push(request, to: url, timeout: .seconds(20)))?.status ?? -1
                        for message in request { outcomes.record(message.msgId, status) }
                    }
                }
            }
        }
        let peak = Self.peakRSSKilobytes(pid: child.process.processIdentifier)
        let results = outcomes.snapshot()
        let acknowledged = Set(results.filter { $0.value == 200 }.map(\.key))
        let refused = Set(results.filter { $0.value == 503 }.map(\.key))
        #expect(acknowledged.count + refused.count == messages.count, "every push is either acknowledged or refused with 503")
        #expect(!refused.isEmpty, "64 concurrent senders never overflowed a queue of 16")
        #expect(peak > 0 && peak < 400_000, "peak RSS \(peak) kB")

        // Recovery: the platform retries what was refused, one by one, and all are acknowledged.
        for message in messages where refused.contains(message.msgId) {
            let result = try await shop.push([message], to: url, timeout: .seconds(10))
            #expect(result.acknowledged)
        }
        child.stop()
        let entries = try await SQLiteInboxStore(database: try SQLiteDatabase.open(path: harness.databasePath, keys: try EndToEndHarness.dataKeys))
            .allEntries()
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.delivery.deliveryId, default: 0] += entry.receivedCount }
        for id in acknowledged { #expect(counts[id] == 1, "acknowledged \(id) stored \(counts[id] ?? 0) times") }
        // Refused deliveries were stored only by their retry: received once, not twice.
        for id in refused { #expect(counts[id] == 1, "refused \(id) received \(counts[id] ?? 0) times") }
        await harness.cleanUp()
    }

    /// SIGTERM with the poller sleeping a long interval: the process exits within 10 s.
    @Test func sigtermExitsWithinTenSecondsWhenIdle() async throws {
        let yaml = EndToEndHarness.yaml.replacingOccurrences(of: "interval_seconds: 0.5", with: "interval_seconds: 300")
        let harness = try await EndToEndHarness.startMock(poll: true, yaml: yaml)
        let child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken)
        try await Task.sleep(for: .seconds(2))
        let started = ContinuousClock.now
        child.stop()
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(10), "exit took \(elapsed)")
        await harness.cleanUp()
    }

    /// SIGTERM in the middle of a stream of pushes: it exits within 10 s, and every acknowledged push is stored.
    @Test func sigtermUnderLoadExitsWithinTenSecondsAndKeepsEveryAcknowledgedPush() async throws {
        let harness = try await EndToEndHarness.startMock(poll: true)
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let messages = try PaidPushes.messages(4_000, shop: shop)
        let child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken)
        let url = child.url
        let acknowledged = AcknowledgedSet()
        let pusher = Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<32 {
                    let share = stride(from: worker, to: messages.count, by: 32).map { messages[$0] }
                    group.addTask {
                        for message in share {
                            guard let result = try? await shop.push([message], to: url, timeout: .seconds(5)), result.acknowledged else { return }
                            acknowledged.insert(message.msgId)
                        }
                    }
                }
            }
        }
        while acknowledged.snapshot().count < 300 { try await Task.sleep(for: .milliseconds(5)) }
        let started = ContinuousClock.now
        child.stop()
        let elapsed = ContinuousClock.now - started
        await pusher.value
        #expect(elapsed < .seconds(10), "exit took \(elapsed)")
        let stored = Set(
            try await SQLiteInboxStore(database: try SQLiteDatabase.open(path: harness.databasePath, keys: try EndToEndHarness.dataKeys)).allEntries()
                .map(\.delivery.deliveryId)
        )
        let acked = acknowledged.snapshot()
        #expect(acked.isSubset(of: stored), "\(acked.subtracting(stored).count) acknowledged pushes are missing")
        await harness.cleanUp()
    }
}

/// The HTTP status each push got.
final class PushOutcomes: Sendable {
    private let statuses = Mutex<[String: Int]>([:])
    func record(_ id: String, _ status: Int) { statuses.withLock { $0[id] = status } }
    func snapshot() -> [String: Int] { statuses.withLock { $0 } }
}
