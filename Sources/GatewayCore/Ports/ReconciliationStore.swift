/// Reconciliation runs (对账), their lines and resolutions, and the order reads matching needs.
///
/// Storage knows shops, not enterprises: callers that scope by enterprise pass the enterprise's shops.
public protocol ReconciliationStore: Sendable {
    /// Stores a run and all its lines in **one transaction**. When the shop already has a run with the
    /// draft's fingerprint, nothing is written and that run is returned with `created == false`.
    func createRun(_ draft: ReconciliationRunDraft) async throws -> ReconciliationRunDetail

    /// The shop's run for a statement fingerprint, if the statement was imported before.
    func run(shop: String, fingerprint: String) async throws -> ReconciliationRun?

    /// Runs, newest first.
    /// - Parameters:
    ///   - shops: only runs of these shops (`nil`: every shop).
    ///   - limit: at most this many.
    ///   - offset: skip this many.
    func runs(shops: Set<String>?, limit: Int, offset: Int) async throws -> [ReconciliationRun]

    /// One run with its lines, if it exists.
    func run(id: Int64) async throws -> ReconciliationRunDetail?

    /// Records a resolution on one line (the line keeps the latest; every resolution stays in the history).
    /// - Returns: the updated line, or `nil` when the run or line does not exist.
    func resolve(runId: Int64, lineNumber: Int, resolution: ReconciliationResolution) async throws -> ReconciliationRunLine?

    /// Every resolution ever recorded on a line, oldest first.
    func resolutions(runId: Int64, lineNumber: Int) async throws -> [ReconciliationResolution]

    /// The shop's orders created within a period.
    func orders(platform: Platform, shop: String, createdIn period: ReconciliationPeriod) async throws -> [CanonicalOrder]

    /// The shop's orders with the given platform order ids (unknown ids are left out).
    func orders(platform: Platform, shop: String, platformOrderIds: [String]) async throws -> [CanonicalOrder]
}
