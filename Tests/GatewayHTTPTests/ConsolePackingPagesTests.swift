import Foundation
import GatewayCore
import GatewayHTTP
import GatewayPipeline
import GatewayRuntime
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The warehouse's console pages — pick lists, packing view, printable labels — over ``StaffFixture`` plus one paid
/// order per enterprise whose SKU is mapped (so stock is reserved and parcels allocated): content, enterprise scoping
/// and 404s.
@Suite struct ConsolePackingPagesTests {
    static let traceBase = "https://trace.example.cn"
    /// The fixture orders' Beijing day of payment.
    static let day = "2025-11-29"
    static let ownOrder = "P-OWN-1"
    static let otherOrder = "P-OTHER-1"

    struct World {
        let fixture: StaffFixture
        let dependencies: GatewayHTTPDependencies
        /// Trace codes of the own order's parcels.
        let ownCodes: [String]
        /// Trace codes of the other enterprise's order's parcels.
        let otherCodes: [String]
    }

    static func world() async throws -> World {
        let fixture = try await StaffFixture.make()
        let now = Timestamp(secondsSince1970: 1_764_400_100)
        _ = try await fixture.inventory.seed(
            MasterDataSeed(
                masterData: MasterData(mappings: [
                    SkuMapping(shop: StaffFixture.ownShop, platformSkuId: "sku-pear", components: [SkuComponent(skuCode: "YL-APPLE")]),
                    SkuMapping(shop: StaffFixture.otherShop, platformSkuId: "sku-tea", components: [SkuComponent(skuCode: "LY-TEA")]),
                ])
            ),
            at: now
        )
        _ = try await fixture.supply.seedSupply(
            households: [Household(id: "H2", name: "彭小花", village: "夯沙村", registeredPoor: true, members: 3, showName: true)],
            lots: [
                SupplyLot(
                    id: "L2",
                    householdId: "H2",
                    enterpriseId: "linyin",
                    product: "tea",
                    grade: "A",
                    capacityGrams: 50_000,
                    priceFenPerKg: 8000,
                    harvestDate: "2026-04-01"
                )
            ],
            policies: [:],
            at: now
        )
        try await commit(fixture, shop: StaffFixture.ownShop, id: ownOrder, sku: "sku-pear", quantity: 2)
        try await commit(fixture, shop: StaffFixture.otherShop, id: otherOrder, sku: "sku-tea", quantity: 1)
        var dependencies = fixture.dependencies
        dependencies.traceBaseURL = traceBase
        let ownCodes = try await fixture.supply.allocations(of: OrderKey(platform: .douyin, shop: StaffFixture.ownShop, platformOrderId: ownOrder))
            .map(\.traceCode)
        let otherCodes = try await fixture.supply.allocations(
            of: OrderKey(platform: .douyin, shop: StaffFixture.otherShop, platformOrderId: otherOrder)
        ).map(\.traceCode)
        return World(fixture: fixture, dependencies: dependencies, ownCodes: ownCodes, otherCodes: otherCodes)
    }

    static func commit(_ fixture: StaffFixture, shop: String, id: String, sku: String, quantity: Int) async throws {
        let inboxId = try await fixture.inbox.append([
            InboxDelivery(
                platform: .douyin,
                shop: shop,
                deliveryId: "pack-\(id)",
                kind: .push,
                receivedAt: Timestamp(secondsSince1970: 2),
                text: "{}"
            )
        ])[0].id
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "2",
            totalFen: 5000,
            paidFen: 5000,
            createdAt: Timestamp(secondsSince1970: 1_764_400_000),
            paidAt: Timestamp(secondsSince1970: 1_764_400_060),
            lines: [OrderLine(lineId: "l1", productId: "p9", skuId: sku, title: "标题 \(sku)", quantity: quantity, paidFen: 5000)],
            buyer: BuyerInfo(maskedName: "王*", maskedPhone: "139****0000", province: "湖南省")
        )
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: shop, platformOrderId: id),
            source: .detail,
            event: "orderDetail",
            platformUpdatedAt: Timestamp(secondsSince1970: 1_764_400_060),
            status: nil,
            snapshot: snapshot
        )
        _ = try await fixture.orders.commit(
            [
                ProcessedDelivery(
                    inboxId: inboxId,
                    deliveryId: "pack-\(id)",
                    observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
                )
            ],
            at: SystemClock.now()
        )
    }

    func get(
        _ client: some TestClientProtocol,
        _ world: World,
        _ caller: StaffFixture.Caller,
        _ uri: String
    ) async throws -> (HTTPResponse.Status, String) {
        let response = try await client.execute(uri: uri, method: .get, headers: world.fixture.headers(caller, console: true))
        return (response.status, String(buffer: response.body))
    }

    @Test func pickListsShowOnlyTheCallersWarehousesAndTheirReservedLines() async throws {
        let world = try await Self.world()
        #expect(world.ownCodes.count == 2)
        #expect(world.otherCodes.count == 1)
        try await buildApplication(world.dependencies, logger: Logger(label: "test")).test(.router) { client in
            let (adminStatus, adminPage) = try await get(client, world, .admin, "/console/pick-lists")
            #expect(adminStatus == .ok)
            #expect(adminPage.contains("/console/pick-lists/yl-w/") && adminPage.contains("/console/pick-lists/ly-w/"))
            let (_, ownChooser) = try await get(client, world, .staffOwn, "/console/pick-lists")
            #expect(ownChooser.contains("/console/pick-lists/yl-w/"))
            #expect(!ownChooser.contains("ly-w"))
            let redirect = try await client.execute(
                uri: "/console/pick-lists?warehouse=yl-w&day=\(Self.day)",
                method: .get,
                headers: world.fixture.headers(.staffOwn, console: true)
            )
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers[.location] == "/console/pick-lists/yl-w/\(Self.day)")

            let (status, page) = try await get(client, world, .staffOwn, "/console/pick-lists/yl-w/\(Self.day)")
            #expect(status == .ok)
            #expect(page.contains(#"data-sku="YL-APPLE""#))
            #expect(page.contains(#"<strong id="pick-total">2</strong>"#))
            #expect(page.contains(Self.ownOrder))
            #expect(!page.contains(Self.otherOrder))
            #expect(page.contains("/console/packing/douyin/\(StaffFixture.ownShop)/\(Self.ownOrder)"))
            #expect(page.contains("/console/labels/pick-lists/yl-w/\(Self.day)"))
            // The day before has none of them (they were paid on the day).
            let (_, before) = try await get(client, world, .staffOwn, "/console/pick-lists/yl-w/2025-11-28")
            #expect(before.contains(#"id="pick-empty""#))

            // Another enterprise's warehouse and an unknown one are not found; a malformed day is a bad request.
            #expect(try await get(client, world, .staffOwn, "/console/pick-lists/ly-w/\(Self.day)").0 == .notFound)
            #expect(try await get(client, world, .staffOther, "/console/pick-lists/ly-w/\(Self.day)").0 == .ok)
            #expect(try await get(client, world, .admin, "/console/pick-lists/nowhere/\(Self.day)").0 == .notFound)
            #expect(try await get(client, world, .admin, "/console/pick-lists/yl-w/yesterday").0 == .badRequest)
            #expect(try await get(client, world, .anonymous, "/console/pick-lists").0 == .seeOther)
        }
    }

    @Test func thePackingViewListsParcelsWithTraceCodesAndIsLinkedFromTheOrder() async throws {
        let world = try await Self.world()
        let packing = "/console/packing/douyin/\(StaffFixture.ownShop)/\(Self.ownOrder)"
        try await buildApplication(world.dependencies, logger: Logger(label: "test")).test(.router) { client in
            let (_, order) = try await get(client, world, .staffOwn, "/console/orders/douyin/\(StaffFixture.ownShop)/\(Self.ownOrder)")
            #expect(order.contains(#"href="\#(packing)""#))
            let (status, page) = try await get(client, world, .staffOwn, packing)
            #expect(status == .ok)
            #expect(page.contains(#"id="packing-warehouses">yl-w<"#))
            for code in world.ownCodes {
                #expect(page.contains(#"data-trace="\#(code)""#))
                #expect(page.contains("/console/labels/\(code)"))
            }
            #expect(page.contains("黄金村"))
            #expect(page.contains("向**"))
            #expect(page.contains("/console/labels/orders/douyin/\(StaffFixture.ownShop)/\(Self.ownOrder)"))
            #expect(try await get(client, world, .staffOther, packing).0 == .notFound)
            #expect(try await get(client, world, .auditor, packing).0 == .ok)
            #expect(try await get(client, world, .admin, "/console/packing/douyin/\(StaffFixture.ownShop)/nope").0 == .notFound)
            #expect(try await get(client, world, .admin, "/console/packing/myspace/\(StaffFixture.ownShop)/\(Self.ownOrder)").0 == .notFound)
        }
    }

    @Test func aLabelIsOnePrintablePageWithTheTraceCodeAndTheQRCodeOfThePublicURL() async throws {
        let world = try await Self.world()
        let code = try #require(world.ownCodes.first)
        try await buildApplication(world.dependencies, logger: Logger(label: "test")).test(.router) { client in
            let (status, page) = try await get(client, world, .staffOwn, "/console/labels/\(code.lowercased())")
            #expect(status == .ok)
            #expect(page.contains("@page { size: 100mm 150mm; margin: 0 }"))
            #expect(page.components(separatedBy: #"<section class="label""#).count == 2)
            #expect(page.contains(#"<p class="code">\#(code)</p>"#))
            #expect(page.contains(#"data-url="\#(Self.traceBase)/trace/\#(code)""#))
            #expect(page.contains("<svg"))
            #expect(page.contains("苹果"))
            #expect(page.contains(#"<dd class="grade">A</dd>"#))
            #expect(page.contains(#"<dd class="village">黄金村</dd>"#))
            // The household did not agree to its name: masked, as on the public trace page.
            #expect(page.contains(#"<dd class="grower">向**</dd>"#))
            #expect(!page.contains("向大山"))
            #expect(!page.contains("<nav"))

            // Outside the caller's enterprise, unknown, malformed: the same 404 page.
            #expect(try await get(client, world, .staffOther, "/console/labels/\(code)").0 == .notFound)
            let other = try #require(world.otherCodes.first)
            #expect(try await get(client, world, .staffOwn, "/console/labels/\(other)").0 == .notFound)
            #expect(try await get(client, world, .staffOther, "/console/labels/\(other)").0 == .ok)
            #expect(try await get(client, world, .admin, "/console/labels/0000000000").0 == .notFound)
            let (malformed, notFoundPage) = try await get(client, world, .admin, "/console/labels/not-a-code")
            #expect(malformed == .notFound)
            #expect(notFoundPage.contains("<html"))
            #expect(try await get(client, world, .anonymous, "/console/labels/\(code)").0 == .seeOther)
        }
    }

    @Test func anOrdersAndAPickListsLabelsAreOneDocumentWithAPageEach() async throws {
        let world = try await Self.world()
        try await buildApplication(world.dependencies, logger: Logger(label: "test")).test(.router) { client in
            let orderLabels = "/console/labels/orders/douyin/\(StaffFixture.ownShop)/\(Self.ownOrder)"
            let (status, page) = try await get(client, world, .staffOwn, orderLabels)
            #expect(status == .ok)
            #expect(page.components(separatedBy: #"<section class="label""#).count == world.ownCodes.count + 1)
            #expect(page.contains("break-after: page"))
            for code in world.ownCodes { #expect(page.contains(#"data-trace="\#(code)""#)) }
            #expect(try await get(client, world, .staffOther, orderLabels).0 == .notFound)

            let (listStatus, list) = try await get(client, world, .staffOwn, "/console/labels/pick-lists/yl-w/\(Self.day)")
            #expect(listStatus == .ok)
            for code in world.ownCodes { #expect(list.contains(#"data-trace="\#(code)""#)) }
            for code in world.otherCodes { #expect(!list.contains(code)) }
            #expect(try await get(client, world, .staffOwn, "/console/labels/pick-lists/ly-w/\(Self.day)").0 == .notFound)
        }
    }
}
