extension MockPlatform {
    /// The mock of a Douyin shop.
    /// - Parameter shop: the shop key from the configuration.
    /// - Returns: nil when no Douyin shop has that key.
    public func douyin(shop: String) -> DouyinShopMock? {
        shopMock(shop)
    }

    /// Every Douyin shop mock, in configuration order.
    public var douyinShopMocks: [DouyinShopMock] { shopMocks() }
}
