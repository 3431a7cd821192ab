import GatewayConfig
import GatewayConnectors
import GatewayCore
import GatewayReconciliation
import GatewayStorage

extension GatewayServer {
    /// The reconciliation service for the console and the API: runs on the stores' own reconciliation store (the same
    /// database, and the same pool, as the orders), and the shops' connectors for looking up orders missing in the
    /// gateway. `nil` when the storage has no reconciliation store.
    ///
    /// ## Configuration keys
    /// - `shops[].reconciliation.tolerance_fen`: per-shop amount tolerance.
    func reconciliationService() -> ReconciliationService? {
        guard let store = stores.reconciliation else { return nil }
        let tolerances = Dictionary(configuration.shops.map { ($0.key, $0.reconciliationToleranceFen) }, uniquingKeysWith: { first, _ in first })
        // Imports through the console and the API answer within seconds even when a platform API hangs: each
        // lookup gets 3 s and none starts after 4 s (the rest are noted as not looked up): at most about 7 s.
        return ReconciliationService(
            store: store,
            connectors: registry.connectors,
            toleranceFen: tolerances,
            lookupTimeout: .seconds(3),
            lookupBudget: .seconds(4),
            now: clock.now
        )
    }
}
