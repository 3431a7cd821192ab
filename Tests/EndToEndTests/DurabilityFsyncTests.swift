import Foundation
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import Testing

/// Durability is shown by counting syncs, not by a kill -9 (WAL with `synchronous=NORMAL` survives a process
/// kill, so a kill test cannot see a missing fsync). The real `gateway serve` runs under `strace`, receives
/// pushes one after another (each waits for its ack), and the syncs of the SQLite WAL file are counted.
@Suite(.serialized) struct DurabilityFsyncTests {
    static let pushes = 40

    /// Path of `strace`, which `.ci/run` installs.
    static var strace: String? {
        ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the gateway under strace with the given `storage.synchronous` and returns (acknowledged, WAL syncs).
    func acknowledgedAndWALSyncs(synchronous: String) async throws -> (Int, Int) {
        let strace = try #require(Self.strace, "strace is needed to count fsyncs (apt-get install strace)")
        let yaml = EndToEndHarness.yaml.replacingOccurrences(of: "synchronous: full", with: "synchronous: \(synchronous)")
        let harness = try await EndToEndHarness.startMock(poll: false, yaml: yaml)
        let trace = harness.directory + "/strace.txt"
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let messages = try PaidPushes.messages(Self.pushes, shop: shop)
        let child = try ChildGateway(
            configPath: harness.configPath,
            adminToken: EndToEndHarness.adminToken,
            extraArguments: ["--ingest-only"],
            wrapper: [strace, "-f", "-y", "-e", "trace=fsync,fdatasync", "-o", trace]
        )
        // Syncs before the first push (migrations, start-up) are not counted.
        let before = Self.walSyncs(in: trace)
        var acknowledged = 0
        for message in messages {
            let result = try await shop.push([message], to: child.url, timeout: .seconds(10))
            if result.acknowledged { acknowledged += 1 }
        }
        let after = Self.walSyncs(in: trace)
        child.kill9()
        await harness.cleanUp()
        return (acknowledged, after - before)
    }

    static func walSyncs(in trace: String) -> Int {
        let text = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.contains("sync(") && $0.contains(".sqlite-wal>") }.count
    }

    /// With `synchronous: full` every acknowledged sequential delivery was fsync'd before its ack.
    @Test func everyAcknowledgedSequentialPushIsFsynced() async throws {
        let (acknowledged, syncs) = try await acknowledgedAndWALSyncs(synchronous: "full")
        #expect(acknowledged == Self.pushes)
        #expect(syncs >= acknowledged, "\(acknowledged) acknowledged pushes but only \(syncs) syncs of the WAL")
    }

    /// The contrast that shows the count can fail: `normal` syncs only at checkpoints.
    @Test func normalModeDoesNotSyncEveryCommit() async throws {
        let (acknowledged, syncs) = try await acknowledgedAndWALSyncs(synchronous: "normal")
        #expect(acknowledged == Self.pushes)
        #expect(syncs < acknowledged / 2, "normal mode synced \(syncs) times for \(acknowledged) commits")
    }
}
