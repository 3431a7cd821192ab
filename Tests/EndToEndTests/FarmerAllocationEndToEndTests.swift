import AsyncHTTPClient
import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import NIOCore
import NIOHTTP1
import Testing

/// A livestream through the mock on every platform routes Yunlai's ponkan to households' supply lots:
/// the registered-poor tier first, cancellations give the supply back, and shipped parcels' trace pages
/// resolve over real HTTP.
@Suite(.serialized) struct FarmerAllocationEndToEndTests {
    static let households = """
        household_id,name,village,cooperative,base,registered_poor,members,show_name
        P1,向大山,黄金村,云来柑橘合作社,迁陵基地,1,4,0
        P2,彭秀英,黄金村,云来柑橘合作社,迁陵基地,是,3,1
        P3,龙春花,夯沙村,云来柑橘合作社,,yes,5,0
        N1,田建国,夯沙村,,,0,4,0
        N2,石永福,吕洞村,,,否,2,0
        """

    static let lots = """
        lot_id,household_id,enterprise,product,grade,capacity_kg,price_yuan_per_kg,harvest_date,available_from,available_to
        L-P1,P1,yunlai,ponkan,A,60,4.2,2026-11-10,,
        L-P2,P2,yunlai,ponkan,A,40,4.2,2026-11-12,,
        L-P3,P3,yunlai,ponkan,A,20,4.0,2026-11-12,,
        L-N1,N1,yunlai,ponkan,A,1000,3.8,2026-11-15,,
        L-N2,N2,yunlai,ponkan,A,1000,3.8,2026-11-15,,
        """

    @Test func livestreamOrdersAreAllocatedPoorFirstCancelsReverseAndTracePagesResolve() async throws {
        let yaml =
            EndToEndHarness.allPlatformsYAML
            + "\nmaster_data: { file: masterdata.yaml, households: households.csv, supply_lots: lots.csv }\nstock_sync: { enabled: false }\n"
        let harness = try await EndToEndHarness.startMock(poll: true, yaml: yaml)
        try StockWriteBackEndToEndTests.masterData.replacingOccurrences(of: "on_hand: 6,", with: "on_hand: 600,")
            .replacingOccurrences(of: "on_hand: 8,", with: "on_hand: 800,")
            .write(toFile: harness.directory + "/masterdata.yaml", atomically: true, encoding: .utf8)
        try Self.households.write(toFile: harness.directory + "/households.csv", atomically: true, encoding: .utf8)
        try Self.lots.write(toFile: harness.directory + "/lots.csv", atomically: true, encoding: .utf8)
        let (gateway, url) = try await harness.startGateway()
        let options = LivestreamOptions(orders: 120, ratePerSecond: 80, seed: 5, cancelRate: 0.2, refundRate: 0.05)
        let scenario = LivestreamScenario(mock: harness.mock, options: options)
        _ = try await scenario.run(gatewayBaseURL: url)
        let converged = try await EndToEndHarness.eventually(seconds: 60) {
            TruthComparison.compare(truth: harness.mock.truth(), orders: try await gateway.stores.orders.orders(matching: OrderQuery(limit: 10_000)))
                .allEqual
        }
        #expect(converged)
        let supply = gateway.stores.supply
        let orders = try await gateway.stores.orders.orders(matching: OrderQuery(limit: 10_000))
        var active: [StoredAllocation] = []
        var cancelledChecked = 0
        var shippedCodes: [String] = []
        for order in orders {
            let allocations = try await supply.allocations(of: order.key)
            if order.status == .cancelled {
                // A line refunded after its goods were sent keeps its (flagged) allocation; every other line gives it back.
                let shipped = Set(
                    try await gateway.stores.inventory.fulfilments(of: order.key).filter { $0.state == .consumed }.map(\.lineId)
                )
                #expect(
                    allocations.allSatisfy {
                        shipped.contains($0.lineId) ? $0.state == "active" && $0.refundedAfterShipment : $0.state == "reversed"
                    },
                    "cancelled \(order.key) keeps supply"
                )
                if !allocations.isEmpty { cancelledChecked += 1 }
            }
            active += allocations.filter { $0.state == "active" }
            if order.status == .shipped || order.status == .completed {
                shippedCodes += allocations.filter { $0.state == "active" }.map(\.traceCode)
            }
        }
        // Cancel a paid, allocated order on its platform now: its supply comes back exactly.
        var cancelledNow = false
        for order in orders where order.status == .paid {
            let allocations = try await supply.allocations(of: order.key).filter { $0.state == "active" }
            guard !allocations.isEmpty, let shop = scenario.shops.first(where: { $0.shopKey == order.key.shop }) else { continue }
            guard let push = try shop.cancelOrder(orderId: order.key.platformOrderId, at: Date()) else { continue }
            _ = try await shop.deliver([push], to: url, timeout: .seconds(10))
            let reversed = try await EndToEndHarness.eventually(seconds: 30) {
                try await supply.allocations(of: order.key).allSatisfy { $0.state == "reversed" }
            }
            #expect(reversed, "the cancelled order \(order.key) keeps its supply")
            let records = try await supply.records(enterpriseId: "yunlai", from: nil, to: nil).filter(\.counts)
            let freed = allocations.reduce(Int64(0)) { $0 + $1.allocation.grams }
            let stillAllocated = records.reduce(Int64(0)) { $0 + $1.allocation.grams }
            #expect(stillAllocated + freed == active.reduce(Int64(0)) { $0 + $1.allocation.grams }, "reversal restores the lots exactly")
            cancelledNow = true
            cancelledChecked += 1
            break
        }
        #expect(cancelledNow || cancelledChecked > 0, "a cancellation after allocation should have been seen")
        // Only ponkan A is declared: every active allocation is from these lots, within capacity.
        let lots = Dictionary(uniqueKeysWithValues: try await supply.lots(enterpriseId: "yunlai").map { ($0.id, $0) })
        var used: [String: Int64] = [:]
        for allocation in active { used[allocation.allocation.lotId, default: 0] += allocation.allocation.grams }
        for (lot, grams) in used { #expect(grams <= lots[lot]!.capacityGrams) }
        // Poor tier first: others supply only once the poor lots cannot take another parcel.
        let poorUsed = ["L-P1", "L-P2", "L-P3"].reduce(Int64(0)) { $0 + used[$1, default: 0] }
        let othersUsed = used["L-N1", default: 0] + used["L-N2", default: 0]
        #expect(poorUsed > 0)
        if othersUsed > 0 { #expect(poorUsed >= 120_000 - 30_000, "poor lots had room left: \(poorUsed) g used") }
        // Every line's allocations sum to its demand (parcels × net weight).
        for order in orders where order.status != .cancelled {
            for fulfilment in try await gateway.stores.inventory.fulfilments(of: order.key)
            where fulfilment.state == .reserved || fulfilment.state == .consumed {
                let parcels = fulfilment.reservations.filter { $0.skuCode == "BJPG-5KG-A" || $0.skuCode == "BJPG-10KG-A" }
                let demand = parcels.reduce(Int64(0)) { $0 + Int64($1.quantity) * ($1.skuCode == "BJPG-5KG-A" ? 5000 : 10_000) }
                let supplied = active.filter { $0.order == order.key && $0.lineId == fulfilment.lineId }.reduce(Int64(0)) { $0 + $1.allocation.grams }
                #expect(supplied == demand, "\(order.key) line \(fulfilment.lineId)")
            }
        }
        // Trace pages of shipped parcels resolve over HTTP; unknown codes get a clear 404.
        #expect(!shippedCodes.isEmpty)
        for code in shippedCodes.prefix(5) {
            let (status, page) = try await Self.get("\(url)/trace/\(code)")
            #expect(status == 200)
            #expect(page.contains("保靖") && (page.contains("黄金村") || page.contains("夯沙村") || page.contains("吕洞村")))
            #expect(!page.contains("向大山"), "a household that did not agree is masked")
        }
        let (missing, page) = try await Self.get("\(url)/trace/ABCDEFGHJK?lang=en")
        #expect(missing == 404 && page.contains("No shipped parcel"))
        await gateway.shutdown()
        await harness.cleanUp()
    }

    static func get(_ url: String) async throws -> (Int, String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }
}
