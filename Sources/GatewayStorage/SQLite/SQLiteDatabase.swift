import Foundation
public import GRDB

/// The embedded SQLite database (GRDB `DatabasePool`, WAL) with the gateway's schema migrated.
///
/// ## Configuration keys
/// - `storage.url` = `sqlite:PATH`: the database file; parent folders are created.
/// - `storage.synchronous`: `full` (default: every acknowledged delivery is on disk) or `normal`.
public struct SQLiteDatabase: Sendable {
    /// The GRDB writer; readers run in parallel with the single writer (WAL).
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) a database file and migrates it.
    /// - Parameters:
    ///   - path: the database file.
    ///   - synchronous: `full` or `normal`.
    public static func open(path: String, synchronous: String = "full") throws -> SQLiteDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        var configuration = Configuration()
        configuration.label = "gateway"
        configuration.busyMode = .timeout(10)
        let pragma = synchronous.lowercased() == "normal" ? "NORMAL" : "FULL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(pragma)")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
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
}
