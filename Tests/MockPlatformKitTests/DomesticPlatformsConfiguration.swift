import GatewayConfig

/// The configuration of the Kuaishou, WeChat Channels and Youzan mock tests: two Kuaishou shops (one
/// with a configured access token), one Channels shop, one Youzan shop.
enum DomesticPlatformsConfiguration {
    static let kuaishouAppKey = "ks698620000000000001"
    static let kuaishouAppSecret = "demo-yunlai-kuaishou-secret"
    static let kuaishouSignSecret = "demo-yunlai-kuaishou-sign-secret"
    /// Base64 of the 16 bytes `demo-ks-msgkey16`.
    static let kuaishouMessageKey = "ZGVtby1rcy1tc2drZXkxNg=="
    static let kuaishouOtherAppKey = "ks698620000000000002"
    static let kuaishouOtherSignSecret = "demo-linyin-kuaishou-sign-secret"
    static let kuaishouOtherToken = "configured-linyin-kuaishou-token"

    static let wechatAppId = "wx5f1e2d3c4b5a6978"
    static let wechatSecret = "demo-linyin-wechat-secret"
    static let wechatToken = "demo-linyin-wechat-token"
    /// 43 characters: Base64 of `demo-linyin-wechat-channels-aes!` without its `=`.
    static let wechatAESKey = "ZGVtby1saW55aW4td2VjaGF0LWNoYW5uZWxzLWFlcyE"

    static let youzanClientId = "6cd25b3f99727975b5"
    static let youzanClientSecret = "demo-yunlai-youzan-secret"

    static let yaml = """
        shops:
          - key: yunlai-kuaishou
            platform: kuaishou
            enterprise: yunlai
            api_base: "http://127.0.0.1:9090"
            credentials: { app_key: "\(kuaishouAppKey)", app_secret: "\(kuaishouAppSecret)", sign_secret: "\(kuaishouSignSecret)", message_key: "\(kuaishouMessageKey)" }
          - key: linyin-kuaishou
            platform: kuaishou
            enterprise: linyin
            api_base: "http://127.0.0.1:9090"
            credentials: { app_key: "\(kuaishouOtherAppKey)", app_secret: "x", sign_secret: "\(kuaishouOtherSignSecret)", message_key: "\(kuaishouMessageKey)", access_token: "\(kuaishouOtherToken)" }
          - key: linyin-wechat
            platform: wechat-channels
            enterprise: linyin
            api_base: "http://127.0.0.1:9090"
            credentials: { app_id: "\(wechatAppId)", app_secret: "\(wechatSecret)", token: "\(wechatToken)", encoding_aes_key: "\(wechatAESKey)" }
          - key: yunlai-youzan
            platform: youzan
            enterprise: yunlai
            credentials: { client_id: "\(youzanClientId)", client_secret: "\(youzanClientSecret)" }
            poll: { enabled: false }
        """

    static func load() throws -> GatewayConfiguration {
        try ConfigurationLoader(environment: [:]).parse(yaml: yaml)
    }
}
