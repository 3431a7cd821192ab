/// The enterprise-side courier list (issue #17), each mapped to every platform's own courier code
/// (`shipping.md` §8b.7). Platforms change their lists; these codes seed the mapping.
///
/// Where `shipping.md` marks a platform's code **[U]** (unverified) the safest reading is taken: no code, so a shipment
/// with that courier is not sent to that platform but goes to staff (``code(on:)`` is `nil`) instead of being sent with
/// a guessed code the platform could take for another courier. Codes marked [V-3p] (third-party evidence) are used.
public enum Courier: String, Sendable, Hashable, Codable, CaseIterable {
    /// 顺丰.
    case sf = "SF"
    /// 中通.
    case zto = "ZTO"
    /// 圆通.
    case yto = "YTO"
    /// 韵达.
    case yunda = "YUNDA"
    /// 申通.
    case sto = "STO"
    /// 京东.
    case jd = "JD"
    /// EMS.
    case ems = "EMS"
    /// 邮政快递包裹.
    case postb = "POSTB"
    /// 极兔.
    case jt = "JT"

    /// The courier's Chinese name, for staff.
    public var name: String {
        switch self {
        case .sf: "顺丰"
        case .zto: "中通"
        case .yto: "圆通"
        case .yunda: "韵达"
        case .sto: "申通"
        case .jd: "京东"
        case .ems: "EMS"
        case .postb: "邮政快递包裹"
        case .jt: "极兔"
        }
    }

    /// The courier's code on a platform (Doudian `company_code`, Kuaishou `expressCode`, Pinduoduo `logistics_id`,
    /// Taobao `company_code`, WeChat Channels `delivery_id`, Youzan `out_stype`); `nil` where unverified or where the
    /// platform has no shipping API.
    public func code(on platform: Platform) -> String? {
        switch platform {
        case .douyin:
            switch self {
            case .sf: "shunfeng"
            case .zto: "zhongtong"
            case .yto: "yuantong"
            case .yunda: "yunda"
            case .sto: "shentong"
            case .jd: "jd"
            case .ems: "ems"
            case .postb: "youzhengguonei"
            case .jt: "jtexpress"
            }
        case .kuaishou:
            switch self {
            case .sf: "4"
            case .zto: "9"
            case .yto: "6"
            case .yunda: "11"
            case .sto: "3"
            case .jd: "14"
            case .ems: "2"
            case .postb: "8"
            case .jt: "109"
            }
        case .pinduoduo:
            switch self {
            case .sf: "44"
            case .zto: "115"
            case .yto: "85"
            case .yunda: "121"
            case .sto: "1"
            case .jd: "120"
            case .ems: "118"
            case .postb: "132"
            case .jt: "384"
            }
        case .taobao:
            switch self {
            case .sf: "SF"
            case .zto: "ZTO"
            case .yto: "YTO"
            case .yunda: "YUNDA"
            case .sto: "STO"
            case .ems: "EMS"
            case .postb: "POSTB"
            case .jd, .jt: nil
            }
        case .wechatChannels:
            switch self {
            case .sf: "SF"
            case .zto: "ZTO"
            case .yto: "YTO"
            case .yunda: "YUNDA"
            case .sto: "STO"
            case .jd: "JD"
            case .ems: "EMS"
            case .jt: "JTSD"
            case .postb: nil
            }
        case .youzan:
            self == .sto ? "1" : nil
        case .standard:
            nil  // a Standard Webhooks source has no shipping API
        }
    }

    /// A courier from what staff or a courier's export wrote: the code (`SF`, any case), the Chinese name (`顺丰`), or a
    /// platform's code (`shunfeng`, `JTSD`, `J&T`); `nil` when it names none.
    public static func parse(_ text: String) -> Courier? {
        let trimmed = String(text.trimmingWhitespace())
        guard !trimmed.isEmpty, trimmed.utf8.count <= 40 else { return nil }
        let upper = trimmed.uppercased()
        if let courier = Courier(rawValue: upper) { return courier }
        if let courier = allCases.first(where: { $0.name == trimmed }) { return courier }
        switch upper {
        case "J&T", "JTSD", "JTEXPRESS", "极兔快递": return .jt
        case "SHUNFENG", "顺丰速运": return .sf
        case "ZHONGTONG", "中通快递": return .zto
        case "YUANTONG", "圆通速递", "圆通快递": return .yto
        case "YD", "韵达快递": return .yunda
        case "SHENTONG", "申通快递": return .sto
        case "京东快递", "京东物流": return .jd
        case "中国邮政", "邮政EMS": return .ems
        case "YOUZHENGGUONEI", "邮政包裹": return .postb
        default: return nil
        }
    }
}
