extension PinduoduoShopMock: RouterShop {
    /// The `client_id`.
    var appKey: String { clientId }

    /// The `client_secret`.
    var appSecret: String { clientSecret }
}
