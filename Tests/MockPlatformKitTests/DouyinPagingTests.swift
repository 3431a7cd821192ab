import Foundation
import MockPlatformKit
import Testing

@Suite("Douyin searchList paging and windows")
struct DouyinPagingTests {
    @Test("250 orders come back as pages of 100, 100 and 50 with 0-based page numbers; windows are inclusive")
    func paging() async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 5)
        try await mock.start()
        let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
        let base = 1_700_000_000
        var created: [String] = []
        for index in 0..<250 {
            let line = MockLineSpec(
                productId: "3656110990000000501",
                skuId: "1786000000000000501",
                outSkuId: "BJPG-5KG",
                title: "保靖椪柑 5kg",
                quantity: 1,
                unitPriceFen: 3990
            )
            created.append(shop.createOrder(lines: [line], at: Date(timeIntervalSince1970: TimeInterval(base + index))))
        }
        #expect(Set(created).count == 250)
        #expect(created.allSatisfy { $0.count == 19 })

        let client = DouyinTestClient(baseURL: mock.baseURL)
        let token = try await client.accessToken()
        func page(_ number: Int, size: Int = 100, start: Int = base, end: Int = base + 249) async throws -> DouyinTestClient.Reply {
            try await client.call(
                "order.searchList",
                paramJSON: DouyinTestClient.paramJSON([
                    "page": String(number), "size": String(size), "order_by": #""update_time""#, "order_asc": "true",
                    "update_time_start": String(start), "update_time_end": String(end),
                ]),
                accessToken: token
            )
        }
        var seen: [String] = []
        for (number, expected) in [(0, 100), (1, 100), (2, 50), (3, 0)] {
            let reply = try await page(number)
            #expect(reply.code == 10000)
            #expect((reply.data["page"] as? NSNumber)?.intValue == number)
            #expect((reply.data["size"] as? NSNumber)?.intValue == 100)
            #expect((reply.data["total"] as? NSNumber)?.intValue == 250)
            let orders = reply.data["shop_order_list"] as? [[String: Any]] ?? []
            #expect(orders.count == expected)
            seen += orders.compactMap { $0["order_id"] as? String }
        }
        #expect(seen == created, "ascending by update_time gives creation order")

        let window = try await page(0, start: base + 10, end: base + 19)
        #expect((window.data["total"] as? NSNumber)?.intValue == 10, "both ends are inclusive")
        let single = try await page(0, start: base + 42, end: base + 42)
        #expect((single.data["shop_order_list"] as? [[String: Any]])?.first?["order_id"] as? String == created[42])

        let tooBig = try await page(0, size: 101)
        #expect(tooBig.code == 40003)
        #expect(tooBig.subCode == "isv.parameter-invalid:size")

        let descending = try await client.call(
            "order.searchList",
            paramJSON: DouyinTestClient.paramJSON([
                "page": "0", "size": "5", "create_time_start": String(base), "create_time_end": String(base + 249),
            ]),
            accessToken: token
        )
        #expect((descending.data["shop_order_list"] as? [[String: Any]])?.first?["order_id"] as? String == created.last)

        _ = try shop.pay(orderId: created[3], at: Date(timeIntervalSince1970: TimeInterval(base + 1000)))
        let moved = try await page(0, start: base + 1000, end: base + 1000)
        #expect((moved.data["total"] as? NSNumber)?.intValue == 1, "a state change moves the order into a later update window")
        await mock.shutdown()
    }
}
