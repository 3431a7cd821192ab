import GatewayCore
import Testing

/// ``CanonicalOrder/pollRowsHeldThrough`` and ``PollRowVersion/isHeld(through:)``: which poll rows the poller may drop.
@Suite struct PollRowsHeldTests {
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

    func observation(_ status: OrderStatus, at seconds: Int64, source: ObservationSource, paid: Int64 = 5980) -> OrderObservation {
        OrderObservation(
            key: key,
            source: source,
            event: "e",
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            snapshot: snapshot(status, paid: paid)
        )
    }

    func held(_ observations: [OrderObservation]) throws -> CanonicalOrder {
        try #require(OrderMerger.mergeAll(observations))
    }

    @Test func anOrderWithoutSnapshotHoldsNothing() {
        let thin = OrderObservation(
            key: key,
            source: .push,
            event: "e",
            platformUpdatedAt: Timestamp(secondsSince1970: 500),
            status: .paid,
            needsDetail: true
        )
        #expect(OrderMerger.merge(thin, into: nil).order.pollRowsHeldThrough == nil)
        #expect(!PollRowVersion(platformOrderId: "o1", platformUpdatedAt: Timestamp(secondsSince1970: 1)).isHeld(through: nil))
    }

    @Test func aDetailOrPollSnapshotHoldsRowsUpToItsOwnTime() throws {
        for source in [ObservationSource.detail, .poll] {
            let order = try held([observation(.paid, at: 500, source: source)])
            #expect(order.pollRowsHeldThrough == Timestamp(secondsSince1970: 500))
        }
    }

    @Test func aPushSnapshotHoldsRowsUpToJustBeforeItsTime() throws {
        let order = try held([observation(.paid, at: 500, source: .push)])
        #expect(order.pollRowsHeldThrough == Timestamp(millisecondsSince1970: 500_000 - 1))
    }

    @Test func theHeldTimeFollowsTheWinningSnapshotNotTheLatestStatusTime() throws {
        // A thin push at 900 moves the order's update time, not its snapshot: rows between 500 and 900 are not held.
        var order = try held([observation(.paid, at: 500, source: .detail)])
        let thin = OrderObservation(key: key, source: .push, event: "e", platformUpdatedAt: Timestamp(secondsSince1970: 900), status: .shipped)
        order = OrderMerger.merge(thin, into: order).order
        #expect(order.platformUpdatedAt == Timestamp(secondsSince1970: 900))
        #expect(order.pollRowsHeldThrough == Timestamp(secondsSince1970: 500))
    }

    /// What dropping relies on: merging any poll row the order holds changes nothing. Checked over rows before, at and
    /// after the held time, with every status and a different amount (a platform whose list row disagrees).
    @Test func mergingAHeldRowNeverChangesTheOrder() throws {
        let sources: [ObservationSource] = [.push, .poll, .detail]
        for heldSource in sources {
            for heldStatus in [OrderStatus.paid, .shipped] {
                let order = try held([observation(.created, at: 300, source: .push), observation(heldStatus, at: 500, source: heldSource)])
                for seconds: Int64 in [400, 499, 500, 501] {
                    for rowStatus in [OrderStatus.created, .paid] {
                        let row = observation(rowStatus, at: seconds, source: .poll, paid: 4990)
                        let version = PollRowVersion(platformOrderId: "o1", platformUpdatedAt: row.platformUpdatedAt)
                        guard version.isHeld(through: order.pollRowsHeldThrough) else { continue }
                        let merged = OrderMerger.merge(row, into: order)
                        #expect(merged.decision != .applied, "\(heldSource) \(heldStatus) row at \(seconds) \(rowStatus)")
                        #expect(merged.order == order)
                    }
                }
            }
        }
    }

    @Test func aRowIsHeldUpToAndIncludingTheHeldTime() {
        let version = PollRowVersion(platformOrderId: "o1", platformUpdatedAt: Timestamp(secondsSince1970: 500))
        #expect(version.isHeld(through: Timestamp(secondsSince1970: 500)))
        #expect(version.isHeld(through: Timestamp(secondsSince1970: 501)))
        #expect(!version.isHeld(through: Timestamp(millisecondsSince1970: 499_999)))
    }
}
