/// One stored line of a run: the comparison of one order, what the platform API said about it, and
/// how staff resolved it.
public struct ReconciliationRunLine: Sendable, Hashable, Codable {
    /// The run it belongs to.
    public var runId: Int64
    /// The line's 1-based number within the run (what `gateway reconcile resolve RUN LINE` takes).
    public var number: Int
    /// The comparison.
    public var line: ReconciliationLine
    /// For orders missing in the gateway: what the platform API said when asked (found / not found / the error).
    public var platformLookup: String?
    /// The latest resolution, if resolved.
    public var resolution: ReconciliationResolution?

    /// Creates a run line.
    public init(runId: Int64, number: Int, line: ReconciliationLine, platformLookup: String? = nil, resolution: ReconciliationResolution? = nil) {
        self.runId = runId
        self.number = number
        self.line = line
        self.platformLookup = platformLookup
        self.resolution = resolution
    }
}
