/// A run with its lines.
public struct ReconciliationRunDetail: Sendable, Hashable, Codable {
    /// The run.
    public var run: ReconciliationRun
    /// Its lines, by number.
    public var lines: [ReconciliationRunLine]
    /// Whether this call created the run (`false`: the same statement was imported before and the
    /// existing run is returned unchanged). Only meaningful on ``ReconciliationStore/createRun(_:)``.
    public var created: Bool

    /// Creates a detail.
    public init(run: ReconciliationRun, lines: [ReconciliationRunLine], created: Bool = false) {
        self.run = run
        self.lines = lines
        self.created = created
    }
}
