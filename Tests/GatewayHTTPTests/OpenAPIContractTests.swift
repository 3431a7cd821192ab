import Foundation
import GatewayCore
import GatewayRuntime
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import GatewayHTTP

/// The staff API as a contract (issue #15): the OpenAPI document agrees with the router and the README, every
/// answer speaks one dialect (errors, paging, times, CSV columns). schemathesis checks the rest against a live
/// gateway in CI (`scripts/api-contract.sh`).
@Suite struct OpenAPIContractTests {
    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
    }

    static func error(_ response: TestResponse) -> (code: String?, message: String?) {
        let error = json(response)["error"] as? [String: Any]
        return (error?["code"] as? String, error?["message"] as? String)
    }

    @Test func theBundledDocumentParsesAsOpenAPI31() throws {
        let document = OpenAPIDocument.bundled
        #expect(document.root["openapi"]?.stringValue == "3.1.0")
        #expect(document.operations.count >= 27)
        #expect(Set(document.operations.map(\.operationId)).count == document.operations.count, "operation ids are unique")
        #expect(document.operations.allSatisfy { !$0.summary.isEmpty && !$0.tag.isEmpty })
        // Every error code the API can answer is listed in the document's Error schema, and nothing else.
        let codes = document.root["components"]?["schemas"]?["Error"]?["properties"]?["error"]?["properties"]?["code"]?["enum"]?.arrayValue
        #expect(Set(codes?.compactMap(\.stringValue) ?? []) == Set(APIErrorCode.allCases.map(\.rawValue)))
        // Local references all resolve.
        let text = document.json
        let references = text.components(separatedBy: "\"$ref\": \"").dropFirst().compactMap { $0.split(separator: "\"").first }
        for reference in Set(references) {
            #expect(document.resolve(.object([.init("$ref", .string(String(reference)))]))["$ref"] == nil, "\(reference)")
        }
    }

    /// Every route registered under `/api/v1` is documented with the same method, and every documented operation is routed.
    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() async throws {
        let fixture = try await StaffFixture.make()
        let routed = Set(
            fixture.router.routes.map { "\($0.method.rawValue) \($0.path.description)" }.filter {
                $0.contains(" /api/v1/") || $0.hasSuffix(" /api/v1")
            }
        )
        let documented = Set(OpenAPIDocument.bundled.operations.map { "\($0.method.rawValue) \($0.path)" })
        #expect(routed.subtracting(documented).sorted() == [], "routed but not documented")
        #expect(documented.subtracting(routed).sorted() == [], "documented but not routed")
        #expect(routed.count == documented.count)
    }

    /// The README's endpoint table is the document's (`swift run gateway openapi --format markdown` regenerates it).
    @Test func theReadmeTableIsGeneratedFromTheDocument() throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md"),
            encoding: .utf8
        )
        let begin = "<!-- api-table:begin"
        let end = "<!-- api-table:end -->"
        let parts = readme.components(separatedBy: begin)
        try #require(parts.count == 2, "README has one generated API table")
        let afterMarker = try #require(parts[1].split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).last)
        let table = try #require(afterMarker.components(separatedBy: end).first)
        #expect(String(table) == OpenAPIDocument.bundled.markdownTable(), "run `swift run gateway openapi --format markdown` and paste it")
    }

    @Test func theDocumentIsServedWithoutATokenAsJSONAndYAML() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            let json = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(json.status == .ok)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(String(buffer: json.body) == OpenAPIDocument.bundled.json)
            let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: json.body).utf8))
            #expect(decoded["paths"]?.members?.count == OpenAPIDocument.bundled.root["paths"]?.members?.count)
            let yaml = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(yaml.status == .ok)
            #expect(yaml.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(String(buffer: yaml.body).hasPrefix("openapi: 3.1.0"))
        }
    }

    /// The console's API reference is rendered from the same document: every operation, for any signed-in caller.
    @Test func theConsoleShowsTheAPIReferenceRenderedFromTheDocument() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            let page = try await client.execute(uri: "/console/api", method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            for operation in OpenAPIDocument.bundled.operations {
                #expect(html.contains("id=\"op-\(operation.operationId)\""), "\(operation.operationId)")
                #expect(html.contains("\(operation.method.rawValue) \(operation.path)"), "\(operation.path)")
            }
            #expect(html.contains("接口文档") && html.contains("/api/v1/openapi.json"))
            #expect(!html.contains("http://") && !html.contains("https://"), "no assets from the internet")
            let english = try await client.execute(uri: "/console/api?lang=en", method: .get, headers: fixture.headers(.auditor, console: true))
            #expect(String(buffer: english.body).contains("API reference"))
            #expect(try await client.execute(uri: "/console/api", method: .get).status == .seeOther)
        }
    }

    /// One error body with a stable code for every 4xx, including Hummingbird's own (unknown route, wrong method).
    @Test func everyErrorHasOneShapeWithAStableCode() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            let admin = fixture.headers(.admin, console: false)
            let cases: [(String, HTTPRequest.Method, HTTPFields, HTTPResponse.Status, APIErrorCode)] = [
                ("/api/v1/nothing-here", .get, admin, .notFound, .notFound),
                ("/api/v1/orders", .delete, admin, .methodNotAllowed, .methodNotAllowed),
                ("/api/v1/orders", .get, [:], .unauthorized, .unauthenticated),
                ("/api/v1/orders?shop=\(StaffFixture.ownShop)", .get, fixture.headers(.staffOther, console: false), .forbidden, .forbidden),
                ("/api/v1/orders?status=lost", .get, admin, .badRequest, .invalidParameter),
                ("/api/v1/orders?cursor=NOT-A-CURSOR", .get, admin, .badRequest, .invalidCursor),
                ("/api/v1/orders/douyin/\(StaffFixture.ownShop)/404", .get, admin, .notFound, .orderNotFound),
                ("/api/v1/orders/mars/\(StaffFixture.ownShop)/1", .get, admin, .notFound, .unknownPlatform),
                ("/api/v1/exceptions/abc/resolve", .post, admin, .badRequest, .invalidParameter),
                ("/api/v1/exceptions/999/resolve", .post, admin, .notFound, .exceptionNotFound),
                ("/api/v1/reconciliation/runs/x", .get, admin, .badRequest, .invalidParameter),
                ("/api/v1/reconciliation/runs/999", .get, admin, .notFound, .reconciliationRunNotFound),
                ("/api/v1/households/nobody", .get, admin, .notFound, .householdNotFound),
                ("/api/v1/live-events/none", .get, admin, .notFound, .liveEventNotFound),
                ("/api/v1/supply-lots/none", .post, admin, .badRequest, .invalidBody),
            ]
            for (uri, method, headers, status, code) in cases {
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: "{}"))
                #expect(response.status == status, "\(method) \(uri)")
                #expect(Self.error(response).code == code.rawValue, "\(method) \(uri): \(String(buffer: response.body))")
                #expect(Self.error(response).message?.isEmpty == false, "\(method) \(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(method) \(uri)")
            }
            let wrongMethod = try await client.execute(uri: "/api/v1/orders/douyin/s/1", method: .post, headers: admin)
            #expect(wrongMethod.headers[.allow] == "GET")
            // Outside /api/v1 nothing changes: webhooks keep the platforms' shapes, the console its pages.
            let console = try await client.execute(uri: "/console/nothing-here", method: .get, headers: fixture.headers(.admin, console: true))
            #expect(Self.error(console).code == nil)
        }
    }

    /// Found by the first schemathesis run: schema-valid values the server refused, and schema-violating values it
    /// accepted. Each is now what the document says.
    @Test func valuesAreRefusedOrAcceptedExactlyAsDocumented() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client async throws in
            var admin = fixture.headers(.admin, console: false)
            admin[.contentType] = "application/json"
            // Any RFC 3339 full-date is a day (years outside the season simply match nothing).
            #expect(try await Self.status(client, admin, "/api/v1/households/H1?from=0263-10-28&to=2026-11-30") == .ok)
            #expect(try await Self.status(client, admin, "/api/v1/reports/impact?from=1396-04-20") == .ok)
            #expect(try await Self.status(client, admin, "/api/v1/reports/impact?from=2026-02-30") == .badRequest)
            #expect(try await Self.status(client, admin, "/api/v1/households/H1?period=0808-10") == .ok)
            #expect(try await Self.status(client, admin, "/api/v1/households/H1?period=2026-13") == .badRequest)
            // The documented maximums are enforced.
            #expect(
                try await Self.status(
                    client,
                    admin,
                    "/api/v1/stock",
                    .post,
                    #"{"warehouse_id":"yl-w","sku_code":"YL-APPLE","on_hand":1,"safety":1000000001}"#
                ) == .badRequest
            )
            #expect(
                try await Self.status(
                    client,
                    admin,
                    "/api/v1/warehouses",
                    .post,
                    #"{"id":"w9","enterprise_id":"yunlai","regions":["*"],"priority":1000001}"#
                ) == .badRequest
            )
            let heavy = #"{"shop":"yunlai-douyin","platform_sku_id":"x","components":[{"sku_code":"YL-APPLE","quantity":1001}]}"#
            #expect(try await Self.status(client, admin, "/api/v1/sku-mappings", .post, heavy) == .badRequest)
            // Optional body fields may be null, as documented.
            #expect(
                try await Self.status(
                    client,
                    admin,
                    "/api/v1/skus",
                    .post,
                    #"{"code":"YL-FIG","enterprise_id":"yunlai","product":"fig","net_weight_grams":500,"title":null}"#
                ) == .ok
            )
            // Well-formed but meaningless references are 422, not 400.
            let unknownSku = #"{"shop":"yunlai-douyin","platform_sku_id":"x","components":[{"sku_code":""}]}"#
            #expect(try await Self.status(client, admin, "/api/v1/sku-mappings", .post, unknownSku) == .unprocessableContent)
            #expect(
                try await Self.status(client, admin, "/api/v1/stock", .post, #"{"warehouse_id":"yl-w","sku_code":"NOPE","on_hand":1}"#)
                    == .unprocessableContent
            )
            #expect(
                try await Self.status(client, admin, "/api/v1/reconciliation/runs?shop=0", .post, "platform_order_id,amount_yuan\n1,2\n")
                    == .unprocessableContent
            )
            let mismatch = "/api/v1/reconciliation/runs?shop=\(StaffFixture.ownShop)&platform=standard"
            #expect(try await Self.status(client, admin, mismatch, .post, "platform_order_id,amount_yuan\n1,2\n") == .unprocessableContent)
        }
    }

    static func status(
        _ client: some TestClientProtocol,
        _ headers: HTTPFields,
        _ uri: String,
        _ method: HTTPRequest.Method = .get,
        _ body: String? = nil
    ) async throws -> HTTPResponse.Status {
        try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }).status
    }

    /// Lists page with `limit` and the opaque `cursor` of the previous page's `next`, ending with `next: null`.
    @Test func listsPageWithAnOpaqueCursorUntilNextIsNull() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            let admin = fixture.headers(.admin, console: false)
            var seen: [String] = []
            var uri = "/api/v1/orders?limit=1"
            for _ in 0..<5 {
                let page = Self.json(try await client.execute(uri: uri, method: .get, headers: admin))
                let items = page["items"] as? [[String: Any]] ?? []
                #expect(items.count <= 1)
                seen += items.compactMap { $0["platform_order_id"] as? String }
                guard let next = page["next"] as? String else {
                    #expect(page["next"] is NSNull, "next is null on the last page, not missing")
                    break
                }
                uri = "/api/v1/orders?limit=1&cursor=\(next)"
            }
            #expect(seen.sorted() == [StaffFixture.orderId, StaffFixture.otherOrderId].sorted())
        }
    }

    /// snake_case keys, UTC times, fen, ids as strings — on the order as on the exception.
    @Test func keysAreSnakeCaseTimesAreUTCAndIdsAreStrings() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            let admin = fixture.headers(.admin, console: false)
            let order = Self.json(
                try await client.execute(uri: "/api/v1/orders/douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)", method: .get, headers: admin)
            )
            #expect(order["created_at"] as? String == "2025-11-29T07:06:40Z")
            #expect(order["paid_at"] as? String == "2025-11-29T07:07:40Z")
            #expect(order["paid_fen"] as? Int == 2590)
            #expect(order["enterprise_id"] as? String == "yunlai")
            let timeline = order["timeline"] as? [[String: Any]] ?? []
            #expect(timeline.first?["raw_payload"] is String)
            let withoutPayloads = Self.json(
                try await client.execute(
                    uri: "/api/v1/orders/douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)?payloads=false",
                    method: .get,
                    headers: admin
                )
            )
            #expect((withoutPayloads["timeline"] as? [[String: Any]])?.first?["raw_payload"] == nil)
            let exceptions = Self.json(try await client.execute(uri: "/api/v1/exceptions?status=all", method: .get, headers: admin))
            let exception = (exceptions["items"] as? [[String: Any]])?.first
            #expect(exception?["id"] is String)
            #expect((exception?["opened_at"] as? String)?.hasSuffix("Z") == true)
            let body = String(
                buffer: try await client.execute(uri: "/api/v1/live-events/\(StaffFixture.liveEventId)", method: .get, headers: admin).body
            )
            #expect(body.contains(#""starts_at":"2025-11-29T06:50:00Z""#))
            for text in [body, String(buffer: try await client.execute(uri: "/api/v1/orders", method: .get, headers: admin).body)] {
                let keys = text.matches(of: /"([A-Za-z_]+)":/).map { String($0.output.1) }
                #expect(keys.allSatisfy { $0 == $0.lowercased() }, "camelCase key in \(text.prefix(200))")
            }
        }
    }

    /// CSV exports use the JSON keys as column names (nested keys as `parent.child`), for the console and the API.
    @Test(arguments: [
        ("/console/orders.csv", "/api/v1/orders"), ("/console/exceptions.csv?status=all", "/api/v1/exceptions?status=all"),
        ("/console/inventory.csv", "/api/v1/inventory"), ("/console/households.csv", "/api/v1/households"),
        ("/console/reconciliation/runs/1/lines.csv", "/api/v1/reconciliation/runs/1/lines"),
        ("/api/v1/reconciliation/runs/1/lines?format=csv", "/api/v1/reconciliation/runs/1/lines"),
    ])
    func csvColumnsAreTheJSONKeys(csvPath: String, jsonPath: String) async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            let csv = try await client.execute(uri: csvPath, method: .get, headers: fixture.headers(.admin, console: csvPath.hasPrefix("/console")))
            #expect(csv.status == .ok)
            let text = String(buffer: csv.body).replacingOccurrences(of: "\u{FEFF}", with: "")
            let header = try #require(text.components(separatedBy: "\r\n").first).split(separator: ",").map(String.init)
            let page = Self.json(try await client.execute(uri: jsonPath, method: .get, headers: fixture.headers(.admin, console: false)))
            let item = try #require((page["items"] as? [[String: Any]])?.first, "\(jsonPath) has an item")
            for column in header {
                let parts = column.split(separator: ".").map(String.init)
                var value: Any? = item
                for part in parts {
                    if let list = value as? [[String: Any]] { value = list.first } else if value is [Any] { break }
                    value = (value as? [String: Any]).map { $0[part] as Any }
                    // Optional keys may be absent on this item; their parent must be an object the DTO declares.
                }
                #expect(
                    item.keys.contains(parts[0]) || Self.optionalKeys.contains(parts[0]),
                    "\(csvPath): column \(column) is not a JSON key of \(jsonPath)"
                )
            }
        }
    }

    /// Keys the DTOs leave out when empty (a CSV still has their column).
    static let optionalKeys: Set<String> = [
        "platform_status", "paid_at", "created_at", "total_fen", "paid_fen", "postage_fen", "discount_fen", "live_room_id", "author_id", "buyer",
        "line_id", "platform_sku_id", "sku_code", "enterprise_id", "resolved_at", "resolved_by", "note", "cooperative_id", "base_id",
        "statement_fen", "gateway_fen", "statement_status", "gateway_status", "platform_lookup", "resolution",
    ]

    @Test func timesAreISO8601InUTC() {
        #expect(APITime.string(Timestamp(millisecondsSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(APITime.string(Timestamp(secondsSince1970: 1_795_939_260)) == "2026-11-29T08:01:00Z")
        #expect(APITime.string(Timestamp(millisecondsSince1970: 1_795_939_260_250)) == "2026-11-29T08:01:00.250Z")
        #expect(APITime.string(Timestamp(millisecondsSince1970: -1)) == "1969-12-31T23:59:59.999Z")
        #expect(APITime.string(Timestamp(secondsSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        // Whatever a store holds, formatting never traps.
        _ = APITime.string(Timestamp(millisecondsSince1970: .max))
        _ = APITime.string(Timestamp(millisecondsSince1970: .min))
    }

    @Test func cursorsRoundTripAndOnlyTheirOwnFormIsAccepted() throws {
        for offset in [0, 1, 99, 100, 12_345, PageRequest.maxStoreOffset] {
            #expect(PageRequest.offset(cursor: PageRequest.cursor(offset: offset)) == offset)
        }
        for bad in ["", "-1", "A", "zzzzzzzzz", "o:100", "🍊", " 1"] { #expect(PageRequest.offset(cursor: bad) == nil, "\(bad)") }
        let page = try PageRequest.parse(limit: "10", cursor: "zzzzzzzz")
        #expect(page.isBeyondEnd && page.rowsToRead == 0 && page.next(hasMore: true) == nil)
        #expect(throws: APIError.self) { try PageRequest.parse(limit: "1001", cursor: nil) }
    }
}
