/// One SKU of a Kuaishou item as the mock shop lists it (an `open.item.get` `skuInfos` entry).
///
/// The mock's catalogue is lenient: a SKU is listed once the shop sells it (the standard livestream
/// catalogue, from the start), once an order line names it, once a stock write names it, or once
/// ``KuaishouShopMock/setStock(itemId:skuId:stock:)`` sets its stock.
struct KuaishouListedSku: Sendable, Equatable {
    /// The Kuaishou item id (`kwaiItemId`).
    var itemId: String
    /// The Kuaishou SKU id (`kwaiSkuId`).
    var skuId: String
    /// `skuNick`: the merchant's SKU code ("" when unknown).
    var skuNick: String
    /// The item title ("" when unknown).
    var title: String
    /// `skuStock`: the SKU's current stock (0 until set or written).
    var stock: Int64 = 0
}
