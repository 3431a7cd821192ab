import GatewayConfig

/// The configuration the tests serve: two Douyin shops and a non-Douyin shop.
enum TestConfiguration {
    static let yunlaiKey = "7011223344556677889"
    static let yunlaiSecret = "demo-yunlai-douyin-secret"
    static let yunlaiShopId = "4463798"
    static let linyinKey = "7022334455667788990"
    static let linyinSecret = "demo-linyin-douyin-secret"

    static let yaml = """
        shops:
          - key: yunlai-douyin
            platform: douyin
            enterprise: yunlai
            api_base: "http://127.0.0.1:9090"
            credentials: { app_key: "\(yunlaiKey)", app_secret: "\(yunlaiSecret)", shop_id: "\(yunlaiShopId)" }
          - key: linyin-douyin
            platform: douyin
            enterprise: linyin
            api_base: "http://127.0.0.1:9090"
            credentials: { app_key: "\(linyinKey)", app_secret: "\(linyinSecret)", shop_id: "5571234" }
          - key: county-miniprogram
            platform: standard
            enterprise: yunlai
            credentials: { secret: "whsec_ZGVtby1jb3VudHktbWluaXByb2dyYW0tc2VjcmV0" }
            poll: { enabled: false }
        """

    static func load() throws -> GatewayConfiguration {
        try ConfigurationLoader(environment: [:]).parse(yaml: yaml)
    }
}
