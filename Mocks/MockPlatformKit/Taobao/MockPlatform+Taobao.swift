extension MockPlatform {
    /// The mock of a Taobao / Tmall shop.
    /// - Parameter shop: the shop key from the configuration.
    /// - Returns: nil when no Taobao shop has that key.
    public func taobao(shop: String) -> TaobaoShopMock? {
        shopMock(shop)
    }

    /// Every Taobao shop mock, in configuration order.
    public var taobaoShopMocks: [TaobaoShopMock] { shopMocks() }
}
