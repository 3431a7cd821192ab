import Foundation
import GRDB
import GatewayCore
import GatewayTesting
import Testing

@testable import GatewayStorage

/// Migration `v10-order-keys` (issue #13): `timeline` and `fulfilment_exceptions` → `orders` for the rows that have an
/// order; a row naming an order that is not stored keeps the id in `unmatched_order_id`, outside the key, and is adopted
/// when the order is stored.
@Suite struct SQLiteOrderKeysTests {
    static let now = Timestamp(secondsSince1970: 1_764_400_000)

    /// A database migrated up to the release before these keys: an order with a timeline row and an exception, and a
    /// parked delivery's exception and a timeline row naming orders that were never stored.
    static func legacyDatabase() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try SQLiteSchema.migrator(sealer: DataSealer(keys: .tests)).migrate(queue, upTo: "v9-foreign-keys")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO orders (platform, shop, platform_order_id, status, platform_updated_at, revision, order_json, updated_local_at)
                        VALUES ('douyin', 'shop', 'o1', 'paid', 1, 1, '{}', 1);
                    INSERT INTO timeline (id, platform, shop, platform_order_id, delivery_id, source, event, decision, status_after,
                                          platform_updated_at, recorded_at, raw_payload)
                        VALUES (7, 'douyin', 'shop', 'o1', 'd1', 'push', 'paid', 'applied', 'paid', 1, 1, ''),
                               (8, 'douyin', 'shop', 'never-stored', 'd2', 'push', 'paid', 'applied', 'paid', 1, 1, '');
                    INSERT INTO fulfilment_exceptions (id, kind, platform, shop, platform_order_id, line_id, message, status, opened_at)
                        VALUES (3, 'oversold', 'douyin', 'shop', 'o1', 'l1', 'short', 'open', 1),
                               (4, 'unprocessable', 'douyin', 'shop', 'delivery:d9', 'inbox:9', 'undecodable', 'open', 1);
                    """
            )
        }
        return queue
    }

    @Test func theMigrationKeysRowsWithAnOrderAndSetsTheOthersApart() throws {
        let queue = try Self.legacyDatabase()
        try SQLiteSchema.migrator(sealer: DataSealer(keys: .tests)).migrate(queue)
        try queue.read { db throws in
            for table in ["timeline", "fulfilment_exceptions"] {
                #expect(try db.foreignKeys(on: table).filter { $0.destinationTable == "orders" }.count == 1, "\(table)")
            }
            let timeline = try Row.fetchAll(db, sql: "SELECT id, platform_order_id, unmatched_order_id FROM timeline ORDER BY id")
            #expect(timeline.map { $0["platform_order_id"] as String? } == ["o1", nil])
            #expect(timeline.map { $0["unmatched_order_id"] as String? } == [nil, "never-stored"])
            let exceptions = try Row.fetchAll(db, sql: "SELECT id, platform_order_id, unmatched_order_id FROM fulfilment_exceptions ORDER BY id")
            #expect(exceptions.map { $0["platform_order_id"] as String? } == ["o1", nil])
            #expect(exceptions.map { $0["unmatched_order_id"] as String? } == [nil, "delivery:d9"])
            let indexes = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            #expect(indexes.isSuperset(of: ["timeline_order", "timeline_inbox", "timeline_payload_retention", "fulfilment_exceptions_open"]))
            #expect(try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'timeline'") == 8)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // Both exceptions still read with the order they name.
            let read = try Row.fetchAll(db, sql: "SELECT * FROM fulfilment_exceptions ORDER BY id").compactMap {
                FulfilmentExceptionRecord(row: $0).exception?.order.platformOrderId
            }
            #expect(read == ["o1", "delivery:d9"])
        }
    }

    @Test func theKeysRejectTimelineAndExceptionRowsOfAnOrderThatIsNotStored() async throws {
        let database = try SQLiteDatabase.inMemory(keys: .tests)
        let statements = [
            """
            INSERT INTO timeline (platform, shop, platform_order_id, delivery_id, source, event, decision, status_after,
                                  platform_updated_at, recorded_at, raw_payload)
                VALUES ('douyin', 'shop', 'nowhere', 'd1', 'push', 'paid', 'applied', 'paid', 1, 1, '')
            """,
            """
            INSERT INTO fulfilment_exceptions (kind, platform, shop, platform_order_id, line_id, message, status, opened_at)
                VALUES ('oversold', 'douyin', 'shop', 'nowhere', 'l1', 'short', 'open', 1)
            """,
        ]
        for sql in statements {
            do {
                try await database.writer.write { db in try db.execute(sql: sql) }
                Issue.record("a row of an order that is not stored was accepted: \(sql)")
            } catch let error as DatabaseError {
                #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
            }
        }
        // A row that names no stored order says so in `unmatched_order_id` and is accepted.
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO fulfilment_exceptions (kind, platform, shop, unmatched_order_id, line_id, message, status, opened_at)
                        VALUES ('unprocessable', 'douyin', 'shop', 'nowhere', 'inbox:1', 'bad', 'open', 1)
                    """
            )
        }
    }

    @Test func aParkedDeliverysExceptionIsAdoptedWhenItsOrderIsStored() async throws {
        let database = try SQLiteDatabase.inMemory(keys: .tests)
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let ids = try await inbox.append([
            InboxDelivery(platform: .douyin, shop: "shop", deliveryId: "d1", kind: .push, receivedAt: Self.now, text: "{}"),
            InboxDelivery(platform: .douyin, shop: "shop", deliveryId: "d2", kind: .push, receivedAt: Self.now, text: "{}"),
        ]).map(\.id)
        let key = OrderKey(platform: .douyin, shop: "shop", platformOrderId: "o7")
        try await inbox.park([ParkedDelivery(inboxId: ids[0], reason: .undecodable, message: "bad", platformOrderId: "o7")], at: Self.now)
        let parked = try await database.exceptions(ExceptionQuery(order: key))
        #expect(parked.map(\.kind) == [.unprocessable])
        #expect(parked.first?.order == key)
        let before = try await database.reader.read { db in
            try Row.fetchOne(db, sql: "SELECT platform_order_id, unmatched_order_id FROM fulfilment_exceptions")
        }
        #expect(before?["platform_order_id"] as String? == nil)
        #expect(before?["unmatched_order_id"] as String? == "o7")

        let order = CanonicalOrder.fixture(key, status: .paid, created: Self.now, lines: [])
        _ = try await database.commit([.observing(inboxId: ids[1], order, status: .paid, at: Self.now)], at: Self.now)
        let after = try await database.reader.read { db in
            try Row.fetchOne(db, sql: "SELECT platform_order_id, unmatched_order_id FROM fulfilment_exceptions")
        }
        #expect(after?["platform_order_id"] as String? == "o7")
        #expect(after?["unmatched_order_id"] as String? == nil)
        #expect(try await database.exceptions(ExceptionQuery(order: key)).map(\.kind) == [.unprocessable])
        #expect(try await database.timeline(key).count == 1)
    }
}
