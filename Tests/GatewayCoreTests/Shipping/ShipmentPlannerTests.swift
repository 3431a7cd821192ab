import GatewayCore
import Testing

/// ``ShipmentPlanner``: every refusal, the whole-order rule, partial quantities across shipments, and Pinduoduo's
/// whole-orders-only rule.
@Suite struct ShipmentPlannerTests {
    static let tracking = TrackingNumber("SF1234567890")!

    static func order(_ status: OrderStatus = .paid, platform: Platform = .douyin, refund: RefundState = .none) -> CanonicalOrder {
        var order = InventoryFixtures.order("o1", status: status, lines: [("p-pg5a", 3, .none), ("p-tea", 1, refund)])
        order.key.platform = platform
        return order
    }

    static func reserved(_ order: CanonicalOrder, _ states: [String: FulfilmentState] = [:]) -> [String: LineFulfilment] {
        Dictionary(
            uniqueKeysWithValues: order.lines.map { line in
                (line.lineId, LineFulfilment(order: order.key, lineId: line.lineId, state: states[line.lineId] ?? .reserved))
            }
        )
    }

    static func draft(_ order: CanonicalOrder, _ lines: [ShippedLine]? = nil) -> ShipmentDraft {
        ShipmentDraft(order: order.key, courier: .sf, trackingNumber: tracking, lines: lines)
    }

    static func shipment(_ order: CanonicalOrder, _ lines: [ShippedLine]) -> Shipment {
        Shipment(
            id: 1,
            order: order.key,
            courier: .sf,
            trackingNumber: "SF1",
            lines: lines,
            wholeOrder: false,
            packages: 1,
            traceCodes: [],
            recordedBy: "w",
            recordedAt: Timestamp(secondsSince1970: 1)
        )
    }

    func plan(
        _ draft: ShipmentDraft,
        _ order: CanonicalOrder,
        _ fulfilments: [String: LineFulfilment]? = nil,
        earlier: [Shipment] = []
    )
        -> Result<ShipmentPlan, ShipmentRefusal>
    {
        ShipmentPlanner.plan(draft, order: order, fulfilments: fulfilments ?? Self.reserved(order), earlier: earlier)
    }

    @Test func noLinesMeansEveryUnitLeftAndIsTheWholeOrder() throws {
        let order = Self.order()
        let plan = try plan(Self.draft(order), order).get()
        #expect(plan.lines == [ShippedLine(lineId: "0", quantity: 3), ShippedLine(lineId: "1", quantity: 1)])
        #expect(plan.wholeOrder)
        #expect(plan.completedLineIds == ["0", "1"])
    }

    @Test func partOfALineStaysReservedUntilItsLastUnitShips() throws {
        let order = Self.order()
        let first = try plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 2)]), order).get()
        #expect(!first.wholeOrder)
        #expect(first.completedLineIds.isEmpty)
        let earlier = [Self.shipment(order, first.lines)]
        let second = try plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 1)]), order, earlier: earlier).get()
        #expect(second.completedLineIds == ["0"])
        #expect(!second.wholeOrder, "something shipped before: never the whole-order call")
        #expect(
            plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 2)]), order, earlier: earlier)
                == .failure(.tooMany(lineId: "0", asked: 2, remaining: 1))
        )
        let rest = try plan(Self.draft(order), order, earlier: earlier).get()
        #expect(rest.lines == [ShippedLine(lineId: "0", quantity: 1), ShippedLine(lineId: "1", quantity: 1)])
        let all = earlier + [Self.shipment(order, rest.lines)]
        #expect(plan(Self.draft(order), order, earlier: all) == .failure(.nothingToShip(order.key)))
    }

    @Test func linesAreKeptInTheOrdersLineOrder() throws {
        let order = Self.order()
        let plan = try plan(Self.draft(order, [ShippedLine(lineId: "1", quantity: 1), ShippedLine(lineId: "0", quantity: 3)]), order).get()
        #expect(plan.lines.map(\.lineId) == ["0", "1"])
        #expect(plan.wholeOrder)
    }

    @Test func everyRefusal() {
        let order = Self.order()
        #expect(plan(Self.draft(Self.order(.created)), Self.order(.created)) == .failure(.notPaid(order.key)))
        #expect(plan(Self.draft(Self.order(.cancelled)), Self.order(.cancelled)) == .failure(.cancelled(order.key)))
        #expect(plan(Self.draft(order, [ShippedLine(lineId: "9", quantity: 1)]), order) == .failure(.unknownLine("9")))
        #expect(
            plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 1), ShippedLine(lineId: "0", quantity: 1)]), order)
                == .failure(.repeatedLine("0"))
        )
        #expect(plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 0)]), order) == .failure(.badQuantity(lineId: "0", quantity: 0)))
        #expect(
            plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 4)]), order) == .failure(.tooMany(lineId: "0", asked: 4, remaining: 3))
        )
        let refunding = Self.order(refund: .requested)
        #expect(plan(Self.draft(refunding, [ShippedLine(lineId: "1", quantity: 1)]), refunding) == .failure(.refund(lineId: "1")))
        let held = Self.reserved(order, ["0": .held])
        #expect(
            plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 1)]), order, held) == .failure(.notReserved(lineId: "0", state: .held))
        )
        #expect(plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 1)]), order, [:]) == .failure(.notReserved(lineId: "0", state: nil)))
        let every: [ShipmentRefusal] = [
            .unknownOrder(order.key), .notPaid(order.key), .cancelled(order.key), .unknownLine("x"), .repeatedLine("x"),
            .badQuantity(lineId: "x", quantity: 0), .tooMany(lineId: "x", asked: 2, remaining: 1), .refund(lineId: "x"),
            .notReserved(lineId: "x", state: nil), .nothingToShip(order.key), .partialNotSupported(.pinduoduo),
            .partialQuantityNotSupported(.taobao, lineId: "x"),
        ]
        #expect(Set(every.map(\.code)).count == every.count, "each refusal has its own code")
        #expect(every.allSatisfy { !$0.description.isEmpty })
    }

    @Test func aRefundedLineIsLeftOutOfAWholeOrderShipment() throws {
        let order = Self.order(refund: .refunded)
        let plan = try plan(Self.draft(order), order).get()
        #expect(plan.lines == [ShippedLine(lineId: "0", quantity: 3)])
        #expect(plan.wholeOrder, "every unit that can ship ships")
    }

    /// Taobao (`sub_tid`) and Youzan (`oids`) name whole lines: a line goes with every unit it has left, or not at all.
    @Test(arguments: [Platform.taobao, .youzan])
    func wholeLinesOnlyPlatformsRefusePartOfALine(platform: Platform) throws {
        let order = Self.order(platform: platform)
        #expect(
            plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 2)]), order)
                == .failure(.partialQuantityNotSupported(platform, lineId: "0"))
        )
        let line = try plan(Self.draft(order, [ShippedLine(lineId: "1", quantity: 1)]), order).get()
        #expect(!line.wholeOrder && line.lines == [ShippedLine(lineId: "1", quantity: 1)], "one whole line is a partial shipment")
        let rest = try plan(Self.draft(order), order, earlier: [Self.shipment(order, [ShippedLine(lineId: "1", quantity: 1)])]).get()
        #expect(rest.lines == [ShippedLine(lineId: "0", quantity: 3)])
        let douyin = Self.order(platform: .douyin)
        #expect(try plan(Self.draft(douyin, [ShippedLine(lineId: "0", quantity: 2)]), douyin).get().lines.first?.quantity == 2)
    }

    @Test func pinduoduoShipsWholeOrdersOnly() throws {
        let order = Self.order(platform: .pinduoduo)
        #expect(plan(Self.draft(order, [ShippedLine(lineId: "0", quantity: 3)]), order) == .failure(.partialNotSupported(.pinduoduo)))
        #expect(try plan(Self.draft(order), order).get().wholeOrder)
        let named = [ShippedLine(lineId: "0", quantity: 3), ShippedLine(lineId: "1", quantity: 1)]
        #expect(try plan(Self.draft(order, named), order).get().wholeOrder, "naming every unit is the whole order too")
    }

    @Test func aShippedOrConsumedLineStillTakesItsOwnRecord() throws {
        let order = Self.order(.shipped)
        let plan = try plan(Self.draft(order), order, Self.reserved(order, ["0": .consumed, "1": .consumed])).get()
        #expect(plan.completedLineIds == ["0", "1"])
    }
}
