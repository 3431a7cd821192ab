import Foundation
import GatewayCore
import MockPlatformKit
import Testing

@testable import gateway

/// The demo worker's couriers and tracking numbers, and the check of confirmed shipments against the platforms' truth.
struct DemoShippingTests {
    static let order = OrderKey(platform: .taobao, shop: "linyin-taobao", platformOrderId: "4000123")

    @Test func trackingNumbersAreValidPlausibleAndFollowTheSeed() throws {
        let numbers = DemoTrackingNumbers(seed: 7)
        let first = try #require(numbers.parcel(for: Self.order))
        let again = try #require(numbers.parcel(for: Self.order))
        #expect(first.courier == again.courier && first.trackingNumber == again.trackingNumber)
        #expect(first.courier.code(on: .taobao) != nil)
        let shape = DemoTrackingNumbers.shape(of: first.courier)
        #expect(first.trackingNumber.value.hasPrefix(shape.prefix))
        #expect(first.trackingNumber.value.count == shape.prefix.count + shape.digits)
        // Other seeds and other orders give other numbers.
        var seen = Set<String>()
        for seed in UInt64(1)...20 { seen.insert(try #require(DemoTrackingNumbers(seed: seed).parcel(for: Self.order)).trackingNumber.value) }
        #expect(seen.count == 20)
        // Youzan: only STO has a verified code; the standard webhook source has no shipping API.
        for id in 1...20 {
            let youzan = OrderKey(platform: .youzan, shop: "yunlai-youzan", platformOrderId: "E\(id)")
            #expect(numbers.parcel(for: youzan)?.courier == .sto)
        }
        #expect(numbers.parcel(for: OrderKey(platform: .standard, shop: "mini", platformOrderId: "1")) == nil)
    }

    static func writeBack(_ id: String, _ number: String, state: WriteBackLifecycle.State = .confirmed) -> ShipmentWriteBack {
        ShipmentWriteBack(
            id: 1,
            shipmentId: 1,
            order: OrderKey(platform: .douyin, shop: "s", platformOrderId: id),
            state: state,
            trackingNumber: number,
            courier: .sf,
            replacingTrackingNumber: nil,
            lastError: nil,
            updatedAt: Timestamp(millisecondsSince1970: 0)
        )
    }

    @Test func theVerdictWantsEveryShipmentConfirmedButTheOneRejection() {
        let warehouse = Warehouse(id: "w", enterpriseId: "e", name: "仓", regions: ["*"], priority: 1)
        let rejected = Self.writeBack("3", "SF3", state: .rejected(reason: "bad number"))
        var settlement = DemoShipping.Settlement(confirmed: [Self.writeBack("1", "SF1"), Self.writeBack("2", "SF2")], needingStaff: [rejected])
        var result = DemoShipping.Result(
            warehouse: warehouse,
            worker: "p",
            recorded: 3,
            refused: [],
            rejectingShop: "s",
            settlement: settlement,
            mismatches: []
        )
        #expect(result.asExpected)
        #expect(result.lines.first == "✅ shipping: warehouse w (仓), worker p: 3 orders shipped and recorded (douyin 3)")
        #expect(result.lines.contains { $0.contains("2 confirmed, 1 rejected in the 回传失败 queue") && $0.contains("s/3 rejected: bad number") })
        settlement.waiting = 1
        result.settlement = settlement
        #expect(!result.asExpected)
        settlement.waiting = 0
        settlement.needingStaff.append(rejected)
        result.settlement = settlement
        #expect(!result.asExpected, "a second rejection is not the expected one")
        result.settlement.needingStaff = [rejected]
        result.mismatches = ["s/1: ours SF1, the platform shows SF9"]
        #expect(!result.asExpected)
        #expect(result.lines.first?.hasPrefix("❌") == true)
    }

    @Test func confirmedShipmentsAreCheckedAgainstTheTruth() {
        func writeBack(_ id: String, _ number: String) -> ShipmentWriteBack { Self.writeBack(id, number) }
        let truth = MockOrderTruth(
            platform: "douyin",
            shop: "s",
            orderId: "1",
            status: "shipped",
            platformStatus: "3",
            paidFen: 1,
            totalFen: 1,
            postageFen: 0,
            updateTime: 0,
            lines: [],
            shipments: [MockShipment(trackingNo: "sf1234567890", courierCode: "shunfeng", packageId: "1", shippedAt: 0, lines: [])]
        )
        #expect(DemoShipping.mismatches([writeBack("1", "SF1234567890")], truth: [truth]).isEmpty)
        let wrong = DemoShipping.mismatches([writeBack("1", "SF999999"), writeBack("2", "SF1")], truth: [truth])
        #expect(wrong.count == 2)
        #expect(wrong.first?.contains("ours SF999999") == true)
        #expect(wrong.last?.contains("not on the platform") == true)
    }
}
