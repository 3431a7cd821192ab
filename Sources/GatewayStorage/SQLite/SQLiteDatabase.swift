import Foundation
public import GRDB
public import GatewayCore

/// The embedded SQLite database (GRDB `DatabasePool`, WAL) with the gateway's schema migrated: the one value the
/// SQLite storage is, in the shape GRDB recommends (`RecordRecommendedPractices`, the demo app's `AppDatabase`).
///
/// It owns the only writer (not public) and offers intent-named methods, split by concern into extension files, through
/// which it conforms to the Core ports: orders and timelines (`SQLiteDatabase+Orders.swift`, ``GatewayCore/OrderStore``),
/// poll cursors (`+Cursors`), master data, stock, exceptions and live events (`+Inventory`), supply and allocations
/// (`+Supply`), staff (`+Staff`), the audit log (`+Audit`), reconciliation (`+Reconciliation`), payload retention
/// (`+Retention`), shipments (`+Shipments`) and the inbox's statements (`+Inbox`, used by ``SQLiteInboxStore`` and its ``InboxCommitWriter``).
/// Whatever changes because of an order's life is written by `SQLiteLifecycle` only. Code outside the storage module
/// reads through ``reader`` (read-only) and never writes SQL of its own.
///
/// Durability: GRDB's `DatabasePool` switches its writer to WAL and then sets `synchronous = NORMAL`
/// *after* `prepareDatabase` has run, so a pragma set there never takes effect on the writer. The
/// requested mode is therefore set on the writer connection after the pool exists, read back, and
/// opening fails if SQLite does not report it.
///
/// Personal data and raw payloads are sealed at rest with ``sealer`` (AES-256-GCM under the configured data keys);
/// opening refuses a key ring that does not fit the database (``SQLiteDataKeys``).
///
/// ## Configuration keys
/// - `storage.url` = `sqlite:PATH`: the database file; parent folders are created.
/// - `storage.data_keys`: the data keys (``GatewayCore/DataKeyRing``).
/// - `storage.synchronous`: `full` (default: every acknowledged commit is fsync'd and survives a power
///   loss) or `normal` (survives a process crash, not a power loss or kernel crash).
public struct SQLiteDatabase: Sendable {
    /// The GRDB writer; readers run in parallel with the single writer (WAL). Not public: writes go through the
    /// intent-named methods of this type's extensions.
    let writer: any DatabaseWriter
    /// Seals and opens personal data and raw payloads.
    let sealer: DataSealer

    /// Read-only access for tools, benchmarks and tests that inspect the stored rows (GRDB's `AppDatabase.reader`).
    public var reader: any DatabaseReader { writer }

    /// Opens (creating if needed) a database file and migrates it.
    /// - Parameters:
    ///   - path: the database file.
    ///   - synchronous: `full` or `normal`.
    ///   - keys: the data keys (`storage.data_keys`): the first seals, all open.
    /// - Throws: a GRDB error, ``SQLiteDurabilityError`` when the writer does not run in the requested mode, or
    ///   ``StorageError`` when a data key is not the one the database was sealed with or an id that sealed data is missing.
    public static func open(path: String, synchronous: String = "full", keys: DataKeyRing) throws -> SQLiteDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let mode = SynchronousMode(configured: synchronous)
        var configuration = Configuration()
        configuration.label = "gateway"
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // After the pool exists: GRDB has already put its writer in WAL + NORMAL.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(mode.pragmaName)")
            let actual = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            guard actual == mode.pragmaValue else {
                throw SQLiteDurabilityError(expected: mode, actual: actual)
            }
        }
        let sealer = DataSealer(keys: keys)
        try prepare(pool, sealer: sealer)
        return SQLiteDatabase(writer: pool, sealer: sealer)
    }

    /// An in-memory database for tests, sealed with `keys` (by default a random key of its own).
    public static func inMemory(keys: DataKeyRing = .random()) throws -> SQLiteDatabase {
        let queue = try DatabaseQueue()
        let sealer = DataSealer(keys: keys)
        try prepare(queue, sealer: sealer)
        return SQLiteDatabase(writer: queue, sealer: sealer)
    }

    /// Checks the data keys against the database, migrates it, and records the current key.
    ///
    /// A database from before encryption (migration `v7-data-at-rest` pending) is migrated with `secure_delete` on, so
    /// the plaintext that sealing replaces is overwritten with zeros rather than left in free space, and its WAL is then
    /// checkpointed and truncated, so no plaintext frame stays behind in the `-wal` file either.
    private static func prepare(_ writer: any DatabaseWriter, sealer: DataSealer) throws {
        // On the writer's connection, not a reader's: a reader opened before the migration would keep the schema it
        // loaded, and a cached `SELECT *` prepared on it would read the columns of before the migration.
        let sealsLegacy = try writer.writeWithoutTransaction { db in
            try SQLiteDataKeys.verify(db, sealer: sealer)
            return try db.tableExists("inbox") && !db.tableExists("data_keys")
        }
        if sealsLegacy { try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA secure_delete = ON") } }
        try SQLiteSchema.migrator(sealer: sealer).migrate(writer)
        if sealsLegacy {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "PRAGMA secure_delete = OFF")
            }
        }
        try writer.write { db in
            try SQLiteDataKeys.verify(db, sealer: sealer)
            try SQLiteDataKeys.recordCurrent(db, sealer: sealer)
        }
    }

    /// Wraps an already-migrated writer.
    init(writer: any DatabaseWriter, sealer: DataSealer) {
        self.writer = writer
        self.sealer = sealer
    }

    /// The `synchronous` setting of the connection that writes (0 off, 1 normal, 2 full, 3 extra).
    public func writerSynchronous() throws -> Int {
        try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }
}

/// SQLite's `synchronous` setting as the gateway offers it.
public enum SynchronousMode: String, Sendable, CaseIterable {
    /// Every commit waits for fsync of the WAL: acknowledged deliveries survive a power loss.
    case full
    /// Commits are fsync'd only at checkpoints: they survive a process crash, not a power loss.
    case normal

    /// Reads `storage.synchronous` (anything but `normal` is `full`, the safe default).
    public init(configured: String) {
        self = configured.lowercased() == "normal" ? .normal : .full
    }

    /// The pragma's keyword.
    public var pragmaName: String { self == .full ? "FULL" : "NORMAL" }
    /// The value `PRAGMA synchronous` reads back.
    public var pragmaValue: Int { self == .full ? 2 : 1 }
}

/// The writer connection does not run with the requested durability.
public struct SQLiteDurabilityError: Error, Sendable, CustomStringConvertible {
    /// The mode asked for.
    public let expected: SynchronousMode
    /// What `PRAGMA synchronous` read back.
    public let actual: Int
    public var description: String {
        "SQLite writer runs with synchronous=\(actual), expected \(expected.pragmaName) (\(expected.pragmaValue)); refusing to acknowledge deliveries"
    }
}
