import GatewayConfig
import GatewayConnectors
import GatewayCore
import GatewayReconciliation
import GatewayStorage

extension GatewayServer {
    /// The reconciliation service for the console and the API: runs in the same SQLite file as the orders, and the
    /// shops' connectors for looking up orders missing in the gateway. `nil` for storage other than SQLite.
    ///
    /// ## Configuration keys
    /// - `storage.url`, `storage.synchronous`: the database (`sqlite:PATH` only).
    /// - `shops[].reconciliation.tolerance_fen`: per-shop amount tolerance.
    func reconciliationService() throws -> ReconciliationService? {
        let url = configuration.storage.url
        guard url.hasPrefix("sqlite:"), url.count > "sqlite:".count else { return nil }
        guard let keys = configuration.storage.dataKeys else { throw StorageError.missingDataKeys }
        let database = try SQLiteDatabase.open(
            path: String(url.dropFirst("sqlite:".count)),
            synchronous: configuration.storage.synchronous,
            keys: keys
        )
        let tolerances = Dictionary(configuration.shops.map { ($0.key, $0.reconciliationToleranceFen) }, uniquingKeysWith: { first, _ in first })
        // Imports through the console and the API answer within seconds even when a platform API hangs: each
        // lookup gets 3 s and none starts after 4 s (the rest are noted as not looked up): at most about 7 s.
        return ReconciliationService(
            store: SQLiteReconciliationStore(database: database),
            connectors: registry.connectors,
            toleranceFen: tolerances,
            lookupTimeout: .seconds(3),
            lookupBudget: .seconds(4),
            now: clock.now
        )
    }
}
