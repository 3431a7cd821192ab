import GatewayConfig

/// The configuration the Pinduoduo and Taobao tests serve: two shops of one Pinduoduo app, one Taobao
/// shop, and a Douyin shop beside them.
enum PollPlatformsTestConfiguration {
    static let pddClientId = "d3a1f0c2b4e64d2a9c1b7e5f3a2d4c6b"
    static let pddSecret = "demo-pdd-client-secret"
    static let pddToken = "demo-yunlai-pdd-access-token"
    static let pddOtherToken = "demo-linyin-pdd-access-token"
    static let taobaoAppKey = "34561234"
    static let taobaoSecret = "demo-taobao-app-secret"
    static let taobaoSession = "6100a1b2c3d4e5f60718293a4b5c6d7e8f9aa0b1c2d3e2207001234"

    static let yaml = """
        shops:
          - key: yunlai-pinduoduo
            platform: pinduoduo
            enterprise: yunlai
            api_base: "http://127.0.0.1:9090"
            credentials: { client_id: "\(pddClientId)", client_secret: "\(pddSecret)", access_token: "\(pddToken)" }
          - key: linyin-pinduoduo
            platform: pinduoduo
            enterprise: linyin
            api_base: "http://127.0.0.1:9090"
            credentials: { client_id: "\(pddClientId)", client_secret: "\(pddSecret)", access_token: "\(pddOtherToken)" }
          - key: linyin-taobao
            platform: taobao
            enterprise: linyin
            api_base: "http://127.0.0.1:9090"
            credentials: { app_key: "\(taobaoAppKey)", app_secret: "\(taobaoSecret)", session: "\(taobaoSession)" }
          - key: yunlai-douyin
            platform: douyin
            enterprise: yunlai
            api_base: "http://127.0.0.1:9090"
            credentials: { app_key: "7011223344556677889", app_secret: "demo-yunlai-douyin-secret", shop_id: "4463798" }
        """

    static func load() throws -> GatewayConfiguration {
        try ConfigurationLoader(environment: [:]).parse(yaml: yaml)
    }
}
