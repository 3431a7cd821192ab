import Foundation
import GRDB
import GatewayCore

/// Orders' rows: `orders` (the canonical order as JSON, with the columns searches use) and `order_lines`. The buyer's
/// receiver is sealed on the way in and opened on the way out only when asked.
enum SQLiteOrderRows {
    /// Loads an order; with a sealer, its sealed receiver is opened into ``GatewayCore/BuyerInfo/receiver`` (for the merge,
    /// which compares plaintext with plaintext). A receiver that cannot be opened stays sealed, as stored.
    static func load(_ key: OrderKey, db: Database, opening sealer: DataSealer?) throws -> CanonicalOrder? {
        guard
            var order = try String.fetchOne(
                db.cachedStatement(sql: "SELECT order_json FROM orders WHERE platform = ? AND shop = ? AND platform_order_id = ?"),
                arguments: [key.platform.rawValue, key.shop, key.platformOrderId]
            ).map({ try JSONDecoder().decode(CanonicalOrder.self, from: Data($0.utf8)) })
        else { return nil }
        if let sealer, let sealed = order.snapshot?.buyer.sealedReceiver, let receiver = try? openReceiver(sealed, sealer: sealer) {
            order.snapshot?.buyer.receiver = receiver
            order.snapshot?.buyer.sealedReceiver = nil
        }
        return order
    }

    /// Opens a sealed receiver.
    static func openReceiver(_ sealed: String, sealer: DataSealer) throws -> BuyerContact {
        let json = try sealer.openText(sealed, purpose: .receiver)
        return try JSONDecoder().decode(BuyerContact.self, from: Data(json.utf8))
    }

    /// Saves an order; a plaintext receiver is sealed with the current data key and only the sealed form is stored.
    static func save(_ order: CanonicalOrder, db: Database, now: Timestamp, sealer: DataSealer) throws {
        var order = order
        if let receiver = order.snapshot?.buyer.receiver {
            let json = String(decoding: try JSONEncoder().encode(receiver), as: UTF8.self)
            order.snapshot?.buyer.sealedReceiver = try sealer.sealText(json, purpose: .receiver)
            order.snapshot?.buyer.receiver = nil
        }
        let json = String(decoding: try JSONEncoder().encode(order), as: UTF8.self)
        let key = order.key
        try db.executeCached(
            sql: saveOrderSQL,
            arguments: [
                key.platform.rawValue, key.shop, key.platformOrderId, order.status.rawValue, order.platformUpdatedAt.millisecondsSince1970,
                order.revision, order.snapshot?.createdAt.millisecondsSince1970, order.snapshot?.paidFen, json, now.millisecondsSince1970,
                SQLiteOrderSearch.phoneReversed(of: order),
                try order.heldSnapshot.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
            ]
        )
        try db.executeCached(sql: deleteLinesSQL, arguments: [key.platform.rawValue, key.shop, key.platformOrderId])
        for line in order.lines {
            try db.executeCached(
                sql: insertLineSQL,
                arguments: [
                    key.platform.rawValue, key.shop, key.platformOrderId, line.lineId, line.productId, line.skuId, line.outSkuId,
                    line.title, line.quantity, line.paidFen, line.refundState.rawValue, now.millisecondsSince1970,
                ]
            )
        }
    }

    // The statements of ``save(_:db:now:sealer:)``, their columns named by the records' `Columns` (built once; they run
    // cached, for every order of every batch).

    /// The order upsert: a new order is inserted, a stored one takes every column but its key.
    private static let saveOrderSQL: String = {
        typealias Columns = OrderRecord.Columns
        let key = [Columns.platform, Columns.shop, Columns.platformOrderId].map(\.name)
        let updated = [
            Columns.status, Columns.platformUpdatedAt, Columns.revision, Columns.createdAt, Columns.paidFen, Columns.orderJson,
            Columns.updatedLocalAt, Columns.phoneReversed, Columns.heldSnapshot,
        ].map(\.name)
        let columns = key + updated
        return """
            INSERT INTO \(OrderRecord.databaseTableName) (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            """
    }()

    /// Removes an order's lines (its lines are written again after).
    private static let deleteLinesSQL: String = {
        typealias Columns = OrderLineRecord.Columns
        return """
            DELETE FROM \(OrderLineRecord.databaseTableName)
            WHERE \(Columns.platform.name) = ? AND \(Columns.shop.name) = ? AND \(Columns.platformOrderId.name) = ?
            """
    }()

    /// One line of an order.
    private static let insertLineSQL: String = {
        typealias Columns = OrderLineRecord.Columns
        let columns = [
            Columns.platform, Columns.shop, Columns.platformOrderId, Columns.lineId, Columns.productId, Columns.skuId, Columns.outSkuId,
            Columns.title, Columns.quantity, Columns.paidFen, Columns.refundState, Columns.updatedLocalAt,
        ].map(\.name)
        return """
            INSERT OR REPLACE INTO \(OrderLineRecord.databaseTableName) (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """
    }()
}
