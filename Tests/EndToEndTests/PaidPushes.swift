import Foundation
import MockPlatformKit

/// Douyin orders of one 5 kg ponkan box created and paid on the mock, as the pushes the platform would send.
enum PaidPushes {
    static let ponkan = MockLineSpec(
        productId: "3600000000001",
        skuId: "1700000000001",
        outSkuId: "ponkan-5kg-a",
        title: "保靖椪柑 5kg",
        quantity: 1,
        unitPriceFen: 2990
    )

    /// `count` new paid orders' push messages.
    static func messages(_ count: Int, shop: DouyinShopMock) throws -> [DouyinPushMessage] {
        var messages: [DouyinPushMessage] = []
        for _ in 0..<count {
            let id = shop.createOrder(lines: [ponkan], at: Date())
            messages.append(try shop.pay(orderId: id, at: Date()))
        }
        return messages
    }
}
