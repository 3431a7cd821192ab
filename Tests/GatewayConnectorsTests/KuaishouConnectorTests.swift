import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

@Suite struct KuaishouConnectorTests {
    static let orderJSON = #"""
        {"orderBaseInfo":{"oid":2412345678901234567,"status":40,"payTime":1764399060000,"createTime":1764399000000,"updateTime":1764403000123,
          "sendTime":1764403000000,"totalFee":10960,"expressFee":0,"discountFee":1000,"buyerOpenId":"f_buyer","sellerOpenId":"f_seller","payType":1},
         "orderItemInfo":{"itemId":22001234567,"skuId":33001234567,"relSkuId":0,"skuNick":"ponkan-5kg-a","itemTitle":"保靖椪柑 5kg 特级","num":2,
          "originalPrice":5980,"price":5480,"discountFee":0},
         "orderRefundList":[],
         "orderAddress":{"encryptedConsignee":"#ks#name","encryptedMobile":"#ks#tel","encryptedAddress":"#ks#addr",
          "desensitiseConsignee":"张*","desensitiseMobile":"138****5678","province":"湖南省","city":"湘西土家族苗族自治州"}}
        """#

    static func order(oid: String, status: Int, updateTime: Int64) -> String {
        #"{"orderBaseInfo":{"oid":\#(oid),"status":\#(status),"createTime":1764399000000,"updateTime":\#(updateTime),"totalFee":5980,"expressFee":0,"discountFee":0},"orderItemInfo":{"itemId":1,"skuId":2,"itemTitle":"椪柑","num":1,"price":5980}}"#
    }

    func connector(_ platform: ScriptedPlatform, accessToken: String? = "tok") -> KuaishouConnector {
        KuaishouConnector(
            shop: "yunlai-kuaishou",
            api: KuaishouAPIClient(
                baseURL: "http://mock.test/",
                appKey: "ks7011223344",
                signSecret: "sign-secret-1",
                accessToken: accessToken,
                transport: platform.transport,
                limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
                retry: RetryPolicy(maxAttempts: 2, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
                clock: testWallClock
            )
        )
    }

    @Test func fullOrderMapsStatusMoneyTimesAndBuyer() throws {
        let order = try JSONDecoder().decode(KuaishouOrder.self, from: Data(Self.orderJSON.utf8))
        let snapshot = try KuaishouMapping.snapshot(order)
        #expect(order.orderBaseInfo.oid.value == "2412345678901234567")
        #expect(snapshot.status == .shipped)
        #expect(snapshot.platformStatus == "40")
        #expect(snapshot.paidFen == 10960)
        #expect(snapshot.totalFen == 11960)
        #expect(snapshot.discountFen == 1000)
        #expect(snapshot.postageFen == 0)
        #expect(snapshot.createdAt == Timestamp(millisecondsSince1970: 1_764_399_000_000))
        #expect(snapshot.paidAt == Timestamp(millisecondsSince1970: 1_764_399_060_000))
        #expect(KuaishouMapping.updatedAt(order) == Timestamp(millisecondsSince1970: 1_764_403_000_123))
        #expect(snapshot.lines.count == 1)
        let line = snapshot.lines[0]
        #expect(line.productId == "22001234567")
        #expect(line.skuId == "33001234567")
        #expect(line.outSkuId == "ponkan-5kg-a")
        #expect(line.quantity == 2)
        #expect(line.paidFen == 10960)
        #expect(line.refundState == .none)
        #expect(snapshot.buyer.maskedName == "张*")
        #expect(snapshot.buyer.phoneTail == "5678")
        #expect(snapshot.buyer.province == "湖南省")
        #expect(
            snapshot.buyer.platformCiphertext == ["encryptedConsignee": "#ks#name", "encryptedMobile": "#ks#tel", "encryptedAddress": "#ks#addr"]
        )
        #expect(snapshot.liveRoomId == nil)
    }

    @Test(arguments: [(Int64(10), OrderStatus.created), (30, .paid), (40, .shipped), (50, .completed), (70, .completed), (80, .cancelled)])
    func statusCodes(code: Int64, status: OrderStatus) {
        #expect(KuaishouMapping.status(code: code) == status)
    }

    @Test func unknownStatusIsAnErrorAndRefundsAreRequested() throws {
        let unknown = try JSONDecoder().decode(KuaishouOrder.self, from: Data(Self.order(oid: "1", status: 0, updateTime: 1).utf8))
        #expect(throws: ConnectorError.self) { try KuaishouMapping.snapshot(unknown) }
        let refunding = Self.orderJSON.replacingOccurrences(
            of: #""orderRefundList":[]"#,
            with: #""orderRefundList":[{"refundId":9001,"refundStatus":10,"skuId":33001234567}]"#
        )
        let order = try JSONDecoder().decode(KuaishouOrder.self, from: Data(refunding.utf8))
        #expect(try KuaishouMapping.snapshot(order).lines[0].refundState == .requested)
    }

    @Test func pushObservationsAreThinAndAskForDetail() throws {
        let platform = ScriptedPlatform { _ in PlatformHTTPResponse(status: 500, body: "") }
        let connector = connector(platform)
        func observe(_ message: String) throws -> [OrderObservation] {
            let delivery = InboxDelivery(
                platform: .kuaishou,
                shop: "yunlai-kuaishou",
                deliveryId: "e",
                kind: .push,
                receivedAt: Timestamp(secondsSince1970: 1_764_400_100),
                text: message
            )
            return try connector.observations(from: InboxEntry(id: 1, delivery: delivery))
        }
        let paid = try observe(KuaishouPushTests.message)
        #expect(paid.count == 1)
        #expect(paid[0].key == OrderKey(platform: .kuaishou, shop: "yunlai-kuaishou", platformOrderId: "2412345678901234567"))
        #expect(paid[0].status == .paid)
        #expect(paid[0].needsDetail)
        #expect(paid[0].snapshot == nil)
        #expect(paid[0].platformUpdatedAt == Timestamp(millisecondsSince1970: 1_764_400_000_123))

        let created = try observe(
            #"{"eventId":"e2","bizId":2412345678901234999,"event":"kwaishop_order_addOrder","info":"{\"oid\":2412345678901234999,\"createTime\":1764399000000}","createTime":1764399000500}"#
        )
        #expect(created[0].status == .created)
        #expect(created[0].platformUpdatedAt == Timestamp(millisecondsSince1970: 1_764_399_000_000))

        let failed = try observe(#"{"eventId":"e3","bizId":7,"event":"kwaishop_order_orderFail","info":"{\"oid\":7}","createTime":1764399000500}"#)
        #expect(failed[0].status == .cancelled)

        // After-sale: bizId is the refund id; the order id comes from info.oid.
        let refund = try observe(
            #"{"eventId":"e4","bizId":9001,"event":"kwaishop_aftersales_addRefund","info":"{\"oid\":2412345678901234567,\"refundId\":9001,\"status\":10,\"updateTime\":1764400500000}"}"#
        )
        #expect(refund[0].key.platformOrderId == "2412345678901234567")
        #expect(refund[0].status == nil)
        #expect(refund[0].needsDetail)
        #expect(throws: ConnectorError.self) { try observe(#"{"eventId":"e5","bizId":9001,"event":"kwaishop_aftersales_addRefund","info":"{}"}"#) }
    }

    @Test func pollPagesTheCursorUntilNomoreWithSignedRequests() async throws {
        let signer = KuaishouSigner(signSecret: "sign-secret-1")
        let platform = ScriptedPlatform { request in
            let form = request.formParameters
            guard signer.verify(form), form == request.queryParameters, form["appkey"] == "ks7011223344", form["access_token"] == "tok",
                form["version"] == "1", form["signMethod"] == "HMAC_SHA256"
            else { return PlatformHTTPResponse(status: 200, body: #"{"result":28,"code":"28","msg":"sign invalid"}"#) }
            let param = try JSONSerialization.jsonObject(with: Data(form["param"]!.utf8)) as! [String: Any]
            switch (request.path, param["cursor"] as? String) {
            case ("/open/order/cursor/list", ""):
                return PlatformHTTPResponse(
                    status: 200,
                    body:
                        #"{"result":1,"data":{"cursor":"c2","pageSize":100,"orderList":[\#(Self.order(oid: "2412345678901234501", status: 30, updateTime: 1_764_400_000_001)),\#(Self.order(oid: "2412345678901234502", status: 10, updateTime: 1_764_400_000_002))]}}"#
                )
            case ("/open/order/cursor/list", "c2"):
                return PlatformHTTPResponse(
                    status: 200,
                    body:
                        #"{"result":1,"data":{"cursor":"nomore","orderList":[\#(Self.order(oid: "2412345678901234503", status: 80, updateTime: 1_764_400_000_003))]}}"#
                )
            default:
                return PlatformHTTPResponse(status: 404, body: "")
            }
        }
        let deliveries = try await connector(platform).poll(
            from: Timestamp(millisecondsSince1970: 1_764_396_400_000),
            to: Timestamp(millisecondsSince1970: 1_764_400_000_000)
        )
        #expect(
            deliveries.map(\.deliveryId) == [
                "poll:2412345678901234501:1764400000001", "poll:2412345678901234502:1764400000002", "poll:2412345678901234503:1764400000003",
            ]
        )
        #expect(deliveries.allSatisfy { $0.kind == .poll && $0.platform == .kuaishou })
        let requests = platform.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.method == "POST" && $0.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true })
        let param = try JSONSerialization.jsonObject(with: Data(requests[0].formParameters["param"]!.utf8)) as! [String: Any]
        #expect(param["beginTime"] as? Int64 == 1_764_396_400_000)
        #expect(param["endTime"] as? Int64 == 1_764_400_000_000)
        #expect(param["pageSize"] as? Int == 100)
        #expect(param["queryType"] as? Int == 2)
        #expect(requests[0].formParameters["param"]!.hasPrefix(#"{"beginTime":"#))  // sorted keys, compact
        // Poll rows decode back into full observations.
        let connector = connector(platform)
        let observed = try connector.observations(from: InboxEntry(id: 1, delivery: deliveries[2]))
        #expect(observed[0].snapshot?.status == .cancelled)
        #expect(observed[0].source == .poll)
        #expect(observed[0].platformUpdatedAt == Timestamp(millisecondsSince1970: 1_764_400_000_003))
    }

    @Test func oneBadRowBecomesItsOwnDeliveryAndTheWindowSucceeds() async throws {
        let wrongTyped = #"{"orderBaseInfo":{"oid":2412345678901234599,"status":"paid","updateTime":1764400000099}}"#
        let unreadable = #"{"orderItemInfo":{"itemId":1},"orderBaseInfo":null}"#
        let platform = ScriptedPlatform { request in
            let rows = [
                Self.order(oid: "2412345678901234501", status: 30, updateTime: 1_764_400_000_001), wrongTyped,
                Self.order(oid: "2412345678901234502", status: 10, updateTime: 1_764_400_000_002), unreadable,
                Self.order(oid: "2412345678901234503", status: 80, updateTime: 1_764_400_000_003),
            ]
            return PlatformHTTPResponse(
                status: 200,
                body: #"{"result":1,"data":{"cursor":"nomore","pageSize":100,"orderList":[\#(rows.joined(separator: ","))]}}"#
            )
        }
        let connector = connector(platform)
        let deliveries = try await connector.poll(
            from: Timestamp(millisecondsSince1970: 1_764_396_400_000),
            to: Timestamp(millisecondsSince1970: 1_764_400_000_000)
        )
        #expect(deliveries.count == 5)
        #expect(
            Array(deliveries.map(\.deliveryId).prefix(3)) == [
                "poll:2412345678901234501:1764400000001", "poll:2412345678901234599:1764400000099", "poll:2412345678901234502:1764400000002",
            ]
        )
        #expect(deliveries[3].deliveryId.hasPrefix("poll:unreadable:"))
        #expect(deliveries[4].deliveryId == "poll:2412345678901234503:1764400000003")
        #expect(deliveries[1].payloadText == wrongTyped)
        #expect(deliveries[3].payloadText == unreadable)
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 1, delivery: deliveries[1])) }
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 2, delivery: deliveries[3])) }
        #expect(try connector.observations(from: InboxEntry(id: 3, delivery: deliveries[4])).first?.snapshot?.status == .cancelled)
    }

    @Test func detailAndStockUpdateSendTheRightParameters() async throws {
        let platform = ScriptedPlatform { request in
            switch request.path {
            case "/open/order/detail": PlatformHTTPResponse(status: 200, body: #"{"result":1,"data":\#(Self.orderJSON)}"#)
            case "/open/item/sku/stock/update": PlatformHTTPResponse(status: 200, body: #"{"result":1}"#)
            case "/oauth2/access_token": PlatformHTTPResponse(status: 200, body: #"{"result":1,"access_token":"granted-token","expires_in":172800}"#)
            default: PlatformHTTPResponse(status: 404, body: "")
            }
        }
        let connector = connector(platform, accessToken: nil)
        let prepared = try await connector.fetchOrder(platformOrderId: "2412345678901234567")
        #expect(prepared.observation.source == .detail)
        #expect(prepared.observation.snapshot?.paidFen == 10960)
        #expect(prepared.rawPayload.contains("orderBaseInfo"))
        // Without a configured token the client is granted one first, then signs it into the call.
        #expect(platform.requests[0].path == "/oauth2/access_token")
        let detail = platform.requests[1].formParameters
        #expect(detail["param"] == #"{"oid":2412345678901234567}"#)
        #expect(detail["method"] == "open.order.detail")
        #expect(detail["access_token"] == "granted-token")
        #expect(KuaishouSigner(signSecret: "sign-secret-1").verify(detail))

        let api = KuaishouAPIClient(
            baseURL: "http://mock.test",
            appKey: "ks7011223344",
            signSecret: "sign-secret-1",
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
            clock: testWallClock
        )
        try await api.updateSkuStock(itemId: "22001234567", skuId: "33001234567", change: -3)
        try await api.updateSkuStock(itemId: "22001234567", skuId: "33001234567", change: 0)
        try await api.updateSkuStock(itemId: "22001234567", skuId: "33001234567", change: 5)
        let stock = platform.requests.filter { $0.path == "/open/item/sku/stock/update" }.map { $0.formParameters["param"] ?? "" }
        #expect(
            stock == [
                #"{"changeType":2,"kwaiItemId":22001234567,"skuChangeStock":3,"skuId":33001234567}"#,
                #"{"changeType":1,"kwaiItemId":22001234567,"skuChangeStock":5,"skuId":33001234567}"#,
            ]
        )
    }

    @Test func platformErrorsCarryTheirCodes() async throws {
        let platform = ScriptedPlatform { _ in
            PlatformHTTPResponse(status: 200, body: #"{"result":2001,"code":"807000","msg":"参数错误","subCode":"endTime","subMsg":"endTime无效"}"#)
        }
        await #expect {
            try await connector(platform).poll(from: Timestamp(millisecondsSince1970: 0), to: Timestamp(millisecondsSince1970: 1))
        } throws: { error in
            guard let error = error as? PlatformAPIError else { return false }
            return error.code == "807000" && error.message.contains("endTime无效") && !error.isRetryable
        }
        let down = ScriptedPlatform { _ in PlatformHTTPResponse(status: 503, body: "busy") }
        await #expect(throws: PlatformAPIError.self) { try await connector(down).fetchOrder(platformOrderId: "1") }
        #expect(down.requests.count == 2)  // retried once (maxAttempts 2)
    }
}
