import GatewayCore
import GatewayStorage
import ServiceLifecycleTestKit
import Testing

/// The group-commit writer as a service: nothing is committed before it runs, and graceful shutdown commits what was
/// accepted, then refuses.
@Suite struct InboxCommitWriterTests {
    func delivery(_ id: String) -> InboxDelivery {
        InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")
    }

    @Test func gracefulShutdownCommitsWhatWasAcceptedThenRefuses() async throws {
        let inbox = SQLiteInboxStore(database: try .inMemory(), startingWriter: false)
        let waiting = Task { try await inbox.append([delivery("a"), delivery("b")]) }
        while inbox.queued.deliveries < 2 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(try await inbox.counts().total == 0)
        try await testGracefulShutdown { trigger in
            trigger.triggerGracefulShutdown()
            try await inbox.commitWriter.run()
        }
        #expect(try await waiting.value.map(\.isDuplicate) == [false, false])
        #expect(try await inbox.counts().total == 2)
        await #expect(throws: InboxClosed.self) { try await inbox.append([delivery("c")]) }
        #expect(try await inbox.counts().total == 2)
    }
}
