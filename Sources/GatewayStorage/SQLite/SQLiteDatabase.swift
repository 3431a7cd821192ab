import Foundation
public import GRDB

/// The embedded SQLite database (GRDB `DatabasePool`, WAL) with the gateway's schema migrated.
///
/// Durability: GRDB's `DatabasePool` switches its writer to WAL and then sets `synchronous = NORMAL`
/// *after* `prepareDatabase` has run, so a pragma set there never takes effect on the writer. The
/// requested mode is therefore set on the writer connection after the pool exists, read back, and
/// opening fails if SQLite does not report it.
///
/// ## Configuration keys
/// - `storage.url` = `sqlite:PATH`: the database file; parent folders are created.
/// - `storage.synchronous`: `full` (default: every acknowledged commit is fsync'd and survives a power
///   loss) or `normal` (survives a process crash, not a power loss or kernel crash).
public struct SQLiteDatabase: Sendable {
    /// The GRDB writer; readers run in parallel with the single writer (WAL).
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) a database file and migrates it.
    /// - Parameters:
    ///   - path: the database file.
    ///   - synchronous: `full` or `normal`.
    /// - Throws: a GRDB error, or ``SQLiteDurabilityError`` when the writer does not run in the requested mode.
    public static func open(path: String, synchronous: String = "full") throws -> SQLiteDatabase {
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
        try SQLiteSchema.migrator.migrate(pool)
        return SQLiteDatabase(writer: pool)
    }

    /// An in-memory database for tests.
    public static func inMemory() throws -> SQLiteDatabase {
        let queue = try DatabaseQueue()
        try SQLiteSchema.migrator.migrate(queue)
        return SQLiteDatabase(writer: queue)
    }

    /// Wraps an already-migrated writer.
    public init(writer: any DatabaseWriter) { self.writer = writer }

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
