extension MockPlatform {
    /// The mock of a Pinduoduo shop.
    /// - Parameter shop: the shop key from the configuration.
    /// - Returns: nil when no Pinduoduo shop has that key.
    public func pinduoduo(shop: String) -> PinduoduoShopMock? {
        shopMock(shop)
    }

    /// Every Pinduoduo shop mock, in configuration order.
    public var pinduoduoShopMocks: [PinduoduoShopMock] { shopMocks() }
}
