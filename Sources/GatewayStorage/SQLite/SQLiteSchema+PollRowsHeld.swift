import GRDB

extension SQLiteSchema {
    /// Migration `v8-poll-rows-held`: `orders.poll_rows_held_through` (milliseconds), the order's
    /// ``GatewayCore/CanonicalOrder/pollRowsHeldThrough``, written with every saved order so that the poller can ask in
    /// one query which listed rows the gateway already holds (issue #14 target 5). Orders saved before it have `NULL`:
    /// their rows go to the inbox as before until the order is saved again.
    static func registerPollRowsHeld(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-poll-rows-held") { db in
            try db.execute(sql: "ALTER TABLE orders ADD COLUMN poll_rows_held_through INTEGER")
        }
    }
}
