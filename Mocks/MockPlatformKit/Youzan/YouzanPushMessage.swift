import Crypto
import Foundation

/// One Youzan push (有赞云 message push), before signing (platforms.md §6).
///
/// ``body(clientId:clientSecret:kdtId:kdtName:)`` renders the JSON the mock POSTs:
/// `{"client_id":…,"id":"…","kdt_id":<number>,"kdt_name":…,"mode":1,"msg":"<URL-encoded JSON>",
///   "sign":"<md5 hex(client_id + msg + client_secret)>","status":"WAIT_SELLER_SEND_GOODS","test":false,
///   "type":"trade_TradePaid","version":<Unix s>}`.
/// `msg` decodes (percent-decoding, RFC 3986 style: a space is `%20`) to ``message``. The body `sign` is the
/// old style (computed over `msg` as sent, as one public SDK does: **[U]** whether Youzan signs the decoded
/// text); the new-style `Event-Sign` header over the raw body is what a gateway should verify.
public struct YouzanPushMessage: Sendable, Equatable {
    /// `id`: the message id (the gateway's delivery id, **[U]**).
    public var id: String
    /// `type`, e.g. `trade_TradePaid`; `test` for a test ping.
    public var type: String
    /// `status`: the trade status after the change (empty for a test ping).
    public var status: String
    /// The decoded `msg` JSON text (empty for a test ping).
    public var message: String
    /// `version`: the trade's update time, Unix seconds.
    public var version: Int64
    /// `test`: true for a test ping.
    public var test: Bool

    /// Creates a message.
    public init(id: String, type: String, status: String, message: String, version: Int64, test: Bool = false) {
        self.id = id
        self.type = type
        self.status = status
        self.message = message
        self.version = version
        self.test = test
    }

    /// The push body.
    public func body(clientId: String, clientSecret: String, kdtId: String, kdtName: String) -> [UInt8] {
        let msg = Self.urlEncoded(message)
        let value: JSONValue = [
            "client_id": .string(clientId),
            "id": .string(id),
            "kdt_id": .id(kdtId),
            "kdt_name": .string(kdtName),
            "mode": 1,
            "msg": .string(msg),
            "sign": .string(Self.md5(clientId + msg + clientSecret)),
            "status": .string(status),
            "test": .bool(test),
            "type": .string(type),
            "version": .int(version),
        ]
        return value.serializedBytes
    }

    /// Youzan's `Event-Sign`: lowercase hex MD5 of client_id + raw body + client_secret.
    public static func eventSign(clientId: String, body: [UInt8], clientSecret: String) -> String {
        Hex.lowercase(Insecure.MD5.hash(data: Data(clientId.utf8) + Data(body) + Data(clientSecret.utf8)))
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func urlEncoded(_ text: String) -> String { PushTransport.queryEscaped(text) }

    private static func md5(_ text: String) -> String { Hex.lowercase(Insecure.MD5.hash(data: Data(text.utf8))) }
}
