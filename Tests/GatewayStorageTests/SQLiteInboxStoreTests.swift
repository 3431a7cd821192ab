import GatewayCore
import GatewayStorage
import Testing

@Suite struct SQLiteInboxStoreTests {
    func delivery(_ id: String, shop: String = "s", at seconds: Int64 = 1) -> InboxDelivery {
        InboxDelivery(
            platform: .douyin,
            shop: shop,
            deliveryId: id,
            kind: .push,
            receivedAt: Timestamp(secondsSince1970: seconds),
            text: "{\"id\":\"\(id)\"}"
        )
    }

    @Test func repeatsAreCountedNotStored() async throws {
        let inbox = SQLiteInboxStore(database: try .inMemory())
        let first = try await inbox.append([delivery("a"), delivery("b")])
        #expect(first.map(\.isDuplicate) == [false, false])
        let again = try await inbox.append([delivery("a"), delivery("a", shop: "other")])
        #expect(again[0] == .duplicate(id: first[0].id))
        #expect(!again[1].isDuplicate)
        let counts = try await inbox.counts()
        #expect(counts.total == 3)
        #expect(counts.unprocessed == 3)
        #expect(counts.duplicatesAbsorbed == 1)
        let pending = try await inbox.pending(limit: 10, now: Timestamp(secondsSince1970: 10))
        #expect(pending.map(\.delivery.deliveryId) == ["a", "b", "a"])
        #expect(pending[0].receivedCount == 2)
        #expect(pending[0].delivery.payloadText == "{\"id\":\"a\"}")
    }

    @Test func sameDeliveryTwiceInOneBatchIsOneRow() async throws {
        let inbox = SQLiteInboxStore(database: try .inMemory())
        let results = try await inbox.append([delivery("x"), delivery("x")])
        #expect(results == [.stored(id: results[0].id), .duplicate(id: results[0].id)])
    }

    @Test func concurrentAppendsAreGroupCommittedToAFileExactlyOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = SQLiteInboxStore(database: try SQLiteDatabase.open(path: directory.file("inbox.sqlite")))
        let results = try await withThrowingTaskGroup(of: [InboxAppendResult].self) { group in
            for index in 0..<400 {
                group.addTask { try await inbox.append([self.delivery("d\(index % 300)")]) }
            }
            var all: [InboxAppendResult] = []
            for try await result in group { all += result }
            return all
        }
        #expect(results.count == 400)
        #expect(results.filter(\.isDuplicate).count == 100)
        #expect(Set(results.map(\.id)).count == 300)
        let counts = try await inbox.counts()
        #expect(counts.total == 300)
        #expect(counts.duplicatesAbsorbed == 100)
        // Reopening the file sees every acknowledged delivery.
        let reopened = SQLiteInboxStore(database: try SQLiteDatabase.open(path: directory.file("inbox.sqlite")))
        #expect(try await reopened.counts().total == 300)
    }

    @Test func deferredEntriesWaitUntilTheirTime() async throws {
        let inbox = SQLiteInboxStore(database: try .inMemory())
        let ids = try await inbox.append([delivery("a"), delivery("b")]).map(\.id)
        try await inbox.deferEntries([ids[0]], until: Timestamp(secondsSince1970: 100), error: "api down")
        #expect(try await inbox.pending(limit: 10, now: Timestamp(secondsSince1970: 50)).map(\.id) == [ids[1]])
        let later = try await inbox.pending(limit: 10, now: Timestamp(secondsSince1970: 100))
        #expect(later.map(\.id) == ids)
        #expect(later[0].attempts == 1)
    }
}
