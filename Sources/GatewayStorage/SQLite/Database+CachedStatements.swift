import GRDB

/// The pipeline's hot statements, compiled once per connection: the SQL text is the cache key, so the same
/// statement run for every line of every batch is parsed and authorized only the first time.
extension Database {
    /// Like `execute(sql:arguments:)` for one statement, from the connection's statement cache.
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension Row {
    /// Like `Row.fetchAll(_:sql:arguments:)`, from the connection's statement cache.
    static func fetchAllCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Like `Row.fetchOne(_:sql:arguments:)`, from the connection's statement cache.
    static func fetchOneCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
