import Foundation
import Hummingbird

/// Small scripted order histories played on any ``MockShop``, behind the `/_mock/{platform}/orders`
/// control route that scripts use (the SDK fidelity checks in `scripts/sdk-fidelity/`).
///
/// `POST /_mock/{platform}/orders?shop=KEY&count=N[&to=GATEWAY_URL]` creates N one-line orders; order i
/// ends in the i-th state of created → paid → shipped → completed → cancelled (cycling). With `to`, every
/// push the platform would send is delivered there. Answer:
/// `{"orders":["id",…],"pushes":[{"id":…,"orderId":…,"status":200,"acknowledged":true},…]}`.
enum MockShopScenario {
    /// One delivered push, for the answer.
    struct Sent: Sendable {
        var push: MockPush
        var result: MockPushResult?
    }

    /// Plays `count` orders on a shop.
    /// - Returns: the order ids and the pushes, in the order the platform would send them.
    static func play(on shop: any MockShop, count: Int, at date: Date) throws -> (orderIds: [String], pushes: [MockPush]) {
        var ids: [String] = []
        var pushes: [MockPush] = []
        for index in 0..<max(0, count) {
            let line = MockLineSpec(
                productId: String(3_656_110_990_000_000_501 + Int64(index % 3)),
                skuId: String(1_786_000_000_000_000_501 + Int64(index % 3)),
                outSkuId: ["BJPG-5KG", "BJPG-10KG", "LYHC-1KG"][index % 3],
                title: ["保靖椪柑 5kg", "保靖椪柑 10kg", "龙山黄茶 1kg"][index % 3],
                quantity: 1 + index % 2,
                unitPriceFen: [3990, 6990, 12800][index % 3]
            )
            let time = date.addingTimeInterval(Double(index))
            let placed = try shop.placeOrder(
                lines: [line],
                postageFen: index % 2 == 0 ? 0 : 800,
                roomId: "7301882233445566778",
                authorId: nil,
                province: "湖南省",
                city: "长沙市",
                at: time
            )
            ids.append(placed.orderId)
            var step: [MockPush?] = [placed.push]
            switch index % 5 {
            case 1:
                step.append(try shop.payOrder(orderId: placed.orderId, at: time))
            case 2:
                step.append(try shop.payOrder(orderId: placed.orderId, at: time))
                step.append(try shop.shipOrder(orderId: placed.orderId, at: time))
            case 3:
                step.append(try shop.payOrder(orderId: placed.orderId, at: time))
                step.append(try shop.shipOrder(orderId: placed.orderId, at: time))
                step.append(try shop.completeOrder(orderId: placed.orderId, at: time))
            case 4:
                step.append(try shop.cancelOrder(orderId: placed.orderId, at: time))
            default:
                break
            }
            pushes.append(contentsOf: step.compactMap { $0 })
        }
        return (ids, pushes)
    }

    /// Adds `POST /_mock/{platform}/orders` for a platform's shops.
    static func addRoutes(platform: String, shops: [any MockShop], to router: Router<BasicRequestContext>) {
        router.post(RouterPath("/_mock/\(platform)/orders")) { request, _ -> Response in
            let query = MockPlatform.queryParameters(request.uri.query)
            guard let shop = shops.first(where: { $0.shopKey == query["shop"] }) ?? (query["shop"] == nil ? shops.first : nil) else {
                return MockPlatform.response(status: 404, contentType: "application/json", body: #"{"error":"unknown shop"}"#)
            }
            let count = Int(query["count"] ?? "") ?? 5
            let played = try play(on: shop, count: count, at: Date())
            var sent: [Sent] = played.pushes.map { Sent(push: $0) }
            if let target = query["to"], !target.isEmpty {
                for index in sent.indices {
                    sent[index].result = try? await shop.deliver([sent[index].push], to: target, timeout: .seconds(5))
                }
            }
            let body: JSONValue = [
                "orders": .array(played.orderIds.map { .string($0) }),
                "pushes": .array(
                    sent.map { item in
                        [
                            "id": .string(item.push.id),
                            "orderId": .string(item.push.orderId),
                            "status": .int(item.result?.status ?? 0),
                            "acknowledged": .bool(item.result?.acknowledged ?? false),
                        ]
                    }
                ),
            ]
            return MockPlatform.response(status: 200, contentType: "application/json", body: body.serialized)
        }
    }

    /// Answers a control route with a push result.
    static func response(_ result: MockPushResult) -> Response {
        let body: JSONValue = ["status": .int(result.status), "body": .string(result.body), "acknowledged": .bool(result.acknowledged)]
        return MockPlatform.response(status: 200, contentType: "application/json", body: body.serialized)
    }
}
