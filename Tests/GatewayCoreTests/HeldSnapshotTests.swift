import GatewayCore
import Testing

/// ``HeldSnapshot/holds(_:)`` and ``DetailFetchRule``: which observations could not change an order.
@Suite struct HeldSnapshotTests {
    let key = OrderKey(platform: .kuaishou, shop: "s", platformOrderId: "o1")

    func snapshot(_ status: OrderStatus, paid: Int64 = 5980) -> OrderSnapshot {
        OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: 5980,
            paidFen: paid,
            createdAt: Timestamp(secondsSince1970: 100),
            lines: [OrderLine(lineId: "1", productId: "p", skuId: "k", title: "椪柑", quantity: 1, paidFen: paid)]
        )
    }

    func full(_ status: OrderStatus, at seconds: Int64, source: ObservationSource, paid: Int64 = 5980) -> OrderObservation {
        OrderObservation(
            key: key,
            source: source,
            event: "e",
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            snapshot: snapshot(status, paid: paid)
        )
    }

    func thin(_ status: OrderStatus, at seconds: Int64) -> OrderObservation {
        OrderObservation(
            key: key,
            source: .push,
            event: "e",
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            status: status,
            needsDetail: true
        )
    }

    @Test func anOrderWithoutSnapshotHoldsNothing() {
        #expect(OrderMerger.merge(thin(.paid, at: 500), into: nil).order.heldSnapshot == nil)
        #expect(DetailFetchRule.needsFetch(thin(.paid, at: 500), held: nil))
    }

    @Test func olderObservationsAreHeldNewerOnesNot() throws {
        let order = try #require(OrderMerger.mergeAll([full(.paid, at: 500, source: .detail)]))
        let held = try #require(order.heldSnapshot)
        #expect(held.platformUpdatedAt == Timestamp(secondsSince1970: 500))
        #expect(held.holds(full(.created, at: 499, source: .poll)))
        #expect(held.holds(thin(.created, at: 499)))
        #expect(!held.holds(full(.shipped, at: 501, source: .poll)))
        #expect(!held.holds(thin(.shipped, at: 501)))
    }

    /// A thin observation with neither status nor snapshot only says "the order changed": its time may be a bound rather
    /// than the change's time (WeChat Channels' listed row whose detail failed carries its window's start), so it is
    /// never held and its detail is always fetched.
    @Test func aChangeWithoutStatusOrSnapshotIsNeverHeld() throws {
        let held = try #require(OrderMerger.mergeAll([full(.paid, at: 500, source: .detail)])?.heldSnapshot)
        let listed = OrderObservation(key: key, source: .poll, event: "listed", platformUpdatedAt: Timestamp(secondsSince1970: 90), needsDetail: true)
        #expect(!held.holds(listed))
        #expect(DetailFetchRule.needsFetch(listed, held: held))
    }

    @Test func atTheSameTimeOnlyTheSameContentIsHeldAndAThinObservationNever() throws {
        let held = try #require(OrderMerger.mergeAll([full(.paid, at: 500, source: .detail)])?.heldSnapshot)
        #expect(held.holds(full(.paid, at: 500, source: .poll)))
        #expect(held.holds(full(.paid, at: 500, source: .detail)))
        #expect(!held.holds(full(.paid, at: 500, source: .poll, paid: 4990)))  // the same second, another change
        #expect(!held.holds(full(.cancelled, at: 500, source: .detail)))
        #expect(!held.holds(thin(.paid, at: 500)))
        #expect(DetailFetchRule.needsFetch(thin(.paid, at: 500), held: held))
        #expect(!DetailFetchRule.needsFetch(thin(.paid, at: 499), held: held))
        // A snapshot from a push is taken over by a poll row or detail of the same second (the merge records the source).
        let pushed = try #require(OrderMerger.mergeAll([full(.paid, at: 500, source: .push)])?.heldSnapshot)
        #expect(pushed.holds(full(.paid, at: 500, source: .push)))
        #expect(!pushed.holds(full(.paid, at: 500, source: .poll)))
        var notThin = thin(.paid, at: 501)
        notThin.needsDetail = false
        #expect(!DetailFetchRule.needsFetch(notThin, held: nil))
    }

    /// What dropping relies on: merging an observation the order holds never changes the order. Checked over held
    /// snapshots from every source, observations before, at and after their time, every status, another amount, thin
    /// and full — and at least one held case per combination is actually exercised.
    @Test func mergingAHeldObservationNeverChangesTheOrder() throws {
        let sources: [ObservationSource] = [.push, .poll, .detail]
        var exercised = 0
        for heldSource in sources {
            for heldStatus in [OrderStatus.paid, .shipped, .cancelled] {
                let order = try #require(OrderMerger.mergeAll([thin(.created, at: 300), full(heldStatus, at: 500, source: heldSource)]))
                let held = try #require(order.heldSnapshot)
                for seconds: Int64 in [400, 499, 500, 501] {
                    for status in [OrderStatus.created, .paid, .shipped, .cancelled] {
                        var observations = [thin(status, at: seconds)]
                        for source in sources {
                            observations.append(full(status, at: seconds, source: source))
                            observations.append(full(status, at: seconds, source: source, paid: 4990))
                        }
                        for observation in observations where held.holds(observation) {
                            exercised += 1
                            let merged = OrderMerger.merge(observation, into: order)
                            #expect(merged.decision != .applied, "\(heldSource) \(heldStatus) ← \(observation.source) \(status) at \(seconds)")
                            #expect(merged.order == order)
                        }
                    }
                }
            }
        }
        #expect(exercised > 100)
    }
}
