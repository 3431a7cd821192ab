extension MockPlatform {
    /// The mock of a Kuaishou shop.
    /// - Parameter shop: the shop key from the configuration.
    /// - Returns: nil when no Kuaishou shop has that key.
    public func kuaishou(shop: String) -> KuaishouShopMock? {
        shopMock(shop)
    }

    /// Every Kuaishou shop mock, in configuration order.
    public var kuaishouShopMocks: [KuaishouShopMock] { shopMocks() }
}
