import GRDB

extension SQLiteSchema {
    /// Migration `v8-held-snapshots`: `orders.held_snapshot`, the order's ``GatewayCore/CanonicalOrder/heldSnapshot`` as
    /// JSON (snapshot time, fingerprint, status evidence), written with every saved order, so that the poller and the
    /// processor ask in one query which orders already hold what a row or push says (``GatewayCore/HeldSnapshot``,
    /// issue #14 target 5). Orders saved before have `NULL`: their rows and pushes are processed as before until the
    /// order is saved again.
    static func registerHeldSnapshots(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-held-snapshots") { db in
            try db.execute(sql: "ALTER TABLE orders ADD COLUMN held_snapshot TEXT")
        }
    }
}
