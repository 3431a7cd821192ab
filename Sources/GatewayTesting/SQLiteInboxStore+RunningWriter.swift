public import GatewayStorage

extension SQLiteInboxStore {
    /// An inbox whose group-commit writer runs in a task for the store's life: for tests and tools that append without a
    /// service group (the gateway runs ``GatewayStorage/SQLiteInboxStore/commitWriter`` as a service instead; a store
    /// made with the plain initializer waits on every append until its writer runs).
    /// - Parameters:
    ///   - database: the migrated database.
    ///   - maxQueuedDeliveries: most deliveries waiting for a commit.
    public static func withRunningWriter(database: SQLiteDatabase, maxQueuedDeliveries: Int = 20_000) -> SQLiteInboxStore {
        SQLiteInboxStore(database: database, maxQueuedDeliveries: maxQueuedDeliveries, startingWriter: true)
    }
}
