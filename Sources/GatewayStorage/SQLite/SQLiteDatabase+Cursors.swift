import GRDB
public import GatewayCore

/// Poll cursors on SQLite (``GatewayCore/PollCursorStore``): one row per shop in `poll_cursors`; a cursor only moves
/// forward.
extension SQLiteDatabase: PollCursorStore {
    public func pollCursor(shop: String) async throws -> Timestamp? {
        try await writer.read { db in
            try PollCursorRecord.fetchOne(db, key: shop).map { Timestamp(millisecondsSince1970: $0.cursorAt) }
        }
    }

    public func setPollCursor(shop: String, to cursor: Timestamp) async throws {
        try await writer.write { db in
            try db.executeCached(sql: Self.advancePollCursorSQL, arguments: [shop, cursor.millisecondsSince1970, cursor.millisecondsSince1970])
        }
    }

    /// Inserts a shop's cursor or moves it forward (never back).
    private static let advancePollCursorSQL: String = {
        typealias Columns = PollCursorRecord.Columns
        let (shop, cursorAt, updatedAt) = (Columns.shop.name, Columns.cursorAt.name, Columns.updatedAt.name)
        return """
            INSERT INTO \(PollCursorRecord.databaseTableName) (\(shop), \(cursorAt), \(updatedAt)) VALUES (?, ?, ?)
            ON CONFLICT (\(shop)) DO UPDATE SET \(cursorAt) = max(\(cursorAt), excluded.\(cursorAt)), \(updatedAt) = excluded.\(updatedAt)
            """
    }()
}
