import GatewayCore
import GatewayHTTP
import GatewayPipeline
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every `/api/v1` endpoint and console page × every caller (admin, staff of the order's enterprise, staff of another
/// enterprise, auditor, nobody) → the expected status. The order and shop in the paths belong to `yunlai` (the "own" enterprise).
///
/// To cover a new endpoint, add one `Endpoint` to ``endpoints`` with the expectation that fits
/// (`.readOwn`, `.writeOwn`, `.anyStaff`, `.adminOnly`, or an explicit `Expectation(...)`).
@Suite struct AuthorizationMatrixTests {
    /// Expected status per caller.
    struct Expectation: Sendable {
        var admin: Int
        var staffOwn: Int
        var staffOther: Int
        var auditor: Int
        var anonymous: Int

        func status(for caller: StaffFixture.Caller) -> Int {
            switch caller {
            case .admin: admin
            case .staffOwn: staffOwn
            case .staffOther: staffOther
            case .auditor: auditor
            case .anonymous: anonymous
            }
        }

        /// Reading the own enterprise's data: everyone but the other enterprise's staff.
        static func readOwn(console: Bool) -> Expectation {
            Expectation(admin: 200, staffOwn: 200, staffOther: 403, auditor: 200, anonymous: console ? 303 : 401)
        }
        /// Changing the own enterprise's data: admin and its own staff; auditors never.
        static func writeOwn(console: Bool) -> Expectation {
            Expectation(admin: 200, staffOwn: 200, staffOther: 403, auditor: 403, anonymous: console ? 303 : 401)
        }
        /// Any signed-in caller (results are scoped, not refused).
        static func anyStaff(console: Bool) -> Expectation {
            Expectation(admin: 200, staffOwn: 200, staffOther: 200, auditor: 200, anonymous: console ? 303 : 401)
        }
        /// Admins only.
        static func adminOnly(console: Bool) -> Expectation {
            Expectation(admin: 200, staffOwn: 403, staffOther: 403, auditor: 403, anonymous: console ? 303 : 401)
        }
    }

    struct Endpoint: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        /// Console pages use the session cookie (and `_csrf` on POST); API endpoints a bearer token.
        var console: Bool
        var expect: Expectation
        /// A form or JSON body; for console POSTs `_csrf=…` is added.
        var body: String? = nil

        var description: String { "\(method) \(path)" }
    }

    static let own = "douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)"

    static let endpoints: [Endpoint] = [
        // Staff API
        Endpoint(method: .get, path: "/api/v1/orders", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/orders?shop=\(StaffFixture.ownShop)", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/orders/\(own)", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/orders/\(own)?payloads=false", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/me", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/audit", console: false, expect: .anyStaff(console: false)),
        // Inventory (exception #1 holds the own shop's order; yl-w / YL-APPLE are the own enterprise's)
        Endpoint(method: .get, path: "/api/v1/inventory", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/inventory?enterprise=yunlai", console: false, expect: .readOwn(console: false)),
        Endpoint(
            method: .post,
            path: "/api/v1/stock",
            console: false,
            expect: .writeOwn(console: false),
            body: #"{"warehouse_id":"yl-w","sku_code":"YL-APPLE","on_hand":9}"#
        ),
        Endpoint(method: .get, path: "/api/v1/sku-mappings", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/sku-mappings?shop=\(StaffFixture.ownShop)", console: false, expect: .readOwn(console: false)),
        Endpoint(
            method: .post,
            path: "/api/v1/sku-mappings",
            console: false,
            expect: .writeOwn(console: false),
            body: #"{"shop":"\#(StaffFixture.ownShop)","platform_sku_id":"sku-pear","components":[{"sku_code":"YL-APPLE","quantity":1}]}"#
        ),
        Endpoint(
            method: .post,
            path: "/api/v1/skus",
            console: false,
            expect: .writeOwn(console: false),
            body: #"{"code":"YL-PEAR","enterprise_id":"yunlai","product":"pear","grade":"A","net_weight_grams":2500}"#
        ),
        Endpoint(
            method: .post,
            path: "/api/v1/warehouses",
            console: false,
            expect: .writeOwn(console: false),
            body: #"{"id":"yl-w2","enterprise_id":"yunlai","regions":["*"]}"#
        ),
        Endpoint(method: .get, path: "/api/v1/exceptions", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/exceptions?shop=\(StaffFixture.ownShop)", console: false, expect: .readOwn(console: false)),
        Endpoint(
            method: .post,
            path: "/api/v1/exceptions/1/resolve",
            console: false,
            expect: .writeOwn(console: false),
            body: #"{"note":"handled by phone","dismiss":true}"#
        ),
        Endpoint(method: .get, path: "/api/v1/live-events", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/live-events/\(StaffFixture.liveEventId)", console: false, expect: .anyStaff(console: false)),
        // Farmer supply (H1 / L1 supply the own enterprise)
        Endpoint(method: .get, path: "/api/v1/households", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/households/H1", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/households/H1/allocations", console: false, expect: .readOwn(console: false)),
        Endpoint(
            method: .post,
            path: "/api/v1/households/H1/payments",
            console: false,
            expect: .adminOnly(console: false),
            body: #"{"period":"2026-11"}"#
        ),
        Endpoint(method: .get, path: "/api/v1/reports/impact", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/reports/impact?enterprise=yunlai&format=csv", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/purchase-plans?enterprise=yunlai", console: false, expect: .readOwn(console: false)),
        Endpoint(
            method: .post,
            path: "/api/v1/supply-lots/L1",
            console: false,
            expect: .writeOwn(console: false),
            body: #"{"capacity_grams":600000}"#
        ),
        Endpoint(method: .get, path: "/console/exceptions.csv", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/households.csv", console: true, expect: .anyStaff(console: true)),
        // Reconciliation (run 1 is a statement of the own shop, seeded by the fixture)
        Endpoint(method: .get, path: "/api/v1/reconciliation/runs", console: false, expect: .anyStaff(console: false)),
        Endpoint(method: .get, path: "/api/v1/reconciliation/runs?shop=\(StaffFixture.ownShop)", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/reconciliation/runs/1", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/reconciliation/runs/1/lines", console: false, expect: .readOwn(console: false)),
        Endpoint(method: .get, path: "/api/v1/reconciliation/runs/1/lines?format=csv", console: false, expect: .readOwn(console: false)),
        Endpoint(
            method: .post,
            path: "/api/v1/reconciliation/runs?platform=douyin&shop=\(StaffFixture.ownShop)&format=generic",
            console: false,
            expect: Expectation(admin: 201, staffOwn: 201, staffOther: 403, auditor: 403, anonymous: 401),
            body: "platform_order_id,amount_yuan\n\(StaffFixture.orderId),25.9\n7000000000000000001,3.5\n"
        ),
        Endpoint(
            method: .post,
            path: "/api/v1/reconciliation/runs/1/lines/1/resolve",
            console: false,
            expect: .writeOwn(console: false),
            body: #"{"reason":"platform-adjustment","note":"checked"}"#
        ),
        Endpoint(method: .get, path: "/api/v1/orders/\(own)/shipments", console: false, expect: .readOwn(console: false)),
        Endpoint(
            method: .post,
            path: "/api/v1/orders/\(own)/shipments",
            console: false,
            // The fixture's line is held (unmapped): a permitted caller gets the refusal, not the shipment.
            expect: Expectation(admin: 422, staffOwn: 422, staffOther: 403, auditor: 403, anonymous: 401),
            body: #"{"courier":"SF","tracking_no":"SF1234567890"}"#
        ),
        Endpoint(method: .get, path: "/api/v1/write-backs?needs_staff=true", console: false, expect: .anyStaff(console: false)),
        // Console
        Endpoint(method: .get, path: "/console/reconciliation/runs/1", console: true, expect: .readOwn(console: true)),
        Endpoint(method: .get, path: "/console/reconciliation/runs/1/lines.csv", console: true, expect: .readOwn(console: true)),
        Endpoint(
            method: .post,
            path: "/console/reconciliation/runs/1/lines/1/resolve",
            console: true,
            expect: Expectation(admin: 303, staffOwn: 303, staffOther: 403, auditor: 403, anonymous: 303),
            body: "reason=platform-adjustment&note=ok"
        ),
        Endpoint(
            method: .post,
            path: "/console/reconciliation/import",
            console: true,
            expect: Expectation(admin: 303, staffOwn: 303, staffOther: 403, auditor: 403, anonymous: 303),
            body: "shop=\(StaffFixture.ownShop)&format=generic&text=platform_order_id%2Camount_yuan%0A\(StaffFixture.orderId)%2C25.9%0A"
        ),
        Endpoint(method: .get, path: "/console/orders", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/orders?shop=\(StaffFixture.ownShop)", console: true, expect: .readOwn(console: true)),
        Endpoint(method: .get, path: "/console/orders/\(own)", console: true, expect: .readOwn(console: true)),
        Endpoint(method: .get, path: "/console/orders.csv", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/orders.csv?shop=\(StaffFixture.ownShop)", console: true, expect: .readOwn(console: true)),
        Endpoint(method: .get, path: "/console/board", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/exceptions", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/inventory", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/households", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/reconciliation", console: true, expect: .anyStaff(console: true)),
        Endpoint(method: .get, path: "/console/api", console: true, expect: .anyStaff(console: true)),
    ]

    static let cases: [(Endpoint, StaffFixture.Caller)] = endpoints.flatMap { endpoint in StaffFixture.Caller.allCases.map { (endpoint, $0) } }

    @Test(arguments: cases)
    func endpointAnswersEachCallerAsExpected(_ endpoint: Endpoint, _ caller: StaffFixture.Caller) async throws {
        let fixture = try await StaffFixture.make()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            var headers = fixture.headers(caller, console: endpoint.console)
            var body: ByteBuffer? = nil
            if let text = endpoint.body {
                let payload = endpoint.console ? "_csrf=\(fixture.csrf(caller))&" + text : text
                body = ByteBuffer(string: payload)
                headers[.contentType] = endpoint.console ? "application/x-www-form-urlencoded" : "application/json"
            }
            let response = try await client.execute(uri: endpoint.path, method: endpoint.method, headers: headers, body: body)
            #expect(
                Int(response.status.code) == endpoint.expect.status(for: caller),
                "\(endpoint) as \(caller): \(response.status) \(String(buffer: response.body).prefix(200))"
            )
            if caller == .anonymous && endpoint.console {
                #expect(response.headers[.location]?.hasPrefix("/console/login?next=") == true)
            }
            if caller == .anonymous && !endpoint.console {
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }

    /// Staff of another enterprise (`linyin`) aim every writable object of `yunlai` by its id or code; each write is
    /// refused and the row is unchanged afterwards. Unstocked objects (`YL-PEAR`, `yl-w2`) are the ones an upsert could
    /// otherwise take over.
    @Test func staffOfAnotherEnterpriseCannotWriteTheOwnEnterprisesObjects() async throws {
        let fixture = try await StaffFixture.make()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            func post(_ path: String, _ body: String, as caller: StaffFixture.Caller) async throws -> TestResponse {
                var headers = fixture.headers(caller, console: false)
                headers[.contentType] = "application/json"
                return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            // The own enterprise adds an unstocked SKU and warehouse.
            let pear = #"{"code":"YL-PEAR","enterprise_id":"yunlai","product":"pear","grade":"A","net_weight_grams":2500}"#
            #expect(try await post("/api/v1/skus", pear, as: .staffOwn).status == .ok)
            #expect(try await post("/api/v1/warehouses", #"{"id":"yl-w2","enterprise_id":"yunlai","regions":["*"]}"#, as: .staffOwn).status == .ok)
            let before = try await fixture.inventory.masterData()
            let stockBefore = try await fixture.inventory.inventory(enterpriseId: nil).map(\.level)

            let attempts: [(String, String)] = [
                ("/api/v1/skus", #"{"code":"YL-PEAR","enterprise_id":"linyin","product":"tea","grade":"B","net_weight_grams":1000}"#),
                ("/api/v1/skus", #"{"code":"YL-APPLE","enterprise_id":"linyin","product":"tea","grade":"B","net_weight_grams":1000}"#),
                ("/api/v1/warehouses", #"{"id":"yl-w2","enterprise_id":"linyin","name":"taken","regions":["*"]}"#),
                ("/api/v1/warehouses", #"{"id":"yl-w","enterprise_id":"linyin","name":"taken","regions":["*"]}"#),
                ("/api/v1/stock", #"{"warehouse_id":"yl-w","sku_code":"YL-APPLE","on_hand":0}"#),
                ("/api/v1/stock", #"{"warehouse_id":"yl-w","sku_code":"LY-TEA","on_hand":5}"#),
                (
                    "/api/v1/sku-mappings",
                    #"{"shop":"\#(StaffFixture.ownShop)","platform_sku_id":"sku-apple","components":[{"sku_code":"LY-TEA","quantity":1}]}"#
                ),
                ("/api/v1/supply-lots/L1", #"{"capacity_grams":1000}"#),
                ("/api/v1/exceptions/1/resolve", #"{"note":"not mine","dismiss":true}"#),
            ]
            for (path, body) in attempts {
                let response = try await post(path, body, as: .staffOther)
                #expect([403, 404, 422].contains(Int(response.status.code)), "\(path) \(body): \(response.status)")
                #expect(response.status != .ok, "\(path) \(body)")
            }
            let after = try await fixture.inventory.masterData()
            #expect(after.skus == before.skus)
            #expect(after.warehouses == before.warehouses)
            #expect(after.mappings == before.mappings)
            #expect(try await fixture.inventory.inventory(enterpriseId: nil).map(\.level) == stockBefore)
            #expect(try await fixture.inventory.exception(id: 1)?.status == .open)
            #expect(try await fixture.supply.lots(enterpriseId: nil).first { $0.id == "L1" }?.capacityGrams == 500_000)
            // Admins may still change any enterprise's objects.
            #expect(
                try await post("/api/v1/warehouses", #"{"id":"yl-w2","enterprise_id":"yunlai","name":"renamed","regions":["*"]}"#, as: .admin).status
                    == .ok
            )
        }
    }

    @Test func listsAndExportsShowOnlyTheCallersEnterprise() async throws {
        let fixture = try await StaffFixture.make()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            for (caller, own, other) in [
                (StaffFixture.Caller.staffOwn, true, false), (.staffOther, false, true), (.admin, true, true), (.auditor, true, true),
            ] {
                let api = String(
                    buffer: try await client.execute(uri: "/api/v1/orders", method: .get, headers: fixture.headers(caller, console: false)).body
                )
                #expect(api.contains(StaffFixture.orderId) == own, "\(caller) API list")
                #expect(api.contains("\"\(StaffFixture.otherOrderId)\"") == other, "\(caller) API list")
                let page = String(
                    buffer: try await client.execute(uri: "/console/orders", method: .get, headers: fixture.headers(caller, console: true)).body
                )
                #expect(page.contains(StaffFixture.orderId) == own, "\(caller) console list")
                #expect(page.contains(">\(StaffFixture.otherOrderId)<") == other, "\(caller) console list")
                let csv = String(
                    buffer: try await client.execute(uri: "/console/orders.csv", method: .get, headers: fixture.headers(caller, console: true)).body
                )
                #expect(csv.contains(StaffFixture.orderId) == own, "\(caller) CSV")
                #expect(csv.contains(StaffFixture.otherShop) == other, "\(caller) CSV")
            }
        }
    }

    @Test func tokensAndSessionsStopWorkingWhenRevokedOrDisabled() async throws {
        let fixture = try await StaffFixture.make()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            let bootstrap = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer bootstrap-admin-token"])
            #expect(bootstrap.status == .ok)
            #expect(String(buffer: bootstrap.body).contains("\"role\":\"admin\""))
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer nope"]).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Basic eDp5"]).status == .unauthorized)
            // A session cookie also works on the API (GET only).
            let viaCookie = try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(String(buffer: viaCookie.body).contains("\"method\":\"session\""))

            let tokens = try await fixture.staff.tokens(username: "auditor")
            _ = try await fixture.staff.revokeToken(id: try #require(tokens.first).id, at: SystemClock.now())
            #expect(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.headers(.auditor, console: false)).status == .unauthorized
            )

            _ = try await fixture.staff.setDisabled(username: "staffOwn", true)
            #expect(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.headers(.staffOwn, console: false)).status == .unauthorized
            )
            #expect(
                try await client.execute(uri: "/console/orders", method: .get, headers: fixture.headers(.staffOwn, console: true)).status == .seeOther
            )
        }
    }

    /// A password change ends every session and API token of the user; so does disabling, and re-enabling does not
    /// bring them back.
    @Test func passwordChangeAndDisableEndEverySessionAndToken() async throws {
        let fixture = try await StaffFixture.make()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            func works(_ caller: StaffFixture.Caller) async throws -> (token: Bool, session: Bool) {
                let token = try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.headers(caller, console: false))
                let page = try await client.execute(uri: "/console/orders", method: .get, headers: fixture.headers(caller, console: true))
                return (token.status == .ok, page.status == .ok)
            }
            #expect(try await works(.staffOwn) == (true, true))
            #expect(try await works(.auditor) == (true, true))
            #expect(try await fixture.staff.setPasswordHash(username: "staffOwn", StaffSecrets.hashPassword("another password", cost: 4)))
            #expect(try await works(.staffOwn) == (false, false))
            _ = try await fixture.staff.setDisabled(username: "auditor", true)
            #expect(try await works(.auditor) == (false, false))
            _ = try await fixture.staff.setDisabled(username: "auditor", false)
            #expect(try await works(.auditor) == (false, false))
            // Others are untouched.
            #expect(try await works(.admin) == (true, true))
        }
    }

    @Test func consoleFormPostsWithoutTheCSRFTokenAreRejected() async throws {
        let fixture = try await StaffFixture.make()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            var headers = fixture.headers(.admin, console: true)
            headers[.contentType] = "application/x-www-form-urlencoded"
            let missing = try await client.execute(uri: "/console/logout", method: .post, headers: headers, body: ByteBuffer(string: ""))
            #expect(missing.status == .forbidden)
            #expect(String(buffer: missing.body).contains("<html"))
            let wrong = try await client.execute(
                uri: "/console/logout",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "_csrf=\(fixture.csrf(.auditor))")
            )
            #expect(wrong.status == .forbidden)
            // The session still works: nothing was done.
            #expect(try await client.execute(uri: "/console/orders", method: .get, headers: fixture.headers(.admin, console: true)).status == .ok)
            // The login form is CSRF-checked too (double-submit cookie).
            let login = try await client.execute(
                uri: "/console/login",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=admin&password=\(StaffFixture.password)")
            )
            #expect(login.status == .forbidden)
            // With the right token, logout works and ends the session.
            let logout = try await client.execute(
                uri: "/console/logout",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "_csrf=\(fixture.csrf(.admin))")
            )
            #expect(logout.status == .seeOther)
            #expect(
                try await client.execute(uri: "/console/orders", method: .get, headers: fixture.headers(.admin, console: true)).status == .seeOther
            )
            #expect(try await fixture.audit.entries(subject: "user:admin", limit: 10).map(\.action).contains("session.logout"))
        }
    }
}
