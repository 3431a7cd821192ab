extension MockPlatform {
    /// The mock of a Pinduoduo shop.
    /// - Parameter shop: the shop key from the configuration.
    /// - Returns: nil when no Pinduoduo shop has that key.
    public func pinduoduo(shop: String) -> PinduoduoShopMock? {
        pinduoduoShopMocks.first { $0.shopKey == shop }
    }

    /// Every Pinduoduo shop mock, in configuration order.
    public var pinduoduoShopMocks: [PinduoduoShopMock] { module(PinduoduoMockModule.self)?.shops ?? [] }
}
