import Foundation
public import GatewayCore
public import GatewayImport
import Synchronization

/// Imports platform statements and reconciles them with the gateway's orders (对账).
///
/// One call does the whole job:
/// 1. parse the file (``GatewayImport/StatementImport``; a bad file throws ``GatewayImport/ImportError``
///    naming every bad line and column, and nothing is stored);
/// 2. if the shop already has a run with the statement's fingerprint, return it unchanged (re-import doubles nothing);
/// 3. load the shop's orders named by the statement and those created in the period;
/// 4. match (``GatewayCore/ReconciliationMatcher``) with the shop's tolerance;
/// 5. for each order missing in the gateway, ask the platform API through the shop's connector and note the answer;
/// 6. store the run and its lines in one transaction.
///
/// ```swift
/// let service = ReconciliationService(store: store, connectors: registry.connectors, toleranceFen: ["yunlai-douyin": 1])
/// let run = try await service.importStatement(text: text, fileName: "bill.csv", platform: .douyin, shop: "yunlai-douyin", actor: "cli:alice")
/// ```
public struct ReconciliationService: Sendable {
    /// Where runs live and orders are read.
    public let store: any ReconciliationStore
    /// Connectors by shop key, for detail fetches of orders missing in the gateway.
    public let connectors: [String: any PlatformConnector]
    /// Amount tolerance per shop key, in fen.
    public let toleranceFen: [String: Int64]
    /// Tolerance for shops not in ``toleranceFen``.
    public let defaultToleranceFen: Int64
    /// At most this many platform lookups per import (the rest are noted as skipped); 0 turns lookups off.
    public let maxLookups: Int
    /// How long one platform lookup may take (connector retries included) before it is noted as timed out.
    public let lookupTimeout: Duration
    /// How many lookups run at once.
    public let lookupConcurrency: Int
    /// How long the lookups of one import may take together: no lookup starts after it (those orders are noted
    /// as not looked up), so an import answers within about `lookupBudget + lookupTimeout`.
    public let lookupBudget: Duration
    /// The current time.
    public let now: @Sendable () -> Timestamp

    /// Creates the service.
    /// - Parameters:
    ///   - store: the reconciliation store.
    ///   - connectors: connectors by shop key (the connector registry's `connectors`).
    ///   - toleranceFen: per-shop amount tolerance in fen.
    ///   - defaultToleranceFen: tolerance for other shops (0: amounts must agree exactly).
    ///   - maxLookups: cap on platform API calls per import (0: no lookups).
    ///   - lookupTimeout: time limit of one lookup.
    ///   - lookupConcurrency: lookups in flight at once.
    ///   - lookupBudget: time after which no further lookup of the same import starts.
    ///   - now: the clock (the composition root's one clock).
    public init(
        store: any ReconciliationStore,
        connectors: [String: any PlatformConnector],
        toleranceFen: [String: Int64] = [:],
        defaultToleranceFen: Int64 = 0,
        maxLookups: Int = 200,
        lookupTimeout: Duration = .seconds(15),
        lookupConcurrency: Int = 4,
        lookupBudget: Duration = .seconds(120),
        now: @escaping @Sendable () -> Timestamp
    ) {
        self.store = store
        self.connectors = connectors
        self.toleranceFen = toleranceFen
        self.defaultToleranceFen = defaultToleranceFen
        self.maxLookups = maxLookups
        self.lookupTimeout = lookupTimeout
        self.lookupConcurrency = max(1, lookupConcurrency)
        self.lookupBudget = lookupBudget
        self.now = now
    }

    /// Imports a statement file's bytes (UTF-8 or GB18030) and reconciles it.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - fileName: the file's name (kept on the run, used in messages).
    ///   - platform: the statement's platform.
    ///   - shop: the shop key.
    ///   - format: the statement format, or `nil` to detect it.
    ///   - period: order-creation period the statement covers; `nil` uses the statement's own order times, if any.
    ///   - actor: who imports (`cli:USER`, a staff username, `token:NAME`).
    /// - Returns: the run with its lines; `created` is `false` when the same statement had been imported before.
    /// - Throws: ``GatewayImport/ImportError`` for a bad file (nothing stored); store errors.
    public func importStatement(
        bytes: [UInt8],
        fileName: String,
        platform: Platform,
        shop: String,
        format: StatementFormat? = nil,
        period: ReconciliationPeriod? = nil,
        actor: String
    ) async throws -> ReconciliationRunDetail {
        let statement = try StatementImport.parse(bytes: bytes, platform: platform, shop: shop, format: format, source: fileName)
        return try await reconcile(statement, fileName: fileName, period: period, actor: actor)
    }

    /// Imports a statement's text and reconciles it; see ``importStatement(bytes:fileName:platform:shop:format:period:actor:)``.
    public func importStatement(
        text: String,
        fileName: String,
        platform: Platform,
        shop: String,
        format: StatementFormat? = nil,
        period: ReconciliationPeriod? = nil,
        actor: String
    ) async throws -> ReconciliationRunDetail {
        let statement = try StatementImport.parse(text: text, platform: platform, shop: shop, format: format, source: fileName)
        return try await reconcile(statement, fileName: fileName, period: period, actor: actor)
    }

    /// Reconciles an already parsed statement and stores the run.
    public func reconcile(
        _ statement: Statement,
        fileName: String,
        period: ReconciliationPeriod?,
        actor: String
    ) async throws
        -> ReconciliationRunDetail
    {
        if let existing = try await store.run(shop: statement.shop, fingerprint: statement.fingerprint),
            let detail = try await store.run(id: existing.id)
        {
            return detail
        }
        let period = period ?? statement.orderCreationRange
        let ids = statement.lines.filter { $0.kind.isOrderMoney && !$0.platformOrderId.isEmpty }.map(\.platformOrderId)
        var orders = try await store.orders(platform: statement.platform, shop: statement.shop, platformOrderIds: ids)
        if let period {
            orders += try await store.orders(platform: statement.platform, shop: statement.shop, createdIn: period)
        }
        let tolerance = toleranceFen[statement.shop] ?? defaultToleranceFen
        let result = ReconciliationMatcher.match(statement: statement, orders: orders, toleranceFen: tolerance, period: period)
        let missing = result.lines(.missingInGateway).map(\.platformOrderId)
        var lookups = try await lookUp(Array(missing.prefix(maxLookups)), shop: statement.shop)
        for orderId in missing.dropFirst(maxLookups) {
            lookups[orderId] = maxLookups == 0 ? "not looked up" : "not looked up: more than \(maxLookups) orders missing in this statement"
        }
        let draft = ReconciliationRunDraft(
            platform: statement.platform,
            shop: statement.shop,
            format: statement.format,
            fileName: fileName,
            fingerprint: statement.fingerprint,
            importedAt: now(),
            importedBy: actor,
            result: result,
            lookups: lookups
        )
        return try await store.createRun(draft)
    }

    /// Resolves one line of a run.
    /// - Returns: the updated line, or `nil` when the run or line does not exist.
    /// - Throws: ``ReconciliationServiceError`` for an empty reason; store errors.
    public func resolve(runId: Int64, lineNumber: Int, reason: String, note: String, actor: String) async throws -> ReconciliationRunLine? {
        let trimmedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedReason.isEmpty else { throw ReconciliationServiceError("a resolution needs a reason") }
        let resolution = ReconciliationResolution(reason: trimmedReason, note: note, actor: actor, at: now())
        return try await store.resolve(runId: runId, lineNumber: lineNumber, resolution: resolution)
    }

    /// Looks up orders on the platform, ``lookupConcurrency`` at a time.
    func lookUp(_ orderIds: [String], shop: String) async throws -> [String: String] {
        guard !orderIds.isEmpty else { return [:] }
        guard let connector = connectors[shop] else {
            return Dictionary(uniqueKeysWithValues: orderIds.map { ($0, "not looked up: shop \(shop) has no connector configured") })
        }
        let timeout = lookupTimeout
        let deadline = ContinuousClock.now.advanced(by: lookupBudget)
        let budget = lookupBudget.components
        let budgetText = budget.attoseconds == 0 ? "\(budget.seconds) s" : "\(budget.seconds * 1000 + budget.attoseconds / 1_000_000_000_000_000) ms"
        return try await withThrowingTaskGroup(of: (String, String).self) { group in
            var results: [String: String] = [:]
            var pending = orderIds[...]
            func start() {
                guard let orderId = pending.popFirst() else { return }
                guard ContinuousClock.now < deadline else {
                    results[orderId] = "not looked up: the import's \(budgetText) for platform lookups were spent"
                    return start()
                }
                group.addTask { (orderId, await Self.lookUp(orderId, connector: connector, timeout: timeout)) }
            }
            for _ in 0..<lookupConcurrency { start() }
            while let (orderId, text) = try await group.next() {
                results[orderId] = text
                start()
            }
            return results
        }
    }

    /// Asks the platform about one order: `found on platform: <status>, paid 59.80`, `platform says not found: …`,
    /// `no order API: …` (push-only platforms), `lookup timed out …` or `lookup failed: <error>`.
    static func lookUp(_ platformOrderId: String, connector: any PlatformConnector, timeout: Duration) async -> String {
        do {
            // Not a task group: a group waits for its children, and a connector retrying inside its HTTP client
            // does not stop when cancelled (an import through the API then took 13–17 s per missing order).
            let outcome = Outcome()
            let milliseconds = Int(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
            let inTime = await Deadline.run(milliseconds: milliseconds) {
                do {
                    outcome.set(.success(try await connector.fetchOrder(platformOrderId: platformOrderId)))
                } catch {
                    outcome.set(.failure(error))
                }
            }
            let fetched = inTime ? try outcome.get()?.get() : nil
            guard let prepared = fetched else { return "lookup timed out after \(timeout.components.seconds) s" }
            let observation = prepared.observation
            let status = observation.impliedStatus?.rawValue ?? "status unknown"
            guard let snapshot = observation.snapshot else { return "found on platform: \(status)" }
            return "found on platform: \(status), paid \(Money.yuanString(fromFen: snapshot.paidFen))"
        } catch {
            let message = String(describing: error)
            if connector.platform == .youzan || connector.platform == .standard {
                return "no order API: \(message)"
            }
            let lowered = message.lowercased()
            let notFoundMarkers = ["order-not-found", "order not found", "trade-not-exist", "order-not-exist", "订单不存在", "订单号不存在", "无此订单"]
            if notFoundMarkers.contains(where: lowered.contains) { return "platform says not found: \(message)" }
            return "lookup failed: \(message)"
        }
    }

    /// A lookup's result, handed from the lookup task to the caller.
    private final class Outcome: Sendable {
        private let result = Mutex<Result<PreparedObservation, any Error>?>(nil)

        func set(_ value: Result<PreparedObservation, any Error>) { result.withLock { $0 = value } }

        func get() -> Result<PreparedObservation, any Error>? { result.withLock { $0 } }
    }
}
