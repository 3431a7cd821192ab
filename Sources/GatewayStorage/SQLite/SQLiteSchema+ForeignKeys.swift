import GRDB

extension SQLiteSchema {
    /// Migration `v9-foreign-keys` (issue #13): drops `delivery_failures`, a table of the first schema that nothing
    /// ever read or wrote (a delivery's failures are on its inbox row since `v6-inbox-parking`).
    static func registerForeignKeys(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-foreign-keys") { db in
            try db.execute(sql: "DROP TABLE delivery_failures")
        }
    }
}
