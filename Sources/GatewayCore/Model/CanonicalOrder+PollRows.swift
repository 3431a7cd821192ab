extension CanonicalOrder {
    /// The latest platform update time up to which a poll row of this order can change nothing; `nil` when any row
    /// could (no snapshot held yet).
    ///
    /// A poll row at time `t` merges as a no-op when the held snapshot is newer (`t` earlier than its time: the
    /// newer snapshot wins and the row's status is already implied by it, platforms' states moving forward in time),
    /// or equally new from a source that takes precedence over a poll at a tie (a detail fetch, another poll row —
    /// which the inbox de-duplicates anyway by `poll:<id>:<time>`). A snapshot from a push at time `t` does not hold
    /// a poll row at `t`: the row would win the tie.
    public var pollRowsHeldThrough: Timestamp? {
        guard let version = snapshotVersion else { return nil }
        let held = version.platformUpdatedAt
        if version.sourcePrecedence >= ObservationSource.poll.precedence { return held }
        guard held.millisecondsSince1970 > Int64.min else { return nil }
        return Timestamp(millisecondsSince1970: held.millisecondsSince1970 - 1)
    }
}
