extension MockPlatform {
    /// The mock of a WeChat Channels shop.
    /// - Parameter shop: the shop key from the configuration.
    /// - Returns: nil when no Channels shop has that key.
    public func wechatChannels(shop: String) -> WechatChannelsShopMock? {
        shopMock(shop)
    }

    /// Every WeChat Channels shop mock, in configuration order.
    public var wechatChannelsShopMocks: [WechatChannelsShopMock] { shopMocks() }
}
