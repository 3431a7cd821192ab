import Synchronization

/// What a ``SupplyPool`` derives from its lots and allocations to choose a lot quickly: the candidate lists of
/// each demand key and one ``QuotaTournament`` per candidate list, kept in step with the pool's allocated grams
/// through a change log.
///
/// Copies of a pool share one index (a copy stays cheap, as the stored path makes one per line) without sharing
/// its state: the index follows one line of descent. Each pool value carries the number of allocation changes
/// it has made (`generation`); the index holds the generation it reflects. A pool whose generation is the
/// index's may use and advance it; any other copy (one that fell behind when another copy moved on) takes a
/// fresh index, keeping only the candidate lists, which depend on the lots alone. Generations only grow, so two
/// values that both match the index are copies that have not changed since they were made: the same state.
final class SupplyPoolIndex: Sendable {
    /// What selects a demand's candidate lots: its key, and where its day falls among the lots' window bounds
    /// (how many `available_from` days are ≤ it, how many `available_to` days are < it), which decides every
    /// window at once.
    struct CandidateKey: Hashable, Sendable {
        var startsBefore: Int
        var endsBefore: Int
        var enterpriseId: String
        var product: String
        var grade: String
    }

    /// The index proper, used under the lock.
    struct State: Sendable {
        /// The pool generation the tournaments and the log reflect.
        var generation: UInt64
        /// Pool positions whose allocated grams changed, oldest first; tournaments remember how far they read.
        var log: [Int32] = []
        /// The selection of each candidate key; the last key asked for and its selection.
        var selectionIds: [CandidateKey: Int] = [:]
        var lastKey = CandidateKey(startsBefore: 0, endsBefore: 0, enterpriseId: "", product: "", grade: "")
        var lastSelection = -1
        /// Per selection: for each tier, the id of its candidate list.
        var selections: [[Int]] = []
        /// Candidate lists by id: pool positions in tie-break order (capacity descending, then id ascending).
        var candidateLists: [[Int]] = []
        var candidateListIds: [[Int]: Int] = [:]
        /// The tournament of each candidate list (`-1`: none yet), and the tournaments.
        var tournamentOfList: [Int] = []
        var tournaments: [QuotaTournament] = []
        /// Per selection: the tournament of each tier (`-1`: the tier has no lot); empty until first needed.
        var selectionTournaments: [[Int]] = []

        /// Records a change to a lot's allocated grams (only tournaments need it) and advances the generation.
        @inline(__always)
        mutating func changed(position: Int) {
            if !tournaments.isEmpty { log.append(Int32(truncatingIfNeeded: position)) }
            generation &+= 1
        }

        /// Forgets every tournament once the log is longer than `limit` (they are rebuilt when next needed).
        mutating func trimLog(limit: Int) {
            guard log.count > limit else { return }
            forgetTournaments()
        }

        /// Forgets every tournament and the log.
        mutating func forgetTournaments() {
            tournaments.removeAll()
            for list in tournamentOfList.indices { tournamentOfList[list] = -1 }
            for selection in selectionTournaments.indices { selectionTournaments[selection] = [] }
            log.removeAll(keepingCapacity: true)
        }

        /// Forgets the candidate lists (and so the tournaments, which refer to them).
        mutating func forgetCandidates() {
            selectionIds.removeAll()
            lastSelection = -1
            selections.removeAll()
            candidateLists.removeAll()
            candidateListIds.removeAll()
            tournamentOfList.removeAll()
            selectionTournaments.removeAll()
            forgetTournaments()
        }
    }

    /// The state, behind a lock: copies of a pool may live on different tasks.
    let state: Mutex<State>

    /// An empty index for a pool value at `generation`.
    init(generation: UInt64) {
        state = Mutex(State(generation: generation))
    }

    private init(state: sending State) {
        self.state = Mutex(state)
    }

    /// A fresh index for a pool value at `generation` that fell off this index's line: the candidate lists carried
    /// over (they depend on the lots only), no tournaments.
    func detached(generation: UInt64) -> SupplyPoolIndex {
        let fresh = state.withLock { current in
            var fresh = State(generation: generation)
            fresh.selectionIds = current.selectionIds
            fresh.lastKey = current.lastKey
            fresh.lastSelection = current.lastSelection
            fresh.selections = current.selections
            fresh.candidateLists = current.candidateLists
            fresh.candidateListIds = current.candidateListIds
            fresh.tournamentOfList = [Int](repeating: -1, count: current.tournamentOfList.count)
            fresh.selectionTournaments = [[Int]](repeating: [], count: current.selectionTournaments.count)
            return fresh
        }
        return SupplyPoolIndex(state: fresh)
    }
}
