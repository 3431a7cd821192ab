import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Inputs the libFuzzer targets (Fuzz/README.md) found to trap the process, each replayed through the code that
/// trapped (RELIABILITY.md, "Fuzzing"). Every one of them crashed the test process before its fix.
@Suite struct FuzzFindingsTests {
    static let now = Timestamp(secondsSince1970: 1_796_083_200)

    static func entry(_ payload: String, kind: DeliveryKind, platform: Platform, shop: String) -> InboxEntry {
        InboxEntry(id: 1, delivery: InboxDelivery(platform: platform, shop: shop, deliveryId: "d", kind: kind, receivedAt: now, text: payload))
    }

    static func answering(_ body: String, token: String = "") -> PlatformHTTPTransport {
        PlatformHTTPTransport { request in
            PlatformHTTPResponse(status: 200, body: request.url.contains("/token") ? token : body)
        }
    }

    static let douyinToken = #"{"code":10000,"msg":"success","data":{"access_token":"t","expires_in":86400,"refresh_token":"r"}}"#

    static func douyin(_ transport: PlatformHTTPTransport) -> DouyinConnector {
        DouyinConnector(
            shop: "s",
            api: DouyinAPIClient(
                baseURL: "http://douyin.test",
                appKey: "k",
                appSecret: "s",
                shopId: "1",
                transport: transport,
                limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
                retry: RetryPolicy(maxAttempts: 1),
                clock: testWallClock
            )
        )
    }

    /// `douyin-poll`: a list page whose `total` is near `Int.max` overflowed `totalCount + pageSize - 1`.
    @Test func douyinPageTotalNearIntMaxFailsTheWindowInsteadOfTrapping() async throws {
        let page = #"{"code":10000,"msg":"success","data":{"shop_order_list":[],"total":9223372036854775807}}"#
        let connector = Self.douyin(Self.answering(page, token: Self.douyinToken))
        await #expect(throws: ConnectorError.self) {
            _ = try await connector.poll(from: Self.now.adding(seconds: -1800), to: Self.now)
        }
        #expect(BackwardPager.lastPage(totalCount: Int.max, pageSize: 100) == Int.max / 100 + 1)
        #expect(BackwardPager.lastPage(totalCount: 250, pageSize: 100) == 3)
    }

    /// `wechat-push`: an event's `CreateTime` of 9223372036854775807 overflowed `seconds * 1000` when decoded.
    @Test func wechatPushWithHugeCreateTimeIsParkedNotTrapped() throws {
        let connector = WeChatChannelsConnector(
            shop: "s",
            api: WeChatChannelsAPIClient(
                baseURL: "http://wechat.test",
                appId: "wx",
                appSecret: "s",
                transport: Self.answering(""),
                limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
                clock: testWallClock
            )
        )
        let event = #"{"CreateTime":9223372036854775807,"Event":"channels_ec_order_pay","order_info":{"order_id":"1"}}"#
        let observations = try connector.observations(from: Self.entry(event, kind: .push, platform: .wechatChannels, shop: "s"))
        #expect(observations.count == 1)
        #expect(ObservationBounds.problem(in: observations[0])?.contains("platform update time") == true)
    }

    // MARK: the same pattern in every mapper: platform amounts and times combined without overflow checks

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T { try JSONDecoder().decode(T.self, from: Data(json.utf8)) }

    /// `douyin-detail`: line amounts summed into the total, and `create_time` in seconds.
    @Test func douyinHugeLineAmountsAndTimesSaturate() throws {
        let json =
            #"{"order_id":"1","order_status":2,"create_time":9223372036854775807,"pay_time":9223372036854775807,"sku_order_list":["#
            + #"{"order_id":"11","sku_id":1,"item_num":1,"pay_amount":9223372036854775807},"#
            + #"{"order_id":"12","sku_id":2,"item_num":1,"pay_amount":9223372036854775807}]}"#
        let snapshot = try DouyinMapping.snapshot(try Self.decode(DouyinShopOrder.self, json))
        #expect(snapshot.totalFen == .max)
        #expect(snapshot.createdAt.millisecondsSince1970 == .max)
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "s", platformOrderId: "1"),
            source: .detail,
            event: "e",
            platformUpdatedAt: Self.now,
            snapshot: snapshot
        )
        #expect(ObservationBounds.problem(in: observation) != nil, "parked as invalid")
    }

    /// `kuaishou-detail`: `price × num − discountFee` of a line and `totalFee + discountFee`.
    @Test func kuaishouHugePriceTimesQuantitySaturates() throws {
        let json =
            #"{"orderBaseInfo":{"oid":1,"status":30,"totalFee":9223372036854775807,"discountFee":1000,"expressFee":0},"#
            + #""orderItemInfoList":[{"itemId":1,"skuId":2,"num":2,"price":9223372036854775807,"discountFee":-5},{"itemId":1,"skuId":3,"num":1,"price":1}]}"#
        let snapshot = try KuaishouMapping.snapshot(try Self.decode(KuaishouOrder.self, json))
        #expect(snapshot.totalFen == .max)
        #expect(snapshot.lines.map(\.paidFen) == [.max, 1])
    }

    /// `pinduoduo-detail`: `goods_price × goods_count` summed, and the allocation's weights (a negative price too).
    @Test func pinduoduoHugeCountsAndNegativePricesAllocateWithinThePaidAmount() throws {
        let json =
            #"{"order_sn":"1","order_status":1,"confirm_status":1,"group_status":1,"refund_status":1,"pay_amount":10,"postage":0,"item_list":["#
            + #"{"goods_id":1,"sku_id":2,"goods_count":9223372036854775807,"goods_price":-1000},"#
            + #"{"goods_id":1,"sku_id":3,"goods_count":9223372036854775807,"goods_price":1000},{"goods_id":1,"sku_id":4,"goods_count":1,"goods_price":1}]}"#
        let snapshot = try PinduoduoMapping.snapshot(try Self.decode(PinduoduoOrder.self, json))
        #expect(snapshot.lines.map(\.paidFen).reduce(0, +) == 1000)
        #expect(snapshot.lines.allSatisfy { (0...1000).contains($0.paidFen) })
        #expect(PinduoduoMapping.allocate(100, weights: [.max, -.max + 1]) == [100, 0], "a negative weight counts as zero")
    }

    /// `taobao-detail`: the sub-orders' `total_fee` summed when the trade has none.
    @Test func taobaoHugeSubOrderTotalsSaturate() throws {
        let json =
            #"{"tid":1,"tid_str":"1","status":"WAIT_SELLER_SEND_GOODS","created":"2025-11-29 14:58:00","orders":{"order":["#
            + #"{"oid":2,"sku_id":3,"num":1,"total_fee":"92233720368547758.07"},{"oid":4,"sku_id":5,"num":1,"total_fee":"92233720368547758.07"}]}}"#
        let snapshot = try TaobaoMapping.snapshot(try Self.decode(TaobaoTrade.self, json))
        #expect(snapshot.totalFen == .max)
    }

    /// `wechat-detail`: `sale_price × sku_cnt`, the product price plus freight, and `create_time` in seconds.
    @Test func wechatHugeSalePriceAndTimesSaturate() throws {
        let json =
            #"{"order_id":1,"status":20,"create_time":9223372036854775807,"update_time":-9223372036854775808,"order_detail":{"#
            + #""product_infos":[{"product_id":"1","sku_id":"2","sku_cnt":2,"sale_price":9223372036854775807}],"price_info":{"freight":5}}}"#
        let order = try Self.decode(WeChatOrder.self, json)
        let snapshot = try WeChatChannelsMapping.snapshot(order)
        #expect(snapshot.totalFen == .max)
        #expect(snapshot.lines.map(\.paidFen) == [.max])
        #expect(snapshot.createdAt.millisecondsSince1970 == .max)
        #expect(WeChatChannelsMapping.updatedAt(order).millisecondsSince1970 == .max, "update_time ≤ 0 falls back to create_time")
    }

    /// `youzan-push`: a line's `price × num` when it has no `payment`, then goods plus postage.
    @Test func youzanHugeQuantitySaturates() throws {
        let json =
            #"{"order_info":{"tid":"T1","status":"WAIT_SELLER_SEND_GOODS","created":"2025-11-29 14:37:14"},"#
            + #""orders":[{"oid":"1","sku_id":1,"num":9223372036854775807,"price":"1000.00"}],"pay_info":{"post_fee":"5.00"}}"#
        let snapshot = try YouzanMapping.snapshot(try Self.decode(YouzanFullOrderInfo.self, json))
        #expect(snapshot.lines.map(\.paidFen) == [.max])
        #expect(snapshot.totalFen == .max)
    }
}
