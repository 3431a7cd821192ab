/// What the gateway holds of an order for deciding cheaply whether an observation could change it — the platform update
/// time and content fingerprint of its snapshot, and its status evidence — and that rule (issue #14 target 5: polls
/// that cost nothing when nothing changed, no detail fetch for a push about a state already held).
///
/// The rule follows ``OrderMerger`` part by part, so that an observation it holds never changes the order's
/// snapshot or status (``HeldSnapshotTests`` merges every held combination to check):
/// - **snapshot**: an observation is held when it is older than the held snapshot (which wins on time), or equally new
///   with the same content (``SnapshotVersion/fingerprint``) from a source that does not take precedence over the held
///   one's (else the merge would record the new source in the version); a thin observation (no snapshot, needs a detail) only when
///   older — platforms stamp update times in seconds, and two changes within one second must not be taken for one;
/// - **status**: recording the observation's status in the order's ``StatusEvidence`` must change nothing (a higher
///   status, a newer cancel or re-open is never held, whatever its time); an observation with neither status nor
///   snapshot is never held (its time may be a bound rather than the change's time).
public struct HeldSnapshot: Sendable, Hashable, Codable {
    /// The platform update time of the held snapshot.
    public var platformUpdatedAt: Timestamp
    /// ``SnapshotVersion/fingerprint`` of the held snapshot.
    public var fingerprint: UInt64
    /// ``SnapshotVersion/sourcePrecedence`` of the held snapshot.
    public var sourcePrecedence: Int
    /// The order's status evidence.
    public var statusEvidence: StatusEvidence

    /// Creates a held snapshot.
    public init(platformUpdatedAt: Timestamp, fingerprint: UInt64, sourcePrecedence: Int, statusEvidence: StatusEvidence) {
        self.platformUpdatedAt = platformUpdatedAt
        self.fingerprint = fingerprint
        self.sourcePrecedence = sourcePrecedence
        self.statusEvidence = statusEvidence
    }

    /// Whether merging `observation` into the order that holds this could not change the order's snapshot or status.
    public func holds(_ observation: OrderObservation) -> Bool {
        // Neither status nor snapshot: only "the order changed", at a time that may be a bound (a WeChat Channels row
        // listed in a window whose detail failed carries the window's start) — never held, its detail is fetched.
        guard observation.impliedStatus != nil else { return false }
        guard observation.platformUpdatedAt <= platformUpdatedAt else { return false }
        if observation.platformUpdatedAt == platformUpdatedAt {
            guard !observation.needsDetail, let snapshot = observation.snapshot, observation.source.precedence <= sourcePrecedence,
                Fingerprint.of(snapshot) == fingerprint
            else { return false }
        }
        if let status = observation.impliedStatus {
            var evidence = statusEvidence
            evidence.record(status, at: observation.platformUpdatedAt, reopens: observation.reopens)
            guard evidence == statusEvidence else { return false }
        }
        return true
    }
}
