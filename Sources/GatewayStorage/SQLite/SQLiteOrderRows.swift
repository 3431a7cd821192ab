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
            sql: """
                INSERT INTO orders (platform, shop, platform_order_id, status, platform_updated_at, revision, created_at, paid_fen,
                                    order_json, updated_local_at, phone_reversed, held_snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform, shop, platform_order_id) DO UPDATE SET
                    status = excluded.status, platform_updated_at = excluded.platform_updated_at, revision = excluded.revision,
                    created_at = excluded.created_at, paid_fen = excluded.paid_fen, order_json = excluded.order_json,
                    updated_local_at = excluded.updated_local_at, phone_reversed = excluded.phone_reversed,
                    held_snapshot = excluded.held_snapshot
                """,
            arguments: [
                key.platform.rawValue, key.shop, key.platformOrderId, order.status.rawValue, order.platformUpdatedAt.millisecondsSince1970,
                order.revision, order.snapshot?.createdAt.millisecondsSince1970, order.snapshot?.paidFen, json, now.millisecondsSince1970,
                SQLiteOrderSearch.phoneReversed(of: order),
                try order.heldSnapshot.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
            ]
        )
        try db.executeCached(
            sql: "DELETE FROM order_lines WHERE platform = ? AND shop = ? AND platform_order_id = ?",
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId]
        )
        for line in order.lines {
            try db.executeCached(
                sql: """
                    INSERT OR REPLACE INTO order_lines (platform, shop, platform_order_id, line_id, product_id, sku_id, out_sku_id, title,
                                             quantity, paid_fen, refund_state, updated_local_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key.platform.rawValue, key.shop, key.platformOrderId, line.lineId, line.productId, line.skuId, line.outSkuId,
                    line.title, line.quantity, line.paidFen, line.refundState.rawValue, now.millisecondsSince1970,
                ]
            )
        }
    }
}
