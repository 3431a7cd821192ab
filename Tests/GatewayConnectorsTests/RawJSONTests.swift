import Crypto
import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// ``RawJSON`` and ``PollPage``: splitting a list into rows that keep the platform's exact bytes.
@Suite struct RawJSONTests {
    @Test func rowsKeepTheirExactBytes() throws {
        let text = #"""
             {"data" : {"total":3, "orderList":[ {"oid":2412345678901234567,"fee":59.80 ,"name":"椪柑\u0041\"x\""},
               [1,[2,{"a":null}]] , "3705115058471208928", -0.5e-3, true, null ]}}
            """#
        let rows = try #require(try RawJSON(parsing: text)["data"]?["orderList"]?.elements)
        #expect(
            rows.map(\.description) == [
                #"{"oid":2412345678901234567,"fee":59.80 ,"name":"椪柑\u0041\"x\""}"#, #"[1,[2,{"a":null}]]"#, #""3705115058471208928""#, "-0.5e-3",
                "true", "null",
            ]
        )
        #expect(rows.map(\.kind) == [.object, .array, .string, .number, .bool, .null])
        #expect(rows[0]["oid"]?.scalarText == "2412345678901234567")
        #expect(rows[0]["fee"]?.scalarText == "59.80")
        #expect(rows[0]["name"]?.scalarText == "椪柑A\"x\"")
        #expect(rows[2].scalarText == "3705115058471208928")
        #expect(rows[1].scalarText == nil)
        #expect(rows[0]["missing"] == nil)
        #expect(rows[1]["oid"] == nil)
        // A row decodes exactly as the page would have: money from its digits.
        struct Row: Decodable { var fee: YuanAmount }
        #expect(try rows[0].decode(Row.self).fee.fen == 5980)
    }

    @Test func escapesInKeysAndStrings() throws {
        let value = try RawJSON(parsing: #"{"a\"b":"\ud83c\udf4a \u6a59 \n\t\/","\u006b":1,"k":2}"#)
        #expect(value.members?.map(\.key) == ["a\"b", "k", "k"])
        #expect(value["a\"b"]?.scalarText == "🍊 橙 \n\t/")
        // A repeated key reads as JSONDecoder reads it (the first, with Foundation on Linux).
        struct K: Decodable { var k: Int }
        let decoded = try JSONDecoder().decode(K.self, from: Data(#"{"\u006b":1,"k":2}"#.utf8))
        #expect(value["k"]?.scalarText == String(decoded.k))
    }

    @Test(arguments: [
        "", "   ", "{", "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a":1,}"#, "01", "1.", "-", "1e", "tru", "nul", #""\x""#, #""\u12G4""#,
        "\"tab\there\"", #""open"#, "{} {}", "[1]]", "NaN",
    ])
    func notJSONIsRefused(text: String) {
        #expect(throws: ConnectorError.self) { try RawJSON(parsing: text) }
    }

    @Test func deepNestingIsRefusedNotFollowed() {
        #expect(throws: ConnectorError.self) { try RawJSON(parsing: String(repeating: "[", count: 10_000)) }
        #expect((try? RawJSON(parsing: String(repeating: "[", count: 100) + String(repeating: "]", count: 100))) != nil)
    }

    @Test func aPageListIsAnArrayOrNothing() throws {
        struct Envelope: Decodable { var cursor: String }
        let page = try PollPage(envelope: Envelope(cursor: "c"), responseText: #"{"data":{"orderList":[{"a":1},{"b":"x"}]}}"#) {
            $0["data"]?["orderList"]
        }
        #expect(page.rows.map(\.description) == [#"{"a":1}"#, #"{"b":"x"}"#])
        let none = try PollPage(envelope: Envelope(cursor: "c"), responseText: #"{"data":{"orderList":null}}"#) { $0["data"]?["orderList"] }
        #expect(none.rows.isEmpty)
        let missing = try PollPage(envelope: Envelope(cursor: "c"), responseText: #"{"data":{}}"#) { $0["data"]?["orderList"] }
        #expect(missing.rows.isEmpty)
        #expect(throws: ConnectorError.self) {
            try PollPage(envelope: Envelope(cursor: "c"), responseText: #"{"data":{"orderList":"[]"}}"#) { $0["data"]?["orderList"] }
        }
    }

    @Test func rowDeliveriesKeepUsualIdsAndHashTheUnreadable() throws {
        let rows = try #require(try RawJSON(parsing: #"[{"id":"a","t":1},{"id":"a","t":1},{"x":1},{"x":1},{"x": 1}]"#).elements)
        let deliveries = PollRowDelivery.deliveries(rows, platform: .douyin, shop: "s", receivedAt: Timestamp(secondsSince1970: 1)) { row in
            guard let id = row["id"]?.scalarText, let time = row["t"]?.scalarText else { return nil }
            return "\(id):\(time)"
        }
        // The repeated row is one delivery; the same unreadable bytes are one delivery; other bytes another.
        #expect(deliveries.count == 3)
        #expect(deliveries[0].deliveryId == "poll:a:1")
        #expect(deliveries[0].payloadText == #"{"id":"a","t":1}"#)
        #expect(
            deliveries[1].deliveryId == "poll:unreadable:"
                + String(SHA256.hash(data: Array(#"{"x":1}"#.utf8)).map { String(format: "%02x", $0) }.joined().prefix(32))
        )
        #expect(deliveries[2].deliveryId.hasPrefix("poll:unreadable:"))
        #expect(deliveries[2].deliveryId != deliveries[1].deliveryId)
        #expect(deliveries.allSatisfy { $0.kind == .poll && $0.platform == .douyin && $0.shop == "s" })
    }

    @Test func aRowThatDoesNotDecodeNamesTheDeliveryAndTheField() throws {
        struct Order: Decodable {
            var id: FlexibleString
            var lines: [Line]
        }
        struct Line: Decodable { var qty: FlexibleInt }
        let entry = InboxEntry(
            id: 1,
            delivery: InboxDelivery(
                platform: .kuaishou,
                shop: "s",
                deliveryId: "poll:9:1",
                kind: .poll,
                receivedAt: Timestamp(secondsSince1970: 1),
                text: #"{"id":9,"lines":[{"qty":1},{"qty":"two"}]}"#
            )
        )
        #expect {
            try PollRowDelivery.decode(Order.self, from: entry, platform: "kuaishou")
        } throws: { error in
            let message = "\(error)"
            // The row itself is never quoted: the message is stored in plaintext, the row can hold personal data.
            return error is ConnectorError && message.contains("kuaishou poll row poll:9:1") && message.contains("lines[1].qty")
                && !message.contains(#"{"id":9"#) && !message.contains("two") && message.contains("row of 42 bytes")
        }
    }
}
