import Foundation
import GatewayCore

/// Youzan push formats (platforms.md §6, field names as in 有赞云 message docs reproduced by public SDKs).
///
/// ```json
/// {"client_id":"b8fca94e508ac942de","id":"E20261129100000012345678","kdt_id":567323,"kdt_name":"保靖椪柑旗舰店",
///  "msg":"%7B%22full_order_info%22%3A…","msg_id":"9cb85c3d-8353-4e80-b24b-eb670eb52775","sendCount":0,
///  "sign":"a2cb1d96…","status":"WAIT_SELLER_SEND_GOODS","test":false,"type":"trade_TradePaid","version":1764400000}
/// ```
struct YouzanPushBody: Codable, Sendable {
    var client_id: String?
    var id: FlexibleString?
    var kdt_id: FlexibleString?
    var kdt_name: String?
    var root_kdt_id: FlexibleString?
    var msg: YouzanMsg?
    var msg_id: String?
    var sign: String?
    var status: String?
    var type: String?
    var test: FlexibleBool?
    var version: FlexibleInt?
    var sendCount: FlexibleInt?
}

/// The `msg` field: URL-encoded JSON text as Youzan sends it (plain JSON text and an inline object are accepted too).
enum YouzanMsg: Codable, Sendable {
    /// The text exactly as it stood in the JSON string (what the old-style `sign` covers).
    case text(String)
    /// An inline object (not Youzan's format; accepted leniently).
    case object(YouzanTradeMessage)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .object(try container.decode(YouzanTradeMessage.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .object(let message): try container.encode(message)
        }
    }

    /// The text as received, if it was text.
    var rawText: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The decoded message: the text is read as JSON when it starts with `{`, else URL-decoded first
    /// (`+` is a space, as Java's `URLEncoder` writes it).
    func decoded() throws -> YouzanTradeMessage {
        switch self {
        case .object(let message):
            return message
        case .text(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return YouzanTradeMessage() }
            var json = trimmed
            if !trimmed.hasPrefix("{") {
                guard let decoded = trimmed.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw ConnectorError("youzan msg is neither JSON nor URL-encoded JSON")
                }
                json = decoded
            }
            return try JSONDecoder().decode(YouzanTradeMessage.self, from: Data(json.utf8))
        }
    }

    /// The URL-decoded text (for the old-style `sign` variant that signs the decoded `msg`).
    var urlDecodedText: String? {
        rawText.flatMap { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
    }
}

/// A decoded trade message: the whole order (`full_order_info`, as `youzan.trade.get` returns it) or
/// the thin fields some messages carry instead.
struct YouzanTradeMessage: Codable, Sendable {
    var full_order_info: YouzanFullOrderInfo?
    var tid: FlexibleString?
    var status: String?
    var update_time: YouzanTime?
    var created: YouzanTime?
    var pay_time: YouzanTime?
}

/// `full_order_info`.
struct YouzanFullOrderInfo: Codable, Sendable {
    var order_info: YouzanOrderInfo
    var pay_info: YouzanPayInfo?
    var orders: [YouzanOrderLine]?
    var address_info: YouzanAddressInfo?
}

/// `full_order_info.order_info`.
struct YouzanOrderInfo: Codable, Sendable {
    var tid: FlexibleString
    var status: String
    var created: YouzanTime?
    var pay_time: YouzanTime?
    var update_time: YouzanTime?
    var consign_time: YouzanTime?
    var success_time: YouzanTime?
}

/// `full_order_info.pay_info`: yuan amounts (`"139.14"`).
struct YouzanPayInfo: Codable, Sendable {
    var payment: YuanAmount?
    var total_fee: YuanAmount?
    var post_fee: YuanAmount?
}

/// One element of `full_order_info.orders` (a line).
struct YouzanOrderLine: Codable, Sendable {
    var oid: FlexibleString?
    var item_id: FlexibleString?
    var sku_id: FlexibleString?
    var outer_sku_id: String?
    var outer_item_id: String?
    var title: String?
    var num: FlexibleInt?
    var price: YuanAmount?
    var payment: YuanAmount?
    var total_fee: YuanAmount?
    var refund_state: FlexibleInt?
}

/// `full_order_info.address_info` (Youzan may send ciphertext or plain values; plain ones are sealed at rest, shown masked).
struct YouzanAddressInfo: Codable, Sendable {
    var delivery_province: String?
    var delivery_city: String?
    var receiver_name: String?
    var receiver_tel: String?
    var delivery_address: String?
}

/// A Youzan time: Beijing `yyyy-MM-dd HH:mm:ss` text, or Unix seconds/milliseconds as a number or digits.
/// Empty text reads as absent.
struct YouzanTime: Codable, Sendable, Hashable {
    var instant: Timestamp?

    init(_ instant: Timestamp?) { self.instant = instant }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            instant = number <= 0 ? nil : (number >= 100_000_000_000 ? Timestamp(millisecondsSince1970: number) : Timestamp(secondsSince1970: number))
        } else if let text = try? container.decode(String.self) {
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                instant = nil
            } else {
                guard let parsed = BeijingTime.parseFlexible(text) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a Beijing time or Unix time")
                }
                instant = parsed
            }
        } else if container.decodeNil() {
            instant = nil
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a time")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let instant {
            try container.encode(BeijingTime.format(instant, milliseconds: instant.millisecondsSince1970 % 1000 != 0))
        } else {
            try container.encode("")
        }
    }
}

/// The answer of a Youzan Cloud API call, in any of the envelopes `shipping.md` §8b.6 mentions.
struct YouzanAPIAnswer: Decodable, Sendable {
    var gw_err_resp: YouzanAPIError?
    var error_response: YouzanAPIError?
    var success: FlexibleBool?
    var code: FlexibleString?
    var message: String?
    var data: YouzanAPIResult?
    var response: YouzanAPIResult?

    enum CodingKeys: String, CodingKey {
        case gw_err_resp, error_response, success, code, message, data, response
    }

    /// Reads every member leniently (a member of another shape is ignored): the envelope is [U].
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gw_err_resp = try? container.decodeIfPresent(YouzanAPIError.self, forKey: .gw_err_resp)
        error_response = try? container.decodeIfPresent(YouzanAPIError.self, forKey: .error_response)
        success = try? container.decodeIfPresent(FlexibleBool.self, forKey: .success)
        code = try? container.decodeIfPresent(FlexibleString.self, forKey: .code)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        data = try? container.decodeIfPresent(YouzanAPIResult.self, forKey: .data)
        response = try? container.decodeIfPresent(YouzanAPIResult.self, forKey: .response)
    }

    /// The platform's refusal, if the answer is one: `(code, message)`.
    var refusal: (code: String, message: String)? {
        if let error = gw_err_resp ?? error_response {
            return (error.code ?? "unknown", error.message ?? "")
        }
        if success?.value == false { return (code?.value ?? "unknown", message ?? "") }
        if data?.is_success?.value == false || response?.is_success?.value == false {
            return ("is_success", message ?? "is_success is false")
        }
        return nil
    }

    /// Whether the answer says success.
    var succeeded: Bool { refusal == nil && (success?.value == true || response?.is_success?.value == true) }
}

/// A Youzan error body: `gw_err_resp{err_code, err_msg}` or `error_response{code, msg}`.
struct YouzanAPIError: Decodable, Sendable {
    var err_code: FlexibleString?
    var err_msg: String?
    var codeField: FlexibleString?
    var msg: String?

    enum CodingKeys: String, CodingKey {
        case err_code, err_msg, msg
        case codeField = "code"
    }

    /// The code, whichever field carries it.
    var code: String? { err_code?.value ?? codeField?.value }
    /// The message, whichever field carries it.
    var message: String? { err_msg ?? msg }
}

/// A result body carrying `is_success`.
struct YouzanAPIResult: Decodable, Sendable {
    var is_success: FlexibleBool?
}
