import GRDB

extension SQLiteSchema {
    /// Migration `v6-line-identity`: each line fulfilment records the platform SKU and quantity it was
    /// planned for, so a line whose SKU or quantity changes is planned again (issue #11).
    ///
    /// Existing rows take the SKU and quantity of their stored order line (the line as the order shows
    /// it now); a row without a matching line keeps `NULL`, which the planner reads as unchanged.
    static func registerLineIdentity(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-line-identity") { db in
            try db.execute(
                sql: """
                    ALTER TABLE line_fulfilments ADD COLUMN sku_id TEXT;
                    ALTER TABLE line_fulfilments ADD COLUMN quantity INTEGER;
                    UPDATE line_fulfilments SET
                        sku_id = (SELECT l.sku_id FROM order_lines l WHERE l.platform = line_fulfilments.platform AND l.shop = line_fulfilments.shop
                                  AND l.platform_order_id = line_fulfilments.platform_order_id AND l.line_id = line_fulfilments.line_id),
                        quantity = (SELECT l.quantity FROM order_lines l WHERE l.platform = line_fulfilments.platform AND l.shop = line_fulfilments.shop
                                    AND l.platform_order_id = line_fulfilments.platform_order_id AND l.line_id = line_fulfilments.line_id);
                    """
            )
        }
    }
}
