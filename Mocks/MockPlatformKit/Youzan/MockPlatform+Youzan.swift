extension MockPlatform {
    /// The mock of a Youzan shop.
    /// - Parameter shop: the shop key from the configuration.
    /// - Returns: nil when no Youzan shop has that key.
    public func youzan(shop: String) -> YouzanShopMock? {
        shopMock(shop)
    }

    /// Every Youzan shop mock, in configuration order.
    public var youzanShopMocks: [YouzanShopMock] { shopMocks() }
}
