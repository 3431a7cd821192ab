import GRDB

extension SQLiteSchema {
    /// Migration `v8-order-search` (issue #14, "a season of orders"): what the console's and the API's order searches need so
    /// that an index answers each of them on a million orders (``SQLiteOrderSearch`` says which drives when).
    ///
    /// - `orders.phone_reversed`: the buyer's phone tail source — ``GatewayCore/BuyerInfo/phoneTail``, else the masked
    ///   phone, the rule the search applied to the stored JSON before — with its characters reversed, so that "the phone
    ///   ends with these digits" is a prefix and an index range.
    /// - `order_lines.updated_local_at`: the order's, so that a SKU's lines can be read in the order of the order list.
    /// - On `orders`: `orders_order_id` (the id prefix), `orders_phone`, `orders_live_event_updated`, `orders_status_updated`
    ///   and `orders_status_day` (status and Beijing day of creation); on `order_lines`: `order_lines_sku_shop` and
    ///   `order_lines_out_sku_shop` (the merchant SKU was not indexed), which replace `order_lines_sku`. Each carries the
    ///   list's order (`updated_local_at DESC, platform_order_id`, after the shop for the lines) or the columns to sort by,
    ///   and `shop`, so a page is picked from the index alone and only its rows' JSON is read.
    ///
    /// Existing rows are filled here from their stored JSON and their order; ``SQLiteDatabase`` writes both columns with
    /// every order it saves.
    static func registerOrderSearch(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-order-search") { db in
            let reverse = DatabaseFunction("gateway_reversed_scalars", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(SQLiteOrderSearch.reversed)
            }
            db.add(function: reverse)
            defer { db.remove(function: reverse) }
            try db.execute(
                sql: """
                    ALTER TABLE orders ADD COLUMN phone_reversed TEXT;
                    UPDATE orders SET phone_reversed = gateway_reversed_scalars(
                        coalesce(json_extract(order_json, '$.snapshot.buyer.phoneTail'), json_extract(order_json, '$.snapshot.buyer.maskedPhone')));
                    ALTER TABLE order_lines ADD COLUMN updated_local_at INTEGER;
                    UPDATE order_lines SET updated_local_at = (
                        SELECT o.updated_local_at FROM orders o
                        WHERE o.platform = order_lines.platform AND o.shop = order_lines.shop AND o.platform_order_id = order_lines.platform_order_id);
                    CREATE INDEX orders_order_id ON orders (platform_order_id, updated_local_at, shop);
                    CREATE INDEX orders_phone ON orders (phone_reversed, updated_local_at, platform_order_id, shop);
                    CREATE INDEX orders_live_event_updated ON orders (live_event_id, updated_local_at DESC, platform_order_id, shop);
                    CREATE INDEX orders_status_updated ON orders (status, updated_local_at DESC, platform_order_id, created_at, shop);
                    CREATE INDEX orders_status_day ON orders (
                        status, (created_at + \(SQLiteOrderSearch.beijingOffset)) / \(SQLiteOrderSearch.day),
                        updated_local_at DESC, platform_order_id, created_at, shop);
                    DROP INDEX order_lines_sku;
                    CREATE INDEX order_lines_sku_shop ON order_lines (sku_id, shop, updated_local_at DESC, platform_order_id, platform);
                    CREATE INDEX order_lines_out_sku_shop ON order_lines (out_sku_id, shop, updated_local_at DESC, platform_order_id, platform);
                    """
            )
        }
    }
}
