public import GatewayCore

/// A reconciliation store in memory for service tests: orders are given, runs are kept in arrays.
public actor InMemoryReconciliationStore: ReconciliationStore {
    /// The orders statements are matched against.
    public var storedOrders: [CanonicalOrder]
    /// Every run, with its lines.
    public var details: [ReconciliationRunDetail] = []
    /// Resolutions by run and line (`"run/line"`).
    public var history: [String: [ReconciliationResolution]] = [:]
    /// How many runs were written (a repeated import must not add one).
    public var createCalls = 0

    public init(orders: [CanonicalOrder]) { self.storedOrders = orders }

    public func createRun(_ draft: ReconciliationRunDraft) async throws -> ReconciliationRunDetail {
        createCalls += 1
        if let existing = details.first(where: { $0.run.shop == draft.shop && $0.run.fingerprint == draft.fingerprint }) { return existing }
        let id = Int64(details.count + 1)
        let lines = draft.result.lines.enumerated().map { index, line in
            ReconciliationRunLine(runId: id, number: index + 1, line: line, platformLookup: draft.lookups[line.platformOrderId])
        }
        let run = ReconciliationRun(
            id: id,
            platform: draft.platform,
            shop: draft.shop,
            format: draft.format,
            fileName: draft.fileName,
            fingerprint: draft.fingerprint,
            importedAt: draft.importedAt,
            importedBy: draft.importedBy,
            totals: draft.result.totals,
            period: draft.result.period,
            toleranceFen: draft.result.toleranceFen,
            lineCount: lines.count,
            openCount: lines.filter { $0.line.classification.isDifference }.count
        )
        let detail = ReconciliationRunDetail(run: run, lines: lines, created: true)
        details.append(ReconciliationRunDetail(run: run, lines: lines))
        return detail
    }

    public func run(shop: String, fingerprint: String) async throws -> ReconciliationRun? {
        details.first { $0.run.shop == shop && $0.run.fingerprint == fingerprint }?.run
    }

    public func runs(shops: Set<String>?, limit: Int, offset: Int) async throws -> [ReconciliationRun] {
        Array(details.map(\.run).filter { shops?.contains($0.shop) ?? true }.reversed().dropFirst(offset).prefix(limit))
    }

    public func run(id: Int64) async throws -> ReconciliationRunDetail? { details.first { $0.run.id == id } }

    public func resolve(runId: Int64, lineNumber: Int, resolution: ReconciliationResolution) async throws -> ReconciliationRunLine? {
        guard let runIndex = details.firstIndex(where: { $0.run.id == runId }),
            let lineIndex = details[runIndex].lines.firstIndex(where: { $0.number == lineNumber })
        else { return nil }
        details[runIndex].lines[lineIndex].resolution = resolution
        history["\(runId)/\(lineNumber)", default: []].append(resolution)
        return details[runIndex].lines[lineIndex]
    }

    public func resolutions(runId: Int64, lineNumber: Int) async throws -> [ReconciliationResolution] { history["\(runId)/\(lineNumber)"] ?? [] }

    public func orders(platform: Platform, shop: String, createdIn period: ReconciliationPeriod) async throws -> [CanonicalOrder] {
        storedOrders.filter { $0.key.platform == platform && $0.key.shop == shop && ($0.snapshot.map { period.contains($0.createdAt) } ?? false) }
    }

    public func orders(platform: Platform, shop: String, platformOrderIds: [String]) async throws -> [CanonicalOrder] {
        storedOrders.filter { $0.key.platform == platform && $0.key.shop == shop && platformOrderIds.contains($0.key.platformOrderId) }
    }
}
