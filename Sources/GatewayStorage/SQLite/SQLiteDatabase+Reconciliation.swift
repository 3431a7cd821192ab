import Foundation
import GRDB
public import GatewayCore

/// Reconciliation runs, lines and resolutions on SQLite, plus the order reads matching needs.
///
/// ``createRun(_:)`` writes a run and all its lines in one transaction; the `UNIQUE (shop, fingerprint)`
/// constraint (checked inside the same transaction) makes a repeated import return the existing run.
extension SQLiteDatabase: ReconciliationStore {

    public func createRun(_ draft: ReconciliationRunDraft) async throws -> ReconciliationRunDetail {
        try await writer.write { db in
            if let existing = try Self.runId(db, shop: draft.shop, fingerprint: draft.fingerprint),
                let detail = try Self.detail(db, runId: existing)
            {
                return detail
            }
            let totals = String(decoding: try JSONEncoder().encode(draft.result.totals), as: UTF8.self)
            try db.execute(
                sql: """
                    INSERT INTO reconciliation_runs (platform, shop, format, file_name, fingerprint, imported_at, imported_by,
                                                     period_from, period_to, tolerance_fen, totals_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    draft.platform.rawValue, draft.shop, draft.format, draft.fileName, draft.fingerprint,
                    draft.importedAt.millisecondsSince1970, draft.importedBy, draft.result.period?.from.millisecondsSince1970,
                    draft.result.period?.to.millisecondsSince1970, draft.result.toleranceFen, totals,
                ]
            )
            let runId = db.lastInsertedRowID
            for (index, line) in draft.result.lines.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO reconciliation_lines (run_id, number, class, platform_order_id, statement_fen, gateway_fen,
                                                          statement_status, gateway_status, statement_lines, detail, platform_lookup)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        runId, index + 1, line.classification.rawValue, line.platformOrderId, line.statementFen, line.gatewayFen,
                        line.statementStatus, line.gatewayStatus, line.statementLineNumbers.map(String.init).joined(separator: ","),
                        line.detail, draft.lookups[line.platformOrderId],
                    ]
                )
            }
            guard var detail = try Self.detail(db, runId: runId) else { throw StorageError("run \(runId) vanished while being written") }
            detail.created = true
            return detail
        }
    }

    public func run(shop: String, fingerprint: String) async throws -> ReconciliationRun? {
        try await writer.read { db in
            guard let id = try Self.runId(db, shop: shop, fingerprint: fingerprint) else { return nil }
            return try Self.runs(db, condition: "r.id = ?", arguments: [id], limit: 1, offset: 0).first
        }
    }

    public func runs(shops: Set<String>?, limit: Int, offset: Int) async throws -> [ReconciliationRun] {
        try await writer.read { db in
            guard let shops else { return try Self.runs(db, condition: "1", arguments: [], limit: limit, offset: offset) }
            guard !shops.isEmpty else { return [] }
            let marks = Array(repeating: "?", count: shops.count).joined(separator: ", ")
            return try Self.runs(
                db,
                condition: "r.shop IN (\(marks))",
                arguments: StatementArguments(shops.sorted()),
                limit: limit,
                offset: offset
            )
        }
    }

    public func run(id: Int64) async throws -> ReconciliationRunDetail? {
        try await writer.read { db in try Self.detail(db, runId: id) }
    }

    public func resolve(runId: Int64, lineNumber: Int, resolution: ReconciliationResolution) async throws -> ReconciliationRunLine? {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE reconciliation_lines SET resolution_reason = ?, resolution_note = ?, resolved_by = ?, resolved_at = ?
                    WHERE run_id = ? AND number = ?
                    """,
                arguments: [resolution.reason, resolution.note, resolution.actor, resolution.at.millisecondsSince1970, runId, lineNumber]
            )
            guard db.changesCount > 0 else { return nil }
            try ReconciliationResolutionRecord(
                id: nil,
                runId: runId,
                number: Int64(lineNumber),
                reason: resolution.reason,
                note: resolution.note,
                actor: resolution.actor,
                at: resolution.at.millisecondsSince1970
            ).insert(db)
            return try Self.lines(db, runId: runId, number: lineNumber).first
        }
    }

    public func resolutions(runId: Int64, lineNumber: Int) async throws -> [ReconciliationResolution] {
        try await writer.read { db in
            typealias Columns = ReconciliationResolutionRecord.Columns
            return try ReconciliationResolutionRecord.filter(Columns.runId == runId && Columns.number == lineNumber).order(Columns.id)
                .fetchAll(db).map { record in
                    ReconciliationResolution(
                        reason: record.reason,
                        note: record.note,
                        actor: record.actor,
                        at: Timestamp(millisecondsSince1970: record.at)
                    )
                }
        }
    }

    public func orders(platform: Platform, shop: String, createdIn period: ReconciliationPeriod) async throws -> [CanonicalOrder] {
        try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT order_json FROM orders WHERE platform = ? AND shop = ? AND created_at >= ? AND created_at < ?
                    ORDER BY platform_order_id
                    """,
                arguments: [platform.rawValue, shop, period.from.millisecondsSince1970, period.to.millisecondsSince1970]
            ).map { try JSONDecoder().decode(CanonicalOrder.self, from: Data($0.utf8)) }
        }
    }

    public func orders(platform: Platform, shop: String, platformOrderIds: [String]) async throws -> [CanonicalOrder] {
        let ids = Array(Set(platformOrderIds)).sorted()
        return try await writer.read { db in
            var orders: [CanonicalOrder] = []
            // SQLite limits bound parameters; ask in chunks.
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                start += chunk.count
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                var arguments: StatementArguments = [platform.rawValue, shop]
                arguments += StatementArguments(chunk)
                orders += try String.fetchAll(
                    db,
                    sql: "SELECT order_json FROM orders WHERE platform = ? AND shop = ? AND platform_order_id IN (\(marks))",
                    arguments: arguments
                ).map { try JSONDecoder().decode(CanonicalOrder.self, from: Data($0.utf8)) }
            }
            return orders
        }
    }

    // MARK: rows

    private static func runId(_ db: Database, shop: String, fingerprint: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM reconciliation_runs WHERE shop = ? AND fingerprint = ?", arguments: [shop, fingerprint])
    }

    private static func detail(_ db: Database, runId: Int64) throws -> ReconciliationRunDetail? {
        guard let run = try runs(db, condition: "r.id = ?", arguments: [runId], limit: 1, offset: 0).first else { return nil }
        return ReconciliationRunDetail(run: run, lines: try lines(db, runId: runId, number: nil))
    }

    private static func runs(
        _ db: Database,
        condition: String,
        arguments: StatementArguments,
        limit: Int,
        offset: Int
    ) throws
        -> [ReconciliationRun]
    {
        let sql = """
            SELECT r.*,
                   (SELECT count(*) FROM reconciliation_lines l WHERE l.run_id = r.id) AS line_count,
                   (SELECT count(*) FROM reconciliation_lines l
                     WHERE l.run_id = r.id AND l.class <> 'matched' AND l.resolved_at IS NULL) AS open_count
            FROM reconciliation_runs r WHERE \(condition) ORDER BY r.id DESC LIMIT ? OFFSET ?
            """
        var all = arguments
        all += [limit, offset]
        return try Row.fetchAll(db, sql: sql, arguments: all).map { row in
            guard let platform = Platform(rawValue: row["platform"]) else {
                throw StorageError("reconciliation run \(row["id"] as Int64) has an unknown platform \(row["platform"] as String)")
            }
            let totals = try JSONDecoder().decode(ReconciliationTotals.self, from: Data((row["totals_json"] as String).utf8))
            let from: Int64? = row["period_from"]
            let to: Int64? = row["period_to"]
            let period = from.flatMap { from in
                to.map { ReconciliationPeriod(from: Timestamp(millisecondsSince1970: from), to: Timestamp(millisecondsSince1970: $0)) }
            }
            return ReconciliationRun(
                id: row["id"],
                platform: platform,
                shop: row["shop"],
                format: row["format"],
                fileName: row["file_name"],
                fingerprint: row["fingerprint"],
                importedAt: Timestamp(millisecondsSince1970: row["imported_at"]),
                importedBy: row["imported_by"],
                totals: totals,
                period: period,
                toleranceFen: row["tolerance_fen"],
                lineCount: row["line_count"],
                openCount: row["open_count"]
            )
        }
    }

    private static func lines(_ db: Database, runId: Int64, number: Int?) throws -> [ReconciliationRunLine] {
        var sql = "SELECT * FROM reconciliation_lines WHERE run_id = ?"
        var arguments: StatementArguments = [runId]
        if let number {
            sql += " AND number = ?"
            arguments += [number]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY number", arguments: arguments).map { row in
            guard let classification = ReconciliationClass(rawValue: row["class"]) else {
                throw StorageError("reconciliation line \(runId)/\(row["number"] as Int) has an unknown class \(row["class"] as String)")
            }
            let resolvedAt: Int64? = row["resolved_at"]
            let resolution = resolvedAt.map {
                ReconciliationResolution(
                    reason: row["resolution_reason"] ?? "",
                    note: row["resolution_note"] ?? "",
                    actor: row["resolved_by"] ?? "",
                    at: Timestamp(millisecondsSince1970: $0)
                )
            }
            let statementLines = (row["statement_lines"] as String).split(separator: ",").compactMap { Int($0) }
            let line = ReconciliationLine(
                platformOrderId: row["platform_order_id"],
                classification: classification,
                statementFen: row["statement_fen"],
                gatewayFen: row["gateway_fen"],
                statementStatus: row["statement_status"],
                gatewayStatus: row["gateway_status"],
                statementLineNumbers: statementLines,
                detail: row["detail"]
            )
            return ReconciliationRunLine(
                runId: runId,
                number: row["number"],
                line: line,
                platformLookup: row["platform_lookup"],
                resolution: resolution
            )
        }
    }
}
