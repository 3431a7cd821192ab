/// One shop of the test configurations: key, platform, enterprise and demo-style credentials (a YAML flow mapping).
/// ``TestGatewayYAML/shops(_:apiBase:poll:requestsPerSecond:)`` writes the `shops:` block from these, so no shop is
/// written out twice.
public struct TestShop: Sendable, Hashable {
    /// `shops[].key`.
    public var key: String
    /// `shops[].platform`.
    public var platform: String
    /// `shops[].enterprise`.
    public var enterprise: String
    /// `shops[].credentials`, as a flow mapping (`{ app_key: "…", … }`).
    public var credentials: String
    /// The shop's own `poll` mapping, when it must differ from the list's (e.g. `{ enabled: false }`).
    public var poll: String?

    /// Creates a test shop.
    public init(key: String, platform: String, enterprise: String, credentials: String, poll: String? = nil) {
        self.key = key
        self.platform = platform
        self.enterprise = enterprise
        self.credentials = credentials
        self.poll = poll
    }

    /// Douyin shop of `yunlai`.
    public static let yunlaiDouyin = TestShop(
        key: "yunlai-douyin",
        platform: "douyin",
        enterprise: "yunlai",
        credentials: #"{ app_key: "7011223344556677889", app_secret: "e2e-yunlai-secret", shop_id: "4463798" }"#
    )
    /// Douyin shop of `linyin`.
    public static let linyinDouyin = TestShop(
        key: "linyin-douyin",
        platform: "douyin",
        enterprise: "linyin",
        credentials: #"{ app_key: "7022334455667788990", app_secret: "e2e-linyin-secret", shop_id: "5571234" }"#
    )
    /// Kuaishou shop of `yunlai`.
    public static let yunlaiKuaishou = TestShop(
        key: "yunlai-kuaishou",
        platform: "kuaishou",
        enterprise: "yunlai",
        credentials:
            #"{ app_key: "ks-e2e-app", app_secret: "ks-e2e-secret", sign_secret: "ks-e2e-sign-secret", message_key: "MDEyMzQ1Njc4OWFiY2RlZg==" }"#
    )
    /// Pinduoduo shop of `yunlai`.
    public static let yunlaiPinduoduo = TestShop(
        key: "yunlai-pinduoduo",
        platform: "pinduoduo",
        enterprise: "yunlai",
        credentials: #"{ client_id: "pdd-e2e-client", client_secret: "pdd-e2e-secret", access_token: "pdd-e2e-token" }"#
    )
    /// Taobao shop of `linyin`.
    public static let linyinTaobao = TestShop(
        key: "linyin-taobao",
        platform: "taobao",
        enterprise: "linyin",
        credentials: #"{ app_key: "12345678", app_secret: "tb-e2e-secret", session: "tb-e2e-session" }"#
    )
    /// WeChat Channels shop of `linyin`.
    public static let linyinWeChat = TestShop(
        key: "linyin-wechat",
        platform: "wechat-channels",
        enterprise: "linyin",
        credentials:
            #"{ app_id: "wx0123456789abcdef", app_secret: "wx-e2e-secret", token: "wxe2etoken", encoding_aes_key: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" }"#
    )
    /// Youzan shop of `yunlai` (push only: its poll is off).
    public static let yunlaiYouzan = TestShop(
        key: "yunlai-youzan",
        platform: "youzan",
        enterprise: "yunlai",
        credentials: #"{ client_id: "yz-e2e-client", client_secret: "yz-e2e-secret" }"#,
        poll: "{ enabled: false }"
    )
}
