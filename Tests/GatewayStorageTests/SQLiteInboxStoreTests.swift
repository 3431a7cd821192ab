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
        let inbox = SQLiteInboxStore.withRunningWriter(database: try .inMemory())
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
        let inbox = SQLiteInboxStore.withRunningWriter(database: try .inMemory())
        let results = try await inbox.append([delivery("x"), delivery("x")])
        #expect(results == [.stored(id: results[0].id), .duplicate(id: results[0].id)])
    }

    @Test func concurrentAppendsAreGroupCommittedToAFileExactlyOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = SQLiteInboxStore.withRunningWriter(database: try SQLiteDatabase.open(path: directory.file("inbox.sqlite"), keys: .tests))
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
        let reopened = SQLiteInboxStore.withRunningWriter(database: try SQLiteDatabase.open(path: directory.file("inbox.sqlite"), keys: .tests))
        #expect(try await reopened.counts().total == 300)
    }

    @Test func deferredEntriesWaitUntilTheirTime() async throws {
        let inbox = SQLiteInboxStore.withRunningWriter(database: try .inMemory())
        let ids = try await inbox.append([delivery("a"), delivery("b")]).map(\.id)
        try await inbox.deferEntries([ids[0]], until: Timestamp(secondsSince1970: 100), error: "api down")
        #expect(try await inbox.pending(limit: 10, now: Timestamp(secondsSince1970: 50)).map(\.id) == [ids[1]])
        let later = try await inbox.pending(limit: 10, now: Timestamp(secondsSince1970: 100))
        #expect(later.map(\.id) == ids)
        #expect(later[0].attempts == 1)
    }
}

@Suite struct SQLiteInboxDurabilityTests {
    func delivery(_ id: String) -> InboxDelivery {
        InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")
    }

    /// Issue #8 finding 1: GRDB's pool resets the writer to `synchronous=NORMAL` after `prepareDatabase`, so
    /// `full` never took effect. The writer is read back here.
    @Test func theWriterRunsWithTheConfiguredSynchronousMode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let full = try SQLiteDatabase.open(path: directory.file("full.sqlite"), keys: .tests)
        #expect(try full.writerSynchronous() == 2)
        let normal = try SQLiteDatabase.open(path: directory.file("normal.sqlite"), synchronous: "normal", keys: .tests)
        #expect(try normal.writerSynchronous() == 1)
    }

    /// The commit queue is bounded: appends past the bound are refused at once and store nothing; every append
    /// that returned is stored.
    @Test func appendsPastTheQueueBoundAreRefusedAndStoreNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = SQLiteInboxStore.withRunningWriter(
            database: try SQLiteDatabase.open(path: directory.file("inbox.sqlite"), keys: .tests),
            maxQueuedDeliveries: 4
        )
        let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
            for index in 0..<300 {
                group.addTask {
                    do {
                        _ = try await inbox.append([self.delivery("d\(index)")])
                        return ("d\(index)", true)
                    } catch is InboxOverloaded {
                        return ("d\(index)", false)
                    } catch {
                        Issue.record("unexpected \(error)")
                        return ("d\(index)", false)
                    }
                }
            }
            var all: [(String, Bool)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let stored = Set(try await inbox.allEntries().map(\.delivery.deliveryId))
        let accepted = Set(outcomes.filter(\.1).map(\.0))
        #expect(accepted == stored)
        #expect(outcomes.contains { !$0.1 }, "300 concurrent appends never exceeded a queue of 4")
        #expect(inbox.queued.deliveries == 0)
        // It recovers: the next append is stored.
        #expect(try await inbox.append([delivery("after")]).count == 1)
    }

    /// Parking: a parked entry leaves the pending set, opens an `unprocessable` exception, and staff's re-run puts
    /// it back; a dismissal ends it.
    @Test func parkedDeliveriesOpenAnExceptionAndComeBackOnRerun() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let inventory = database
        let ids = try await inbox.append([delivery("bad"), delivery("good"), delivery("worse")]).map(\.id)
        let now = Timestamp(secondsSince1970: 100)
        try await inbox.markInFlight(ids)
        #expect(try await inbox.pending(limit: 10, now: now).map(\.inFlight) == [1, 1, 1])
        try await inbox.park(
            [
                ParkedDelivery(inboxId: ids[0], reason: .undecodable, message: "not JSON"),
                ParkedDelivery(inboxId: ids[2], reason: .invalid, message: "quantity 0", platformOrderId: "o3"),
            ],
            at: now
        )
        #expect(try await inbox.pending(limit: 10, now: now).map(\.id) == [ids[1]])
        let counts = try await inbox.counts()
        #expect(counts.parked == 2)
        #expect(counts.unprocessed == 1)
        let parked = try await inbox.parkedEntries()
        #expect(parked.map(\.reason) == [.undecodable, .invalid])
        #expect(parked[0].failures == 1)
        #expect(parked[0].entry.inFlight == 0)
        #expect(parked[0].firstFailedAt == now)
        let exceptions = try await inventory.exceptions(ExceptionQuery(kind: .unprocessable))
        #expect(exceptions.count == 2)
        #expect(Set(exceptions.map(\.order.platformOrderId)) == ["delivery:bad", "o3"])
        #expect(exceptions.allSatisfy { $0.message.contains("delivery") })

        let rerun = try #require(exceptions.first { $0.order.platformOrderId == "delivery:bad" })
        let resolution = try await inventory.resolveException(id: rerun.id, note: "connector fixed", dismiss: false, actor: "admin", at: now)
        #expect(resolution.resolved)
        #expect(try await inbox.pending(limit: 10, now: now).map(\.id) == [ids[0], ids[1]])

        let dismissed = try #require(exceptions.first { $0.order.platformOrderId == "o3" })
        _ = try await inventory.resolveException(id: dismissed.id, note: "test order", dismiss: true, actor: "admin", at: now)
        let after = try await inbox.counts()
        #expect(after.parked == 0)
        #expect(after.unprocessed == 2)
    }
}
