/// A kinetic tournament tree over the lots of one candidate list of a ``SupplyPool``: it finds the lot the quota
/// rule chooses in about O(log n) per unit instead of a pass over every lot.
///
/// With `u` the unit and `C`, `T` the capacity and allocated grams of the list's eligible lots (remaining ≥ `u`),
/// the rule takes the eligible lot with the largest deficit numerator `N_i = (T + u) c_i − a_i C` among those
/// within their upper quota, else among all eligible lots; ties go to the earlier lot of the list. Dividing by
/// `C`, `N_i / C = λ c_i − a_i` with `λ = (T + u) / C`: at a given `λ` every lot's key is a line in `λ`, the
/// same for every unit size. The tree orders the lots by that key (then list order) and finds the largest; the
/// unit only enters through `λ`, through eligibility and through the upper quota (`a_i + u ≤ u ⌈q_i / u⌉`,
/// i.e. `(T + u) c_i > u ⌈a_i / u⌉ C`), which are checked on the winner — and, when it fails them (a lot
/// too full for this unit, or above its upper quota with mixed unit sizes), by a branch-and-bound descent
/// that visits only subtrees whose best lot could still win.
///
/// The leaves are the list's lots in list order; each node keeps the winner of its subtree and an interval of
/// `λ` over which every comparison below it keeps its outcome (two lines cross at most once). A query at the
/// current `λ` recomputes only the nodes whose interval does not contain `λ` or whose winner changed.
///
/// Exactness: every comparison that decides a winner, an eligibility or a quota flag is made on integers
/// (64×64→128-bit products; every amount stays below 2⁶¹, the pool checks). The intervals are only
/// certificates: they are kept as `Double`s moved inwards by a relative 10⁻⁹ — far more than the rounding of
/// `λ` and of the crossing points (about 10⁻¹⁵) — so a node is reused only when `λ` is safely inside the range
/// where its winner is right, and recomputed exactly otherwise (also when `λ` sits on a crossing: ties are
/// decided by integers). When a lot's allocated grams grow, its key falls at every `λ`, so only the nodes it
/// wins are recomputed.
struct QuotaTournament: Sendable {
    /// One lot of the list.
    struct Leaf: Sendable {
        var capacity: Int64
        var allocated: Int64
        /// Whether the lot can take the smallest unit the tree serves (only such lots are ranked).
        var ranked: Bool
    }

    /// A subtree's winner and an open interval of `λ` over which it certainly stays the winner.
    struct Node: Sendable {
        /// The winning leaf, `-1` when no leaf of the subtree is ranked.
        var winner: Int32
        var lower: Double
        var upper: Double
    }

    /// `C` and `T` over the lots that can take one unit size.
    struct UnitTotals: Sendable {
        var unit: Int64
        var capacity: Int64
        var allocated: Int64
    }

    /// Pool positions of the leaves, in list order.
    let positions: [Int]
    /// The leaf of each pool position, `-1` for lots not in the list.
    private let leafOfPosition: [Int32]
    private var leaves: [Leaf]
    /// Nodes `1..<2 × size`; the leaves are `size..<size + positions.count`.
    private var nodes: [Node]
    private let size: Int
    /// The smallest unit served so far: lots with less room are left out of the ranking.
    private var smallestUnit: Int64 = .max
    /// Totals per unit size served so far.
    private var totals: [UnitTotals] = []
    /// How many entries of the pool's change log the leaves reflect.
    private(set) var syncedTo: Int

    /// Builds the tree over `positions` (in tie-break order) from the pool's capacities and allocated grams.
    /// Every capacity and allocated amount and their sums must stay below 2⁶¹ (the pool checks).
    init(positions: [Int], capacity: [Int64], allocated: [Int64], syncedTo: Int) {
        self.positions = positions
        self.syncedTo = syncedTo
        var leafOf = [Int32](repeating: -1, count: capacity.count)
        var size = 1
        while size < positions.count { size *= 2 }
        self.size = size
        leaves = []
        leaves.reserveCapacity(positions.count)
        for (leaf, position) in positions.enumerated() {
            leafOf[position] = Int32(leaf)
            leaves.append(Leaf(capacity: capacity[position], allocated: max(0, allocated[position]), ranked: false))
        }
        leafOfPosition = leafOf
        nodes = [Node](repeating: Self.stale, count: 2 * size)
        for leaf in positions.count..<size { nodes[size + leaf] = Self.empty }
    }

    /// A node to recompute: its lower bound +∞ contains no λ.
    private static let stale = Node(winner: -1, lower: .infinity, upper: .infinity)
    /// A leaf without a ranked lot, valid at every λ.
    private static let empty = Node(winner: -1, lower: -.infinity, upper: .infinity)

    /// Brings the leaves up to date with the pool's change log (pool positions whose allocated grams changed).
    mutating func sync(log: [Int32], allocated: [Int64]) {
        while syncedTo < log.count {
            let position = Int(log[syncedTo])
            syncedTo += 1
            let leaf = leafOfPosition[position]
            if leaf >= 0 { set(leaf: Int(leaf), allocated: allocated[position]) }
        }
    }

    /// The leaf the quota rule chooses for a unit, with `T + u` and `C` of that choice; `nil` when no lot can take the unit.
    mutating func choose(unit: Int64) -> (leaf: Int, target: Int64, total: Int64)? {
        if unit < smallestUnit { rank(smallestUnit: unit) }
        let unitTotals = totals(unit: unit)
        guard unitTotals.capacity > 0 else { return nil }
        let target = unitTotals.allocated + unit
        let total = unitTotals.capacity
        let chosen = leaves.withUnsafeMutableBufferPointer { leaves in
            nodes.withUnsafeMutableBufferPointer { nodes in
                var search = Search(leaves: leaves, nodes: nodes, size: size, unit: unit, target: target, total: total)
                return search.best()
            }
        }
        return chosen >= 0 ? (chosen, target, total) : nil
    }

    /// `C` and `T` for a unit, computed by one pass the first time the unit is served.
    private mutating func totals(unit: Int64) -> UnitTotals {
        for known in totals where known.unit == unit { return known }
        var sums = UnitTotals(unit: unit, capacity: 0, allocated: 0)
        for leaf in leaves where leaf.capacity > leaf.allocated && leaf.capacity - leaf.allocated >= unit {
            sums.capacity += leaf.capacity
            sums.allocated += leaf.allocated
        }
        if totals.count >= 16 { totals.removeAll() }  // every change updates each; many parcel weights are rare
        totals.append(sums)
        return sums
    }

    /// Ranks the lots with room for `unit` (a smaller unit than any before): every node is recomputed.
    private mutating func rank(smallestUnit unit: Int64) {
        smallestUnit = unit
        for leaf in leaves.indices {
            let lot = leaves[leaf]
            leaves[leaf].ranked = lot.capacity > lot.allocated && lot.capacity - lot.allocated >= unit
        }
        for node in 1..<(size + leaves.count) { nodes[node].lower = .infinity }
    }

    /// Sets a leaf's allocated grams: updates the totals and the ranking, and marks for recomputation the
    /// nodes whose outcome may have changed.
    private mutating func set(leaf: Int, allocated a: Int64) {
        let old = leaves[leaf]
        guard old.allocated != a else { return }
        let c = old.capacity
        for index in totals.indices {
            let unit = totals[index].unit
            if c > old.allocated && c - old.allocated >= unit {
                totals[index].capacity -= c
                totals[index].allocated -= old.allocated
            }
            if c > a && c - a >= unit {  // a ≥ 0, so c > a rules out overflow
                totals[index].capacity += c
                totals[index].allocated += a
            }
        }
        leaves[leaf].allocated = a
        leaves[leaf].ranked = c > a && c - a >= smallestUnit
        // More grams lower the lot's key at every λ (its line drops; it can only leave the ranking): nodes it
        // does not win keep their outcome. Fewer grams (a reversal) can raise it anywhere on its path.
        let fell = a > old.allocated
        let size = size
        nodes.withUnsafeMutableBufferPointer { nodes in
            var node = size + leaf
            nodes[node].lower = .infinity
            node /= 2
            while node >= 1 && (!fell || nodes[node].winner == Int32(leaf)) {
                nodes[node].lower = .infinity
                node /= 2
            }
        }
    }

    /// One query at one `λ`, on the tree's buffers: recomputation of stale nodes and the search.
    private struct Search {
        let leaves: UnsafeMutableBufferPointer<Leaf>
        let nodes: UnsafeMutableBufferPointer<Node>
        let size: Int
        let unit: Int64
        /// `λ = target / total`, exactly and rounded.
        let target: Int64
        let total: Int64
        let lambda: Double
        /// The best leaf found so far by the descent.
        var found = -1

        init(leaves: UnsafeMutableBufferPointer<Leaf>, nodes: UnsafeMutableBufferPointer<Node>, size: Int, unit: Int64, target: Int64, total: Int64) {
            self.leaves = leaves
            self.nodes = nodes
            self.size = size
            self.unit = unit
            self.target = target
            self.total = total
            lambda = Double(target) / Double(total)
        }

        /// The chosen leaf, `-1` when no lot can take the unit.
        mutating func best() -> Int {
            refresh(1)
            let winner = Int(nodes[1].winner)
            guard winner >= 0 else { return -1 }
            let eligible = isEligible(winner)
            if eligible && isWithinQuota(winner) { return winner }  // the usual case
            found = -1
            descend(1, withinQuota: true, failed: winner)
            if found >= 0 || eligible { return found >= 0 ? found : winner }
            descend(1, withinQuota: false, failed: winner)
            return found
        }

        /// Whether a lot has room for the unit.
        @inline(__always)
        func isEligible(_ leaf: Int) -> Bool {
            let lot = leaves[leaf]
            return lot.capacity > lot.allocated && lot.capacity - lot.allocated >= unit
        }

        /// Whether an eligible lot is within its upper quota: `(T + u) c > u ⌈a / u⌉ C`.
        @inline(__always)
        func isWithinQuota(_ leaf: Int) -> Bool {
            let lot = leaves[leaf]
            let ceiling = lot.allocated + (unit - lot.allocated % unit) % unit
            return QuotaTournament.compare(target, lot.capacity, ceiling, total) > 0
        }

        /// Whether leaf `x` ranks before leaf `y`: a larger key `λ c − a`, or the same key and earlier in the list.
        @inline(__always)
        func ranksBefore(_ x: Int, _ y: Int) -> Bool {
            let dc = leaves[x].capacity - leaves[y].capacity
            let da = leaves[x].allocated - leaves[y].allocated
            let sign = QuotaTournament.compare(target, dc, da, total)
            return sign > 0 || (sign == 0 && x < y)
        }

        /// Branch and bound: the best leaf of a subtree that can take the unit (within its upper quota when
        /// asked), into `found` when it ranks before the one found so far. `failed` is the parent's winner, known
        /// to fail the test (and to rank before `found`).
        mutating func descend(_ index: Int, withinQuota: Bool, failed: Int) {
            let node = nodes[index]
            if !(lambda > node.lower && lambda < node.upper) { refresh(index) }
            let winner = Int(nodes[index].winner)
            guard winner >= 0 else { return }
            if winner != failed {
                guard found < 0 || ranksBefore(winner, found) else { return }
                if isEligible(winner) && (!withinQuota || isWithinQuota(winner)) {
                    found = winner  // the best of its subtree
                    return
                }
            }
            guard index < size else { return }
            // The other child first: its winner is the strongest rival, so it prunes most of what follows.
            let winnerOnLeft = nodes[2 * index].winner == Int32(winner)
            descend(winnerOnLeft ? 2 * index + 1 : 2 * index, withinQuota: withinQuota, failed: winner)
            descend(winnerOnLeft ? 2 * index : 2 * index + 1, withinQuota: withinQuota, failed: winner)
        }

        mutating func refresh(_ index: Int) {
            let node = nodes[index]
            if lambda > node.lower && lambda < node.upper { return }
            if index >= size {
                let leaf = index - size
                nodes[index] =
                    leaf < leaves.count && leaves[leaf].ranked
                    ? Node(winner: Int32(leaf), lower: -.infinity, upper: .infinity) : QuotaTournament.empty
                return
            }
            refresh(2 * index)
            refresh(2 * index + 1)
            combine(index)
        }

        private func combine(_ index: Int) {
            let left = nodes[2 * index]
            let right = nodes[2 * index + 1]
            var node = Node(winner: left.winner, lower: max(left.lower, right.lower), upper: min(left.upper, right.upper))
            let l = Int(left.winner)
            let r = Int(right.winner)
            if l < 0 {
                node.winner = right.winner
            } else if r >= 0 {
                // N_l − N_r = (T + u) Δc − Δa C; the left lot wins ties (it is earlier in the list).
                let dc = leaves[l].capacity - leaves[r].capacity
                let da = leaves[l].allocated - leaves[r].allocated
                if dc == 0 {
                    if da > 0 { node.winner = right.winner }
                } else {
                    let leftWins = QuotaTournament.compare(target, dc, da, total) >= 0
                    if !leftWins { node.winner = right.winner }
                    // The lines cross at λ = Δa / Δc: the left lot wins above it when Δc > 0, below it otherwise.
                    let crossing = Double(da) / Double(dc)
                    if (dc > 0) == leftWins {
                        node.lower = max(node.lower, QuotaTournament.raised(crossing))
                    } else {
                        node.upper = min(node.upper, QuotaTournament.lowered(crossing))
                    }
                }
            }
            nodes[index] = node
        }
    }
}

extension QuotaTournament {
    /// The sign of `a × b − c × d`, exactly.
    @inline(__always)
    static func compare(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
        let left = a.multipliedFullWidth(by: b)
        let right = c.multipliedFullWidth(by: d)
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }

    /// A lower bound moved inwards (up) by a relative 10⁻⁹.
    @inline(__always)
    static func raised(_ bound: Double) -> Double { bound + bound.magnitude * 1e-9 }

    /// An upper bound moved inwards (down) by a relative 10⁻⁹.
    @inline(__always)
    static func lowered(_ bound: Double) -> Double { bound - bound.magnitude * 1e-9 }
}
