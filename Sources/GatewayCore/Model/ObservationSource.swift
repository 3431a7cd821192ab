/// Where an observation of an order came from.
public enum ObservationSource: String, Sendable, Codable, CaseIterable, Hashable {
    /// A platform push (webhook) delivery.
    case push
    /// A backstop poll of the platform's incremental order API.
    case poll
    /// A detail fetch made by the pipeline to complete a thin push.
    case detail

    /// Tie-break weight when two snapshots carry the same platform update time.
    public var precedence: Int {
        switch self {
        case .push: 0
        case .poll: 1
        case .detail: 2
        }
    }
}
