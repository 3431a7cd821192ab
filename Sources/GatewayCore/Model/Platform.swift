/// A sales platform the gateway takes orders from.
///
/// The raw value is the name used in webhook paths (`/webhooks/{platform}/{shop}`), in the
/// configuration file and in the staff API.
public enum Platform: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Douyin shop (抖店).
    case douyin
    /// Kuaishou e-commerce (快手电商).
    case kuaishou
    /// Pinduoduo (拼多多).
    case pinduoduo
    /// Taobao / Tmall (淘宝).
    case taobao
    /// WeChat Channels shop (视频号小店).
    case wechatChannels = "wechat-channels"
    /// Youzan (有赞).
    case youzan
    /// Standard Webhooks sender: a county mini-program, an offline till, any system that posts canonical orders.
    case standard

    /// Whether the platform pushes orders to the gateway over HTTP webhooks.
    public var receivesWebhooks: Bool {
        switch self {
        case .douyin, .kuaishou, .wechatChannels, .youzan, .standard: true
        case .pinduoduo, .taobao: false
        }
    }

    /// The credential names a shop on this platform must configure (design.md §4).
    public var requiredCredentials: [String] {
        switch self {
        case .douyin: ["app_key", "app_secret", "shop_id"]
        case .kuaishou: ["app_key", "app_secret", "sign_secret", "message_key"]
        case .pinduoduo: ["client_id", "client_secret", "access_token"]
        case .taobao: ["app_key", "app_secret", "session"]
        case .wechatChannels: ["app_id", "app_secret", "token", "encoding_aes_key"]
        case .youzan: ["client_id", "client_secret"]
        case .standard: ["secret"]
        }
    }

    public static func < (lhs: Platform, rhs: Platform) -> Bool { lhs.rawValue < rhs.rawValue }
}
