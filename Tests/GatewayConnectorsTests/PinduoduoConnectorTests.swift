import Crypto
import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Pinduoduo: signing, money, time, status mapping, backward paging against an in-test fake platform.
@Suite struct PinduoduoConnectorTests {
    static let clientId = "pdd-client-4711"
    static let clientSecret = "pdd-demo-secret"
    static let accessToken = "pdd-access-token-1"

    // MARK: signing

    /// Uppercase hex MD5, computed here without the gateway's helpers.
    static func upperMD5(_ text: String) -> String {
        Insecure.MD5.hash(data: Array(text.utf8)).map { String(format: "%02X", $0) }.joined()
    }

    @Test func signMatchesAnIndependentComputation() {
        let signer = PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret)
        let parameters = [
            "type": "pdd.order.information.get", "client_id": Self.clientId, "access_token": Self.accessToken,
            "timestamp": "1764400000", "data_type": "JSON", "order_sn": "210707-339507978993455",
        ]
        let plain =
            Self.clientSecret
            + "access_token" + Self.accessToken + "client_id" + Self.clientId + "data_typeJSON"
            + "order_sn210707-339507978993455" + "timestamp1764400000" + "typepdd.order.information.get"
            + Self.clientSecret
        let expected = Self.upperMD5(plain)
        #expect(signer.sign(parameters) == expected)
        #expect(expected.count == 32 && expected == expected.uppercased())
        // `sign` itself is never signed.
        #expect(signer.sign(parameters.merging(["sign": "X"]) { $1 }) == expected)
        #expect(signer.verify(parameters.merging(["sign": expected.lowercased()]) { $1 }))
    }

    @Test func wrongSecretOrChangedParameterChangesTheSign() {
        let parameters = ["type": "pdd.order.information.get", "client_id": Self.clientId, "timestamp": "1764400000", "order_sn": "1"]
        let good = PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret).sign(parameters)
        let wrongSecret = PinduoduoSigner(clientId: Self.clientId, clientSecret: "other-secret").sign(parameters)
        #expect(good != wrongSecret)
        var changed = parameters
        changed["order_sn"] = "2"
        #expect(PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret).sign(changed) != good)
        var withMethod = parameters
        withMethod["sign_method"] = "md5"
        // sign_method is optional, and signed like any parameter when sent.
        #expect(PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret).sign(withMethod) != good)
        #expect(
            PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret).sign(withMethod)
                == Self.upperMD5(
                    Self.clientSecret + "client_id" + Self.clientId + "order_sn1" + "sign_methodmd5" + "timestamp1764400000"
                        + "typepdd.order.information.get" + Self.clientSecret
                )
        )
    }

    @Test func parametersSplitBetweenQueryAndBodySignTheSame() {
        let signer = PinduoduoSigner(clientId: Self.clientId, clientSecret: Self.clientSecret)
        let all = [
            "type": "pdd.order.number.list.increment.get", "client_id": Self.clientId, "access_token": Self.accessToken,
            "timestamp": "1764400000", "data_type": "JSON", "start_updated_at": "1764398200", "end_updated_at": "1764400000",
            "page": "1", "page_size": "100",
        ]
        let query = all.filter { ["type", "client_id", "access_token", "timestamp", "data_type"].contains($0.key) }
        let body = all.filter { query[$0.key] == nil }
        #expect(signer.sign(query: query, body: body) == signer.sign(all))
        #expect(signer.sign(query: [:], body: all) == signer.sign(all))
        #expect(signer.sign(query: all, body: [:]) == signer.sign(all))
    }

    @Test func messageServiceConnectionVectorFromPlatformsMd() {
        // platforms.md §3.3: md5("app1700000000000secret") and its base64.
        #expect(Digests.md5Hex("app1700000000000secret") == "9818304265fb7cb706721924f2e03121")
        let signature = PinduoduoSigner.messageConnectionSignature(clientId: "app", timestampMilliseconds: 1_700_000_000_000, clientSecret: "secret")
        #expect(signature == "OTgxODMwNDI2NWZiN2NiNzA2NzIxOTI0ZjJlMDMxMjE=")
        #expect(
            PinduoduoSigner(clientId: "app", clientSecret: "secret").messageConnectionPath(timestampMilliseconds: 1_700_000_000_000)
                == "/message/app/1700000000000/OTgxODMwNDI2NWZiN2NiNzA2NzIxOTI0ZjJlMDMxMjE%3D"
        )
    }

    // MARK: money and time

    struct Amounts: Decodable { var a: [YuanAmount] }

    @Test func yuanNumbersDecodeToExactFen() throws {
        let json = #"{"a":[59.8,0.1,0.2,0.3,12.5,3,"200.07","0.07",1999.99,"",100.10]}"#
        let fen = try JSONDecoder().decode(Amounts.self, from: Data(json.utf8)).a.map(\.fen)
        #expect(fen == [5980, 10, 20, 30, 1250, 300, 20007, 7, 199_999, 0, 10010])
        // 0.1 + 0.2 is exactly 0.3 in fen (it is not in binary floating point).
        #expect(fen[1] + fen[2] == fen[3])
        #expect(0.1 + 0.2 != 0.3)
    }

    @Test func moreThanTwoSignificantDecimalsAreRefused() {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Amounts.self, from: Data(#"{"a":[0.30000000000000004]}"#.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Amounts.self, from: Data(#"{"a":["1.005"]}"#.utf8)) }
        #expect((try? JSONDecoder().decode(Amounts.self, from: Data(#"{"a":[1.500]}"#.utf8)))?.a.first?.fen == 150)
    }

    @Test func yuanAmountsRoundTripThroughAStoredPayload() throws {
        let order = try JSONDecoder().decode(PinduoduoOrder.self, from: Data(Self.orderJSON(sn: "1", payAmount: "59.8").utf8))
        let stored = try JSONEncoder().encode(order)
        let again = try JSONDecoder().decode(PinduoduoOrder.self, from: stored)
        #expect(again.pay_amount?.fen == 5980)
        #expect(String(decoding: stored, as: UTF8.self).contains(#""pay_amount":"59.80""#))
    }

    @Test func beijingTimeStringsBecomeUTC() {
        // 2025-11-29 15:06:40 Beijing = 2025-11-29 07:06:40 UTC = 1764400000.
        #expect(BeijingTime.parse("2025-11-29 15:06:40") == Timestamp(secondsSince1970: 1_764_400_000))
        #expect(BeijingTime.parse("1970-01-01 08:00:00") == Timestamp(secondsSince1970: 0))
        #expect(BeijingTime.parse("2024-01-01 00:00:00") == Timestamp(secondsSince1970: 1_704_038_400))
        #expect(BeijingTime.parse("2024-02-29 12:00:00") == Timestamp(secondsSince1970: 1_709_179_200))
        #expect(BeijingTime.parse("2025-11-29 15:06:40.250") == Timestamp(millisecondsSince1970: 1_764_400_000_250))
        #expect(BeijingTime.parse("2023-02-29 12:00:00") == nil)
        #expect(BeijingTime.parse("2025-11-29") == nil)
        #expect(BeijingTime.parse("") == nil)
        #expect(BeijingTime.parse("2025-13-01 00:00:00") == nil)
        #expect(BeijingTime.parseFlexible("1764400000") == Timestamp(secondsSince1970: 1_764_400_000))
        #expect(BeijingTime.parseFlexible("0") == nil)
        #expect(BeijingTime.format(Timestamp(secondsSince1970: 1_764_400_000)) == "2025-11-29 15:06:40")
        #expect(BeijingTime.format(Timestamp(millisecondsSince1970: 1_764_400_000_007), milliseconds: true) == "2025-11-29 15:06:40.007")
        // Round trip over a spread of instants, including before 1970.
        for seconds in stride(from: Int64(-2_000_000_000), through: 4_000_000_000, by: 86_399_917) {
            let instant = Timestamp(secondsSince1970: seconds)
            #expect(BeijingTime.parse(BeijingTime.format(instant)) == instant)
        }
    }

    /// Issue #12: a fraction of more than nine digits overflowed the Int64 accumulator (a trap); now it is `nil`.
    @Test func longFractionsAreRefusedNotOverflowed() {
        #expect(BeijingTime.parse("2026-01-01 00:00:00.99999999999999999999") == nil)
        #expect(BeijingTime.parse("2026-01-01 00:00:00.99999999999999999999 00:00:00") == nil)
        #expect(BeijingTime.parse("2026-01-01 00:00:00.1234567890") == nil)
        #expect(BeijingTime.parse("2026-01-01 00:00:00.") == nil)
        #expect(BeijingTime.parse("2025-11-29 15:06:40.250999999") == Timestamp(millisecondsSince1970: 1_764_400_000_250))
        #expect(BeijingTime.parse("2025-11-29 15:06:40.2") == Timestamp(millisecondsSince1970: 1_764_400_000_200))
    }

    // MARK: status mapping

    static func order(
        status: Int64? = 1,
        confirm: Int64? = 1,
        group: Int64? = 1,
        refund: Int64? = 1,
        afterSales: Int64? = 0
    ) -> PinduoduoOrder {
        PinduoduoOrder(
            order_sn: FlexibleString("210707-339507978993455"),
            order_status: status.map(FlexibleInt.init),
            refund_status: refund.map(FlexibleInt.init),
            after_sales_status: afterSales.map(FlexibleInt.init),
            confirm_status: confirm.map(FlexibleInt.init),
            group_status: group.map(FlexibleInt.init),
            item_list: []
        )
    }

    @Test(
        arguments: [
            // (order_status, confirm_status, group_status, refund_status, expected)
            (Int64(1), Int64(1), Int64(1), Int64(1), OrderStatus.paid),
            (2, 1, 1, 1, .shipped),
            (3, 1, 1, 1, .completed),
            (1, 0, 1, 1, .created),  // 未成交: not a paid order
            (1, 1, 0, 1, .created),  // 拼团中: not a paid order
            (1, 0, 0, 1, .created),
            (1, 2, 1, 1, .cancelled),  // 已取消
            (1, 1, 2, 1, .cancelled),  // 团失败
            (1, 1, 1, 4, .cancelled),  // 退款成功
            (3, 1, 1, 4, .cancelled),
            (1, 1, 1, 2, .paid),  // after-sale in progress: still paid, line refund requested
            (2, 1, 1, 3, .shipped),
        ] as [(Int64, Int64, Int64, Int64, OrderStatus)]
    )
    func statusMapping(_ row: (Int64, Int64, Int64, Int64, OrderStatus)) {
        #expect(PinduoduoMapping.status(Self.order(status: row.0, confirm: row.1, group: row.2, refund: row.3)) == row.4)
    }

    @Test func unknownOrderStatusIsNotGuessed() {
        #expect(PinduoduoMapping.status(Self.order(status: 9)) == nil)
        #expect(throws: ConnectorError.self) { try PinduoduoMapping.snapshot(Self.order(status: 9)) }
        // Missing confirm/group codes do not block a known order_status.
        #expect(PinduoduoMapping.status(Self.order(status: 2, confirm: nil, group: nil)) == .shipped)
    }

    @Test func refundStateTable() {
        let rows: [(Int64?, Int64?, RefundState)] = [
            (1, 0, .none), (2, 2, .requested), (3, 4, .requested), (4, 10, .refunded), (nil, 10, .refunded),
            (1, 5, .requested), (1, 9, .none), (1, 11, .none), (1, 12, .none), (1, 14, .none), (nil, nil, .none),
        ]
        for (refund, afterSales, expected) in rows {
            #expect(PinduoduoMapping.refundState(refundStatus: refund, afterSalesStatus: afterSales) == expected)
        }
    }

    @Test func allocationAddsUpExactly() {
        #expect(PinduoduoMapping.allocate(1000, weights: [1, 1, 1]) == [333, 333, 334])
        #expect(PinduoduoMapping.allocate(5980, weights: [5980]) == [5980])
        #expect(PinduoduoMapping.allocate(100, weights: [0, 0]) == [50, 50])
        #expect(PinduoduoMapping.allocate(999, weights: [200, 100]) == [666, 333])
        #expect(PinduoduoMapping.allocate(0, weights: []) == [])
    }

    // MARK: order JSON

    static func orderJSON(
        sn: String,
        updated: String = "2025-11-29 15:00:00",
        status: Int = 1,
        confirm: Int = 1,
        group: Int = 1,
        refund: Int = 1,
        payAmount: String = "59.8",
        goodsId: String = "4984023467827309610",
        skuId: String = "9223372036854775807"
    ) -> String {
        """
        {"order_sn":"\(sn)","order_status":\(status),"confirm_status":\(confirm),"group_status":\(group),\
        "refund_status":\(refund),"after_sales_status":0,"risk_control_status":0,\
        "created_time":"2025-11-29 14:58:00","confirm_time":"2025-11-29 14:59:00","pay_time":"2025-11-29 14:59:00",\
        "updated_at":"\(updated)","pay_amount":\(payAmount),"goods_amount":59.8,"discount_amount":5,"postage":5,\
        "province":"四川省","city":"凉山彝族自治州","receiver_name":"~AgAAAAEXbLZc~","receiver_phone":"","receiver_address":"",\
        "receiver_name_mask":"张*","receiver_phone_mask":"138****5678",\
        "item_list":[{"goods_id":\(goodsId),"sku_id":\(skuId),"outer_id":"PONKAN-5KG","goods_name":"会理脐橙","goods_spec":"5斤装",\
        "goods_count":1,"goods_price":59.8}]}
        """
    }

    @Test func orderWith19DigitIdsBecomesAFullSnapshot() throws {
        let connector = Self.connector(platform: FakePinduoduo(orders: []))
        let payload = Self.orderJSON(sn: "251129-012345678901234")
        let delivery = InboxDelivery(
            platform: .pinduoduo,
            shop: "pdd-shop",
            deliveryId: "poll:x:1",
            kind: .poll,
            receivedAt: Timestamp(secondsSince1970: 1_764_400_000),
            text: payload
        )
        let observations = try connector.observations(from: InboxEntry(id: 1, delivery: delivery))
        #expect(observations.count == 1)
        let observation = try #require(observations.first)
        #expect(observation.key.platformOrderId == "251129-012345678901234")
        #expect(observation.needsDetail == false)
        #expect(observation.platformUpdatedAt == BeijingTime.parse("2025-11-29 15:00:00"))
        #expect(observation.platformUpdatedAt == Timestamp(secondsSince1970: 1_764_399_600))
        let snapshot = try #require(observation.snapshot)
        #expect(snapshot.status == .paid)
        #expect(snapshot.paidFen == 5980)
        #expect(snapshot.postageFen == 500)
        #expect(snapshot.discountFen == 500)
        #expect(snapshot.totalFen == 6480)
        #expect(snapshot.createdAt == Timestamp(secondsSince1970: 1_764_399_480))
        #expect(snapshot.paidAt == Timestamp(secondsSince1970: 1_764_399_540))
        #expect(snapshot.lines.count == 1)
        #expect(snapshot.lines[0].productId == "4984023467827309610")
        #expect(snapshot.lines[0].skuId == "9223372036854775807")
        #expect(snapshot.lines[0].outSkuId == "PONKAN-5KG")
        #expect(snapshot.lines[0].paidFen == 5480)
        #expect(snapshot.lines[0].quantity == 1)
        #expect(snapshot.buyer.maskedName == "张*")
        #expect(snapshot.buyer.phoneTail == "5678")
        #expect(snapshot.buyer.province == "四川省")
        #expect(snapshot.buyer.platformCiphertext == ["receiver_name": "~AgAAAAEXbLZc~"])
        #expect(snapshot.liveRoomId == nil)
    }

    @Test func unpaidOrderIsCreatedWithoutPayTime() throws {
        let order = try JSONDecoder().decode(PinduoduoOrder.self, from: Data(Self.orderJSON(sn: "1", confirm: 0, group: 0).utf8))
        let snapshot = try PinduoduoMapping.snapshot(order)
        #expect(snapshot.status == .created)
        #expect(snapshot.paidAt == nil)
    }

    @Test func pushDeliveriesAreRefused() {
        let connector = Self.connector(platform: FakePinduoduo(orders: []))
        let delivery = InboxDelivery(
            platform: .pinduoduo,
            shop: "pdd-shop",
            deliveryId: "1",
            kind: .push,
            receivedAt: Timestamp(secondsSince1970: 0),
            text: "{}"
        )
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 1, delivery: delivery)) }
    }

    // MARK: paging

    @Test func backwardPageOrder() {
        #expect(BackwardPager.backwardPages(totalCount: 250, pageSize: 100) == [3, 2, 1])
        #expect(BackwardPager.backwardPages(totalCount: 200, pageSize: 100) == [2, 1])
        #expect(BackwardPager.backwardPages(totalCount: 0, pageSize: 100) == [1])
        #expect(BackwardPager.lastPage(totalCount: 101, pageSize: 100) == 2)
    }

    /// A list that loses one row (the row's order was updated again and left the window) after the
    /// first read; reading forward misses a row, reading backward does not.
    actor ShrinkingList {
        var rows: [Int]
        var reads: [(page: Int, useHasNext: Bool)] = []
        let dropIndex: Int
        init(count: Int, dropIndex: Int) {
            rows = Array(0..<count)
            self.dropIndex = dropIndex
        }
        func page(_ page: Int, pageSize: Int, useHasNext: Bool) -> PagedResult<Int> {
            reads.append((page, useHasNext))
            let start = min((page - 1) * pageSize, rows.count)
            let end = min(start + pageSize, rows.count)
            let result = PagedResult(
                items: Array(rows[start..<end]),
                totalCount: useHasNext ? nil : rows.count,
                hasNext: useHasNext ? end < rows.count : nil
            )
            if reads.count == 1 { rows.remove(at: dropIndex) }
            return result
        }
        func readOrder() -> [Int] { reads.map(\.page) }
        func flags() -> [Bool] { reads.map(\.useHasNext) }
    }

    @Test func backwardPagingMissesNothingWhenRowsShift() async throws {
        let list = ShrinkingList(count: 25, dropIndex: 3)
        let seen = try await BackwardPager.collect(pageSize: 10) { page, useHasNext in
            await list.page(page, pageSize: 10, useHasNext: useHasNext)
        }
        #expect(await list.readOrder() == [1, 3, 2, 1])
        #expect(await list.flags() == [false, true, true, true])
        #expect(Set(seen).isSuperset(of: Set(0..<25).subtracting([3])))

        // The same list read forward loses row 10: it shifts onto page 1 after page 1 was read.
        let forward = ShrinkingList(count: 25, dropIndex: 3)
        var forwardSeen: [Int] = []
        for page in 1...3 { forwardSeen += await forward.page(page, pageSize: 10, useHasNext: true).items }
        #expect(!forwardSeen.contains(10))
    }

    @Test func pagingWithoutATotalFollowsHasNextThenReadsBackwards() async throws {
        actor HasNextOnly {
            var reads: [Int] = []
            func page(_ page: Int) -> PagedResult<Int> {
                reads.append(page)
                let rows = Array(0..<23)
                let start = min((page - 1) * 10, rows.count)
                let end = min(start + 10, rows.count)
                return PagedResult(items: Array(rows[start..<end]), hasNext: end < rows.count)
            }
        }
        let list = HasNextOnly()
        let seen = try await BackwardPager.collect(pageSize: 10) { page, _ in await list.page(page) }
        #expect(await list.reads == [1, 2, 3, 2, 1])
        #expect(Set(seen) == Set(0..<23))
    }

    @Test func onePageIsOneCall() async throws {
        let platform = FakePinduoduo(orders: (0..<7).map { Self.orderJSON(sn: "251129-\($0)") })
        let connector = Self.connector(platform: platform)
        let deliveries = try await connector.poll(from: Timestamp(secondsSince1970: 1_764_398_000), to: Timestamp(secondsSince1970: 1_764_399_800))
        #expect(deliveries.count == 7)
        #expect(await platform.requests.count == 1)
    }

    // MARK: the connector against a fake platform

    static func connector(
        platform: FakePinduoduo,
        retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2)
    ) -> PinduoduoConnector {
        let api = PinduoduoAPIClient(
            baseURL: "http://pdd.test/",
            clientId: clientId,
            clientSecret: clientSecret,
            accessToken: accessToken,
            transport: PlatformHTTPTransport { request in await platform.handle(request) },
            limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
            retry: retry,
            clock: GatewayClock { Timestamp(millisecondsSince1970: 1_764_400_000_000) }
        )
        return PinduoduoConnector(shop: "pdd-shop", api: api)
    }

    @Test func pollReadsBackwardsWithSignedRequests() async throws {
        let orders = (0..<230).map { index in
            Self.orderJSON(sn: "251129-\(String(format: "%015d", index))", updated: "2025-11-29 15:\(String(format: "%02d", index % 30)):00")
        }
        let platform = FakePinduoduo(orders: orders)
        let connector = Self.connector(platform: platform)
        let from = Timestamp(secondsSince1970: 1_764_398_000)
        let to = Timestamp(millisecondsSince1970: 1_764_399_800_999)
        let deliveries = try await connector.poll(from: from, to: to)
        #expect(deliveries.count == 230)
        #expect(Set(deliveries.map(\.deliveryId)).count == 230)
        let first = try #require(deliveries.first { $0.deliveryId.hasPrefix("poll:251129-000000000000031:") })
        #expect(first.deliveryId == "poll:251129-000000000000031:\(BeijingTime.parse("2025-11-29 15:01:00")!.millisecondsSince1970)")
        #expect(first.kind == .poll)
        let observation = try #require(try connector.observations(from: InboxEntry(id: 1, delivery: first)).first)
        #expect(observation.snapshot?.paidFen == 5980)

        let requests = await platform.requests
        #expect(requests.map { $0["page"] } == ["1", "3", "2", "1"])
        #expect(requests.map { $0["use_has_next"] } == ["false", "true", "true", "true"])
        for request in requests {
            #expect(request["type"] == "pdd.order.number.list.increment.get")
            #expect(request["client_id"] == Self.clientId)
            #expect(request["access_token"] == Self.accessToken)
            #expect(request["data_type"] == "JSON")
            #expect(request["timestamp"] == "1764400000")
            #expect(request["start_updated_at"] == "1764398000")
            #expect(request["end_updated_at"] == "1764399800")
            #expect(request["page_size"] == "100")
        }
        #expect(await platform.badSignatures == 0)
        #expect(await platform.paths == Set(["/api/router"]))
    }

    /// Issue #11 finding 5: a row with a wrong-typed field and a row without an `order_sn` among good rows.
    static let wrongTypedRow =
        #"{"order_sn":"251129-000000000000777","updated_at":"2025-11-29 15:02:00","order_status":"shipped?","item_list":[]}"#
    static let unreadableRow = #"{"sn":"?","updated_at":{"when":"later"}}"#

    @Test func oneBadRowBecomesItsOwnDeliveryAndTheWindowSucceeds() async throws {
        var orders = (0..<150).map { Self.orderJSON(sn: "251129-\(String(format: "%015d", $0))") }
        orders.insert(Self.wrongTypedRow, at: 40)
        orders.insert(Self.unreadableRow, at: 120)
        let platform = FakePinduoduo(orders: orders)
        let connector = Self.connector(platform: platform)
        let from = Timestamp(secondsSince1970: 1_764_398_000)
        let to = Timestamp(secondsSince1970: 1_764_399_800)
        let deliveries = try await connector.poll(from: from, to: to)
        #expect(deliveries.count == 152)
        let updated = BeijingTime.parse("2025-11-29 15:00:00")!.millisecondsSince1970
        for index in 0..<150 {
            #expect(deliveries.contains { $0.deliveryId == "poll:251129-\(String(format: "%015d", index)):\(updated)" })
        }
        // The wrong-typed row keeps the usual id (its id and update time can be read) and its bytes.
        let wrongTyped = try #require(deliveries.first { $0.deliveryId.hasPrefix("poll:251129-000000000000777:") })
        #expect(wrongTyped.deliveryId == "poll:251129-000000000000777:\(BeijingTime.parse("2025-11-29 15:02:00")!.millisecondsSince1970)")
        #expect(wrongTyped.payloadText == Self.wrongTypedRow)
        // The unreadable row gets an id derived from its bytes: the same on every poll.
        let unreadable = try #require(deliveries.first { $0.deliveryId.hasPrefix("poll:unreadable:") })
        #expect(unreadable.payloadText == Self.unreadableRow)
        #expect(unreadable.deliveryId.count == "poll:unreadable:".count + 32)
        let again = try await connector.poll(from: from, to: to)
        #expect(again.map(\.deliveryId).sorted() == deliveries.map(\.deliveryId).sorted())
        // Both bad rows fail to decode (so the pipeline parks them); a good row still decodes.
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 1, delivery: wrongTyped)) }
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 2, delivery: unreadable)) }
        let good = try #require(deliveries.first { $0.deliveryId.hasPrefix("poll:251129-000000000000041:") })
        #expect(try connector.observations(from: InboxEntry(id: 3, delivery: good)).first?.snapshot?.paidFen == 5980)
    }

    @Test func windowsLongerThanThirtyMinutesAreSplit() async throws {
        let platform = FakePinduoduo(orders: [])
        let connector = Self.connector(platform: platform)
        #expect(connector.pollPolicy.maxWindowSeconds == 1800)
        #expect(connector.pollPolicy.settleSeconds == 180)
        _ = try await connector.poll(from: Timestamp(secondsSince1970: 1_764_396_000), to: Timestamp(secondsSince1970: 1_764_400_000))
        let windows = await platform.requests.map { [$0["start_updated_at"]!, $0["end_updated_at"]!] }
        #expect(windows == [["1764396000", "1764397800"], ["1764397800", "1764399600"], ["1764399600", "1764400000"]])
    }

    @Test func fetchOrderReturnsTheSnapshotAndTheRawResponse() async throws {
        let platform = FakePinduoduo(orders: [Self.orderJSON(sn: "251129-000000000000042", status: 2)])
        let connector = Self.connector(platform: platform)
        let prepared = try await connector.fetchOrder(platformOrderId: "251129-000000000000042")
        #expect(prepared.observation.source == .detail)
        #expect(prepared.observation.snapshot?.status == .shipped)
        #expect(prepared.rawPayload.hasPrefix(#"{"order_info_get_response":{"order_info":{"order_sn":"251129-000000000000042""#))
        let request = try #require(await platform.requests.last)
        #expect(request["type"] == "pdd.order.information.get")
        #expect(request["order_sn"] == "251129-000000000000042")
    }

    @Test func rateLimitErrorsAreRetriedAndOthersAreNot() async throws {
        let platform = FakePinduoduo(orders: [Self.orderJSON(sn: "A")])
        await platform.failNext(
            #"{"error_response":{"error_code":70031,"error_msg":"调用过于频繁","sub_code":"70031","sub_msg":"","request_id":"r1"}}"#
        )
        let connector = Self.connector(platform: platform)
        let prepared = try await connector.fetchOrder(platformOrderId: "A")
        #expect(prepared.observation.key.platformOrderId == "A")
        #expect(await platform.requests.count == 2)

        await platform.failNext(#"{"error_response":{"error_code":10019,"error_msg":"access_token已过期","request_id":"r2"}}"#)
        do {
            _ = try await connector.fetchOrder(platformOrderId: "A")
            Issue.record("expected an error")
        } catch let error as PlatformAPIError {
            #expect(error.code == "10019")
            #expect(!error.isRetryable)
        }
        #expect(await platform.requests.count == 3)
    }

    @Test func errorClassification() {
        let cases: [(String, String, Bool)] = [
            ("70031", "调用过于频繁", true), ("50000", "系统异常", true), ("10000", "参数错误", false),
            ("10019", "access_token已过期", false), ("20004", "签名错误 / invalid sign", false), ("52101", "isp.service-busy", true),
        ]
        for (code, message, retryable) in cases {
            #expect(PinduoduoAPIClient.isRetryable(code: code, text: message) == retryable, "\(code) \(message)")
        }
    }

    @Test func stockWriteBackSendsQuantityUpdate() async throws {
        let platform = FakePinduoduo(orders: [])
        let api = PinduoduoAPIClient(
            baseURL: "http://pdd.test",
            clientId: Self.clientId,
            clientSecret: Self.clientSecret,
            accessToken: Self.accessToken,
            transport: PlatformHTTPTransport { request in await platform.handle(request) },
            limiter: RateLimiter(ratePerSecond: 100, burst: 100),
            clock: testWallClock
        )
        try await api.updateGoodsQuantity(goodsId: "4984023467827309610", skuId: "1234567890123456789", quantity: 42)
        let request = try #require(await platform.requests.last)
        #expect(request["type"] == "pdd.goods.quantity.update")
        #expect(request["goods_id"] == "4984023467827309610")
        #expect(request["sku_id"] == "1234567890123456789")
        #expect(request["quantity"] == "42")
        #expect(request["update_type"] == "1")
    }
}

/// A tiny Pinduoduo `/api/router` written from platforms.md §3 for these tests: parses the form body,
/// checks the signature, pages orders sorted by `updated_at`, and answers in PDD's shapes.
actor FakePinduoduo {
    let orders: [String]
    private(set) var requests: [[String: String]] = []
    private(set) var badSignatures = 0
    private(set) var paths: Set<String> = []
    private var failures: [String] = []

    init(orders: [String]) { self.orders = orders }

    func failNext(_ body: String) { failures.append(body) }

    func handle(_ request: PlatformHTTPRequest) -> PlatformHTTPResponse {
        paths.insert(String(request.url.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }))
        let form = Self.parseForm(request.bodyText)
        requests.append(form)
        let plain =
            PinduoduoConnectorTests.clientSecret
            + form.filter { $0.key != "sign" }.sorted { $0.key < $1.key }.map { $0.key + $0.value }.joined()
            + PinduoduoConnectorTests.clientSecret
        guard form["sign"] == PinduoduoConnectorTests.upperMD5(plain) else {
            badSignatures += 1
            return PlatformHTTPResponse(status: 200, body: #"{"error_response":{"error_code":20004,"error_msg":"签名错误"}}"#)
        }
        if !failures.isEmpty { return PlatformHTTPResponse(status: 200, body: failures.removeFirst()) }
        switch form["type"] ?? "" {
        case "pdd.order.number.list.increment.get":
            let page = Int(form["page"] ?? "1") ?? 1
            let size = Int(form["page_size"] ?? "100") ?? 100
            let start = min((page - 1) * size, orders.count)
            let end = min(start + size, orders.count)
            let list = orders[start..<end].joined(separator: ",")
            let tail = form["use_has_next"] == "true" ? #""has_next":\#(end < orders.count)"# : #""total_count":\#(orders.count)"#
            return PlatformHTTPResponse(status: 200, body: #"{"order_sn_increment_get_response":{\#(tail),"order_sn_list":[\#(list)]}}"#)
        case "pdd.order.information.get":
            guard let order = orders.first(where: { $0.contains(#""order_sn":"\#(form["order_sn"] ?? "")""#) }) else {
                return PlatformHTTPResponse(status: 200, body: #"{"error_response":{"error_code":10000,"error_msg":"订单不存在"}}"#)
            }
            return PlatformHTTPResponse(status: 200, body: #"{"order_info_get_response":{"order_info":\#(order)}}"#)
        case "pdd.goods.quantity.update":
            return PlatformHTTPResponse(status: 200, body: #"{"goods_quantity_update_response":{"is_success":true}}"#)
        default:
            return PlatformHTTPResponse(status: 200, body: #"{"error_response":{"error_code":10000,"error_msg":"unknown type"}}"#)
        }
    }

    /// Parses `k=v&k=v` with percent-decoding (`+` as space).
    static func parseForm(_ body: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            result[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }
}
