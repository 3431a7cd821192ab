import Foundation
import GRDB
import GatewayCore
import Testing

@testable import GatewayStorage

/// Personal data and raw payloads at rest: sealed with the current key, opened with any key of the ring, a wrong or
/// missing key refused at start, plaintext from before encryption sealed by the migration.
@Suite struct DataAtRestTests {
    static let key1 = Base64.encode((0..<32).map { UInt8($0) })
    static let key2 = Base64.encode((0..<32).map { UInt8(100 + $0) })
    static let phone = "13912345678"
    static let name = "欧阳娜娜"
    static let address = "迁陵镇团结路 17 号"
    static let now = Timestamp(secondsSince1970: 1_764_400_000)

    static func delivery(_ id: String) -> InboxDelivery {
        InboxDelivery(
            platform: .standard,
            shop: "county",
            deliveryId: id,
            kind: .push,
            receivedAt: now,
            text: #"{"order_id":"\#(id)","buyer":{"name":"\#(name)","phone":"\#(phone)","address":"\#(address)"}}"#
        )
    }

    static func processed(_ inboxId: Int64, order: String, delivery: String, at seconds: Int64 = 1_764_400_000) -> ProcessedDelivery {
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "paid",
            totalFen: 5980,
            paidFen: 5980,
            createdAt: now,
            lines: [OrderLine(lineId: "1", productId: "p", skuId: "s", title: "椪柑", quantity: 1, paidFen: 5980)],
            buyer: BuyerInfo(
                maskedName: "欧**",
                maskedPhone: "139****5678",
                phoneTail: "5678",
                province: "湖南省",
                receiver: BuyerContact(name: name, phone: phone, address: address)
            )
        )
        let observation = OrderObservation(
            key: OrderKey(platform: .standard, shop: "county", platformOrderId: order),
            source: .push,
            event: "standard paid",
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            status: .paid,
            snapshot: snapshot
        )
        let raw = #"{"order_id":"\#(order)","buyer":{"phone":"\#(phone)"}}"#
        return ProcessedDelivery(
            inboxId: inboxId,
            deliveryId: delivery,
            observations: [PreparedObservation(observation: observation, rawPayload: raw)]
        )
    }

    static func key(_ order: String) -> OrderKey { OrderKey(platform: .standard, shop: "county", platformOrderId: order) }

    /// The key id each stored inbox payload and timeline payload was sealed with (`plain` for plaintext).
    static func storedKeyIds(_ database: SQLiteDatabase) async throws -> (inbox: [String], timeline: [String], receivers: [String]) {
        try await database.reader.read { db in
            let inbox = try Data.fetchAll(db, sql: "SELECT payload FROM inbox ORDER BY id").map { SealedValue(binary: Array($0))?.keyId ?? "plain" }
            let timeline = try String.fetchAll(db, sql: "SELECT raw_payload FROM timeline ORDER BY id").map {
                SealedValue(text: $0)?.keyId ?? "plain"
            }
            let receivers = try String.fetchAll(
                db,
                sql: "SELECT json_extract(order_json, '$.snapshot.buyer.sealedReceiver') FROM orders ORDER BY platform_order_id"
            )
            .map { SealedValue(text: $0)?.keyId ?? "plain" }
            return (inbox, timeline, receivers)
        }
    }

    @Test func payloadsAndReceiversAreSealedAndAnOldKeyIdStillOpensAfterARotation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("gateway.sqlite")
        let first = try SQLiteDatabase.open(path: path, synchronous: "normal", keys: try DataKeyRing(parsing: "k1:\(Self.key1)"))
        let id1 = try await SQLiteInboxStore.withRunningWriter(database: first).append([Self.delivery("d1")])[0].id
        _ = try await first.commit([Self.processed(id1, order: "o1", delivery: "d1")], at: Self.now)
        let sealed = try await Self.storedKeyIds(first)
        #expect(sealed.inbox == ["k1"] && sealed.timeline == ["k1"] && sealed.receivers == ["k1"])
        let orderJSON = try await first.reader.read { db in try String.fetchOne(db, sql: "SELECT order_json FROM orders") ?? "" }
        #expect(!orderJSON.contains(Self.phone) && !orderJSON.contains(Self.name) && orderJSON.contains("139****5678"))

        // Rotation: k2 seals from now on, k1 still opens.
        let rotated = try SQLiteDatabase.open(path: path, synchronous: "normal", keys: try DataKeyRing(parsing: "k2:\(Self.key2),k1:\(Self.key1)"))
        let inbox = SQLiteInboxStore.withRunningWriter(database: rotated)
        let orders = rotated
        let id2 = try await inbox.append([Self.delivery("d2")])[0].id
        let entries = try await inbox.allEntries()
        #expect(entries.map(\.delivery.payloadText) == [Self.delivery("d1").payloadText, Self.delivery("d2").payloadText])
        #expect(entries.allSatisfy { $0.unreadable == nil })
        #expect(try await orders.timeline(Self.key("o1")).first?.rawPayload.contains(Self.phone) == true)
        #expect(try await orders.receiver(of: Self.key("o1")) == BuyerContact(name: Self.name, phone: Self.phone, address: Self.address))
        // A view's read neither opens the receiver nor reads payloads it did not ask for.
        #expect(try await orders.order(Self.key("o1"))?.snapshot?.buyer.receiver == nil)
        #expect(try await orders.timeline(Self.key("o1"), payloads: false).first?.rawPayload == "")
        // The merge opens the k1 receiver (the same content is a duplicate, not a change) and a new version re-seals with k2.
        let repeatResults = try await orders.commit([Self.processed(id2, order: "o1", delivery: "d2")], at: Self.now)
        #expect(repeatResults.map(\.decision) == [.duplicate])
        let id3 = try await inbox.append([Self.delivery("d3")])[0].id
        _ = try await orders.commit([Self.processed(id3, order: "o1", delivery: "d3", at: 1_764_400_100)], at: Self.now)
        let after = try await Self.storedKeyIds(rotated)
        #expect(after.inbox == ["k1", "k2", "k2"])
        #expect(after.timeline == ["k1", "k2", "k2"])
        #expect(after.receivers == ["k2"])
        #expect(try await orders.receiver(of: Self.key("o1"))?.phone == Self.phone)
    }

    @Test func aWrongOrMissingKeyIsRefusedAtStartWithWhatToConfigure() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("gateway.sqlite")
        let database = try SQLiteDatabase.open(path: path, synchronous: "normal", keys: try DataKeyRing(parsing: "k1:\(Self.key1)"))
        _ = try await SQLiteInboxStore.withRunningWriter(database: database).append([Self.delivery("d1")])

        // The same id with other bytes.
        let wrong = #expect(throws: StorageError.self) {
            _ = try SQLiteDatabase.open(path: path, synchronous: "normal", keys: try DataKeyRing(parsing: "k1:\(Self.key2)"))
        }
        #expect(wrong?.message.contains("data key \"k1\" is not the key this database was sealed with") == true)
        #expect(wrong.map { !$0.message.contains(Self.key1) && !$0.message.contains(Self.key2) } == true)
        // The key that sealed data left out of the ring.
        let missing = #expect(throws: StorageError.self) {
            _ = try SQLiteDatabase.open(path: path, synchronous: "normal", keys: try DataKeyRing(parsing: "k2:\(Self.key2)"))
        }
        #expect(missing?.message.contains("does not list data key \"k1\"") == true)
        // No keys at all.
        let none = #expect(throws: StorageError.self) { _ = try GatewayStores.open(url: "sqlite:" + path, keys: nil) }
        #expect(none?.message.contains("storage.data_keys is not set") == true)
        // The right key still opens it.
        let reopened = try SQLiteDatabase.open(path: path, synchronous: "normal", keys: try DataKeyRing(parsing: "k1:\(Self.key1)"))
        #expect(try await SQLiteInboxStore(database: reopened).allEntries().count == 1)
    }

    @Test func aPayloadThatCannotBeOpenedIsReportedNotReadAsGarbage() async throws {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let orders = database
        let id = try await inbox.append([Self.delivery("d1")])[0].id
        _ = try await orders.commit([Self.processed(id, order: "o1", delivery: "d1")], at: Self.now)
        let tampered = try await inbox.append([Self.delivery("d2")])[0].id
        try await database.writer.write { db in
            // Flip the last byte (inside the tag) of one payload; lengthen the timeline's box.
            var payload = try #require(try Data.fetchOne(db, sql: "SELECT payload FROM inbox WHERE id = ?", arguments: [tampered]))
            payload[payload.count - 1] ^= 0xFF
            try db.execute(sql: "UPDATE inbox SET payload = ? WHERE id = ?", arguments: [payload, tampered])
            try db.execute(sql: "UPDATE timeline SET raw_payload = raw_payload || 'AAAA'")
        }
        let entry = try #require(try await inbox.pending(limit: 10, now: Self.now).first { $0.id == tampered })
        #expect(entry.delivery.payload.isEmpty)
        #expect(entry.unreadable?.contains("cannot be opened") == true)
        #expect(try await orders.timeline(Self.key("o1")).first?.rawPayload.hasPrefix("(the raw payload cannot be opened") == true)
    }

    @Test func theMigrationSealsPlaintextStoredBeforeEncryptionAndLeavesNoneInTheFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("legacy.sqlite")
        let keys = try DataKeyRing(parsing: "k1:\(Self.key1)")
        // A database as the previous release left it: schema up to v6, payloads in plaintext. Written through a bare
        // pool on purpose (`SQLiteDatabase.open` would migrate it to the end), and closed before the gateway opens it.
        let legacy = try DatabasePool(path: path)
        try SQLiteSchema.migrator(sealer: DataSealer(keys: keys)).migrate(legacy, upTo: "v6-line-identity")
        let payload = Self.delivery("d1").payloadText
        try await legacy.write { db in
            try db.execute(
                sql: """
                    INSERT INTO inbox (platform, shop, delivery_id, kind, received_at, last_received_at, payload, processed_at)
                    VALUES ('standard', 'county', 'd1', 'push', 1, 1, ?, 2);
                    INSERT INTO inbox (platform, shop, delivery_id, kind, received_at, last_received_at, payload, parked_at, park_reason, last_error)
                    VALUES ('taobao', 'county', 'poll:x', 'poll', 1, 1, ?, 2, 'undecodable', ?);
                    INSERT INTO timeline (platform, shop, platform_order_id, inbox_id, delivery_id, source, event, decision, status_after,
                                          platform_updated_at, recorded_at, raw_payload)
                    VALUES ('standard', 'county', 'o1', 1, 'd1', 'push', 'e', 'applied', 'paid', 1, 2, ?);
                    """,
                arguments: [Data(payload.utf8), Data(payload.utf8), "taobao poll row x cannot be read; row: \(payload)", payload]
            )
        }
        try legacy.close()

        let database = try SQLiteDatabase.open(path: path, synchronous: "normal", keys: keys)
        let stored = try await Self.storedKeyIds(database)
        #expect(stored.inbox == ["k1", "k1"] && stored.timeline == ["k1"])
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        #expect(try await inbox.allEntries().map(\.delivery.payloadText) == [payload, payload])
        #expect(try await inbox.parkedEntries().first?.message == "taobao poll row x cannot be read")
        #expect(try await database.timeline(Self.key("o1")).first?.rawPayload == payload)
        for file in [path, path + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            #expect(bytes.range(of: Data(Self.phone.utf8)) == nil, "\(file)")
            #expect(bytes.range(of: Data(Self.name.utf8)) == nil, "\(file)")
        }
    }
}
