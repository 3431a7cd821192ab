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

/// The inventory, exception, live-event, household and trace routes through the real router on a
/// real (in-memory) SQLite store.
@Suite struct InventoryAPITests {
    static let token = "inventory-admin-token"

    struct World: @unchecked Sendable {
        let dependencies: GatewayHTTPDependencies
        let orders: SQLiteDatabase
        let inventory: SQLiteDatabase
        let supply: SQLiteDatabase
        let inbox: SQLiteInboxStore
    }

    static func world() async throws -> World {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore(database: database, startingWriter: true)
        let orders = database
        let inventory = database
        let supply = database
        let seed = MasterDataSeed(
            masterData: MasterData(
                enterprises: [Enterprise(id: "yunlai", name: "湘西云来农业")],
                warehouses: [Warehouse(id: "bj", enterpriseId: "yunlai", name: "保靖仓", regions: ["*"], priority: 1)],
                skus: [EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "保靖椪柑 5kg")]
            ),
            stock: [StockLevel(warehouseId: "bj", skuCode: "PG5A", onHand: 10, safety: 2)],
            liveEvents: [
                LiveEvent(
                    id: "live-1",
                    title: "县长直播",
                    roomIds: ["R1"],
                    startsAt: Timestamp(secondsSince1970: 0),
                    endsAt: Timestamp(secondsSince1970: 10)
                )
            ]
        )
        _ = try await inventory.seed(seed, at: Timestamp(secondsSince1970: 1))
        _ = try await supply.seedSupply(
            households: [Household(id: "H1", name: "向大山", village: "黄金村", registeredPoor: true, members: 4)],
            lots: [
                SupplyLot(
                    id: "L1",
                    householdId: "H1",
                    enterpriseId: "yunlai",
                    product: "ponkan",
                    grade: "A",
                    capacityGrams: 100_000,
                    priceFenPerKg: 400,
                    harvestDate: "2026-11-20"
                )
            ],
            policies: [:],
            at: Timestamp(secondsSince1970: 1)
        )
        let dependencies = GatewayHTTPDependencies(
            receivers: [:],
            platforms: ["yunlai-douyin": .douyin],
            inbox: inbox,
            orders: orders,
            apiTokens: [token],
            maxBodyBytes: 4096,
            metricsRegistry: GatewayMetrics.registry,
            clock: SystemClock.now,
            shopEnterprises: ["yunlai-douyin": "yunlai"],
            inventory: inventory,
            supply: supply
        )
        return World(
            dependencies: dependencies,
            orders: orders,
            inventory: inventory,
            supply: supply,
            inbox: inbox
        )
    }

    static func order(_ world: World, id: String, status: OrderStatus, at seconds: Int64) async throws {
        let inboxId = try await world.inbox.append([
            InboxDelivery(
                platform: .douyin,
                shop: "yunlai-douyin",
                deliveryId: "\(id)-\(status)",
                kind: .push,
                receivedAt: Timestamp(secondsSince1970: 1),
                text: "{}"
            )
        ])[0].id
        let snapshot = OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: 7980,
            paidFen: 7980,
            createdAt: Timestamp(secondsSince1970: 5),
            paidAt: Timestamp(secondsSince1970: 6),
            lines: [OrderLine(lineId: "1", productId: "G1", skuId: "P-5KG", title: "椪柑 5kg", quantity: 2, paidFen: 7980)],
            liveRoomId: "R1"
        )
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "yunlai-douyin", platformOrderId: id),
            source: .detail,
            event: status.rawValue,
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            snapshot: snapshot
        )
        _ = try await world.orders.commit(
            [
                ProcessedDelivery(
                    inboxId: inboxId,
                    deliveryId: "\(id)-\(status)",
                    observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
                )
            ],
            at: Timestamp(secondsSince1970: seconds)
        )
    }

    func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
    }

    @Test func unmappedOrderIsHeldUntilTheMappingIsPostedThenStockAndLiveFiguresShowIt() async throws {
        let world = try await Self.world()
        try await Self.order(world, id: "6900000000000000001", status: .paid, at: 10)
        let app = buildApplication(world.dependencies, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let auth: HTTPFields = [.authorization: "Bearer \(Self.token)", .contentType: "application/json"]
            let open = try await client.execute(uri: "/api/v1/exceptions?status=open", method: .get, headers: auth)
            let exceptions = json(open)["items"] as? [[String: Any]] ?? []
            #expect(exceptions.count == 1)
            #expect(exceptions.first?["kind"] as? String == "unmapped_sku")
            let id = exceptions.first?["id"] as? String ?? "-1"

            // Resolving before the cause is fixed: 409 with the reason.
            let early = try await client.execute(
                uri: "/api/v1/exceptions/\(id)/resolve",
                method: .post,
                headers: auth,
                body: ByteBuffer(string: #"{"note":"retry"}"#)
            )
            #expect(early.status == .conflict)
            let noNote = try await client.execute(
                uri: "/api/v1/exceptions/\(id)/resolve",
                method: .post,
                headers: auth,
                body: ByteBuffer(string: #"{"note":" "}"#)
            )
            #expect(noNote.status == .badRequest)

            // Adding the mapping releases the held order at once.
            let mapping =
                #"{"shop":"yunlai-douyin","platform_sku_id":"P-5KG","platform_product_id":"G1","components":[{"sku_code":"PG5A","quantity":1}]}"#
            let posted = try await client.execute(uri: "/api/v1/sku-mappings", method: .post, headers: auth, body: ByteBuffer(string: mapping))
            #expect(posted.status == .ok)
            #expect(json(posted)["orders_rerun"] as? Int == 1)
            let afterMapping = try await client.execute(uri: "/api/v1/exceptions?status=open", method: .get, headers: auth)
            #expect((json(afterMapping)["items"] as? [Any])?.isEmpty == true)
            let badMapping = #"{"shop":"yunlai-douyin","platform_sku_id":"X","components":[{"sku_code":"NOPE"}]}"#
            #expect(
                try await client.execute(uri: "/api/v1/sku-mappings", method: .post, headers: auth, body: ByteBuffer(string: badMapping)).status
                    == .unprocessableContent
            )

            // Inventory: 2 reserved of 10, safety 2 → 6 available.
            let stock = try await client.execute(uri: "/api/v1/inventory", method: .get, headers: auth)
            let row = (json(stock)["items"] as? [[String: Any]])?.first
            #expect(row?["reserved"] as? Int == 2)
            #expect(row?["available"] as? Int == 6)
            let set = try await client.execute(
                uri: "/api/v1/stock",
                method: .post,
                headers: auth,
                body: ByteBuffer(string: #"{"warehouse_id":"bj","sku_code":"PG5A","on_hand":3}"#)
            )
            #expect(set.status == .ok)
            let after = try await client.execute(uri: "/api/v1/inventory", method: .get, headers: auth)
            #expect((json(after)["items"] as? [[String: Any]])?.first?["available"] as? Int == 0)

            // Live event figures by room id.
            let live = try await client.execute(uri: "/api/v1/live-events/live-1", method: .get, headers: auth)
            #expect(json(live)["orders"] as? Int == 1)
            #expect(json(live)["gmv_fen"] as? Int == 7980)
            #expect(try await client.execute(uri: "/api/v1/live-events/none", method: .get, headers: auth).status == .notFound)
            let inEvent = try await client.execute(uri: "/api/v1/orders?live_event=live-1", method: .get, headers: auth)
            #expect((json(inEvent)["items"] as? [Any])?.count == 1)
            let otherEvent = try await client.execute(uri: "/api/v1/orders?live_event=other", method: .get, headers: auth)
            #expect((json(otherEvent)["items"] as? [Any])?.isEmpty == true)

            // The household supplied the two parcels; its ledger shows 10 kg and 40 yuan due.
            let household = try await client.execute(uri: "/api/v1/households/H1", method: .get, headers: auth)
            let ledger = json(household)["ledger"] as? [String: Any]
            #expect(ledger?["supplied_grams"] as? Int == 10_000)
            #expect(ledger?["income_fen"] as? Int == 4000)
            #expect(ledger?["parcels"] as? Int == 2)
            let parcels = try await client.execute(uri: "/api/v1/households/H1/allocations?limit=1", method: .get, headers: auth)
            #expect((json(parcels)["items"] as? [[String: Any]])?.first?["weight_grams"] as? Int == 5000)
            #expect(json(parcels)["next"] as? String != nil)
            let impact = try await client.execute(uri: "/api/v1/reports/impact?enterprise=yunlai&format=csv", method: .get, headers: auth)
            #expect(String(buffer: impact.body).contains("yunlai"))

            // Capacity during the season: never below what is allocated (10 kg here).
            let lower = try await client.execute(
                uri: "/api/v1/supply-lots/L1",
                method: .post,
                headers: auth,
                body: ByteBuffer(string: #"{"capacity_grams":5000}"#)
            )
            #expect(lower.status == .unprocessableContent)
            let raise = try await client.execute(
                uri: "/api/v1/supply-lots/L1",
                method: .post,
                headers: auth,
                body: ByteBuffer(string: #"{"capacity_grams":250500}"#)
            )
            #expect(raise.status == .ok)
            #expect(try await world.supply.lots(enterpriseId: "yunlai").first?.capacityGrams == 250_500)

            // Master data through the API: a new SKU and warehouse, a bad weight refused.
            let sku = #"{"code":"KIWI3","enterprise_id":"yunlai","product":"kiwi","grade":"A","net_weight_grams":3000,"title":"猕猴桃 3kg"}"#
            #expect(try await client.execute(uri: "/api/v1/skus", method: .post, headers: auth, body: ByteBuffer(string: sku)).status == .ok)
            let badSku = #"{"code":"X","enterprise_id":"yunlai","product":"kiwi","net_weight_grams":"three"}"#
            #expect(
                try await client.execute(uri: "/api/v1/skus", method: .post, headers: auth, body: ByteBuffer(string: badSku)).status == .badRequest
            )
            let warehouse = #"{"id":"cs","enterprise_id":"yunlai","name":"长沙仓","regions":["湖南"],"priority":1}"#
            #expect(
                try await client.execute(uri: "/api/v1/warehouses", method: .post, headers: auth, body: ByteBuffer(string: warehouse)).status == .ok
            )
            #expect(try await world.inventory.masterData().skus["KIWI3"]?.netWeightGrams == 3000)
            #expect(try await world.inventory.masterData().warehouses["cs"]?.regions == ["湖南"])

            // Unauthenticated → 401.
            #expect(try await client.execute(uri: "/api/v1/inventory", method: .get).status == .unauthorized)
        }
    }

    @Test func tracePageResolvesShippedParcelsOnly() async throws {
        let world = try await Self.world()
        _ = try await world.inventory.apply(
            MasterDataSeed(
                masterData: MasterData(mappings: [
                    SkuMapping(shop: "yunlai-douyin", platformSkuId: "P-5KG", components: [SkuComponent(skuCode: "PG5A")])
                ])
            ),
            actor: "test",
            at: Timestamp(secondsSince1970: 2)
        )
        try await Self.order(world, id: "6900000000000000002", status: .paid, at: 10)
        let code = try #require(
            try await world.supply.allocations(of: OrderKey(platform: .douyin, shop: "yunlai-douyin", platformOrderId: "6900000000000000002")).first?
                .traceCode
        )
        let app = buildApplication(world.dependencies, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/trace/\(code)", method: .get).status == .notFound)
            try await Self.order(world, id: "6900000000000000002", status: .shipped, at: 20)
            let page = try await client.execute(uri: "/trace/\(code)", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("黄金村") && html.contains("向**") && !html.contains("向大山"))
            #expect(html.contains("建档立卡户"))
            // The public page carries the security headers of the console's pages.
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let english = try await client.execute(uri: "/trace/\(code)?lang=en", method: .get)
            #expect(String(buffer: english.body).contains("Grown by"))
            #expect(try await client.execute(uri: "/trace/0000000000", method: .get).status == .notFound)
            // The order detail carries the line's stock and its parcels' households and trace codes.
            let detail = try await client.execute(
                uri: "/api/v1/orders/douyin/yunlai-douyin/6900000000000000002?payloads=false",
                method: .get,
                headers: [.authorization: "Bearer \(Self.token)"]
            )
            let body = json(detail)
            #expect((body["reservations"] as? [[String: Any]])?.first?["state"] as? String == "consumed")
            #expect((body["allocations"] as? [[String: Any]])?.compactMap { $0["trace_code"] as? String }.contains(code) == true)
        }
    }
}

/// The live board with a real live event: the chart, the GMV and the scoping.
@Suite struct LiveBoardConsoleTests {
    @Test func boardShowsTheEventsOrdersPerMinuteChartAndGmvScopedToTheCaller() async throws {
        let fixture = try await StaffFixture.make()
        let app = fixture.application()
        try await app.test(.router) { client in
            let admin = try await client.execute(
                uri: "/console/board?event=\(StaffFixture.liveEventId)",
                method: .get,
                headers: fixture.headers(.admin, console: true)
            )
            #expect(admin.status == .ok)
            let page = String(buffer: admin.body)
            #expect(page.contains("<svg"))
            #expect(page.contains("51.80"), "both shops' paid orders: 2 × ¥25.90")
            let staff = try await client.execute(
                uri: "/console/board?event=\(StaffFixture.liveEventId)",
                method: .get,
                headers: fixture.headers(.staffOwn, console: true)
            )
            let staffPage = String(buffer: staff.body)
            #expect(staffPage.contains("25.90") && !staffPage.contains("51.80"), "staff see only their enterprise's orders")
            let search = try await client.execute(
                uri: "/console/orders?event=\(StaffFixture.liveEventId)",
                method: .get,
                headers: fixture.headers(.admin, console: true)
            )
            #expect(String(buffer: search.body).contains(StaffFixture.orderId))
        }
    }
}

/// Every console list exports as CSV, scoped like the page.
@Suite struct ConsoleExportTests {
    @Test(arguments: ["/console/orders.csv", "/console/exceptions.csv?status=all", "/console/inventory.csv", "/console/households.csv"])
    func listExportsAsCsv(path: String) async throws {
        let fixture = try await StaffFixture.make()
        let app = fixture.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(String(buffer: response.body).split(separator: "\r\n").count >= 1)
            let anonymous = try await client.execute(uri: path, method: .get)
            #expect(anonymous.status != .ok)
        }
    }
}
