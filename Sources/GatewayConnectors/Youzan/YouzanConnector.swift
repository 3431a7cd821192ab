import Foundation
import GatewayCore

/// The Youzan (有赞) connector and push receiver (platforms.md §6).
///
/// **Receiving.** Youzan posts JSON. The new-style signature is the header `Event-Sign` =
/// lowercase hex MD5(`client_id` + raw body + `client_secret`); when that header is absent the old-style
/// body field `sign` = MD5(`client_id` + `msg` + `client_secret`) is accepted, with `msg` either exactly as
/// it stands in the JSON string or URL-decoded ([V-3p]: Hanson/youzan-sdk signs it as received, a Youzan
/// BBS answer decodes it first — platforms.md §9 leaves it open, and both forms need the secret).
/// **Old-style pushes sign only `msg`**, so `type`, `id`, `status`, `version` and `msg_id` of a replayed old-style
/// push could be altered by anyone. platforms.md §6 documents the old scheme ([V-3p]) without saying which fields it
/// protects beyond `msg`; the safest reading is kept: such a push is accepted only when the signed `msg` itself
/// carries the order id (`tid`) and a trade status Youzan documents, and everything that drives the order — order
/// id, status, update time, delivery id — is then taken from `msg` alone (the delivery id is
/// `legacy:<SHA-256 of msg>`, so an altered replay is the same delivery). Otherwise it is refused as malformed.
/// A `Client-Id` header or body `client_id` naming another app is refused. Test pings (`"test":true`) are
/// acknowledged and not stored; an unsigned body is accepted only when it is such a ping. Message types
/// outside `trade_*` are refused as `unknown_event`. The ack is `{"code":0,"msg":"success"}`.
///
/// **Delivery id** ([U], platforms.md says "message `id`"): Youzan's `id` is the *business* id — the order's
/// tid — so keying on it alone would fold every status change of an order into one delivery. The id is
/// `msg_id` (消息唯一标识) when present, else `type:id:status:version` (`version` orders same-type
/// messages of one order).
///
/// **Orders.** A trade message whose `msg` holds `full_order_info` becomes a full observation (lines, yuan
/// money converted exactly, Beijing times); otherwise a thin one with the status from `status` or the type.
/// Youzan has no researched order API, so no observation asks for detail, ``fetchOrder(platformOrderId:)``
/// throws, and ``poll(from:to:)`` lists nothing (the poll policy is irrelevant).
public struct YouzanConnector: PlatformConnector, PushReceiver {
    public let platform = Platform.youzan
    public let shop: String
    /// Irrelevant: Youzan is not polled (``poll(from:to:)`` returns nothing).
    public let pollPolicy = PollPolicy(maxWindowSeconds: 86_400)
    private let clientId: String
    private let clientSecret: String
    /// The API client for the shipment write-back; `nil` when the shop has none.
    let api: YouzanAPIClient?

    /// The success acknowledgement Youzan expects.
    public static let successAck = WebhookAck(status: 200, body: #"{"code":0,"msg":"success"}"#)

    /// Creates a connector for a shop with credentials `client_id` and `client_secret`.
    /// - Parameter api: the client the shipment write-back calls (`nil`: shipments are refused for staff).
    public init(shop: String, clientId: String, clientSecret: String, api: YouzanAPIClient? = nil) {
        self.shop = shop
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.api = api
    }

    /// The `Event-Sign` Youzan sends for a body (for tests and senders).
    public func eventSign(body: [UInt8]) -> String {
        Digests.md5Hex(Array(clientId.utf8) + body + Array(clientSecret.utf8))
    }

    // MARK: PushReceiver

    public func receive(_ request: WebhookRequest) -> PushReceipt {
        guard request.method == "POST" else { return reject(.malformed, "Youzan pushes are POST requests, not \(request.method)") }
        let headerSign = request.headers["event-sign"]
        if let headerSign, !ConstantTime.equals(eventSign(body: request.body), headerSign.lowercased()) {
            return reject(.badSignature, "Event-Sign does not match MD5(client_id + body + client_secret)")
        }
        let body: YouzanPushBody
        do {
            body = try JSONDecoder().decode(YouzanPushBody.self, from: Data(request.body))
        } catch {
            if headerSign == nil { return reject(.badSignature, "missing Event-Sign header, and the body is not JSON that could carry a sign") }
            return reject(.malformed, "body is not a Youzan push JSON: \(error)")
        }
        var oldStyle = false
        if headerSign == nil {
            if let sign = body.sign, !sign.isEmpty {
                guard verifyOldStyle(sign: sign, msg: body.msg) else {
                    return reject(.badSignature, "sign does not match MD5(client_id + msg + client_secret)")
                }
                oldStyle = true
            } else if body.test?.value == true {
                return .accepted(deliveries: [], ack: Self.successAck)  // an unsigned ping: nothing is stored
            } else {
                return reject(.badSignature, "missing Event-Sign header (and no body sign)")
            }
        }
        for claimed in [request.headers["client-id"], body.client_id].compactMap({ $0 }) where !claimed.isEmpty && claimed != clientId {
            return reject(.badSignature, "push is for client_id \(claimed), not this shop's")
        }
        if body.test?.value == true { return .accepted(deliveries: [], ack: Self.successAck) }
        guard let type = body.type ?? request.headers["event-type"], !type.isEmpty else { return reject(.malformed, "push has no type") }
        guard YouzanMapping.isKnownType(type) else { return reject(.unknownEvent, "message type \(type) is not a trade_* message") }
        let deliveryId: String
        if oldStyle {
            guard Self.signedFacts(body.msg) != nil, let text = body.msg?.rawText else {
                return reject(
                    .malformed,
                    "an old-style push (body sign) signs only msg, so msg must carry the tid and a known trade status"
                )
            }
            deliveryId = Self.oldStylePrefix + Digests.sha256Hex(Array(text.utf8))
        } else {
            guard let id = Self.deliveryId(body, type: type) else { return reject(.malformed, "push has neither msg_id nor id") }
            deliveryId = id
        }
        let delivery = InboxDelivery(
            platform: .youzan,
            shop: shop,
            deliveryId: deliveryId,
            kind: .push,
            receivedAt: request.receivedAt,
            payload: request.body
        )
        return .accepted(deliveries: [delivery], ack: Self.successAck)
    }

    /// Delivery ids of old-style pushes start with this; their order facts come from the signed `msg` only.
    static let oldStylePrefix = "legacy:"

    /// What a signed `msg` says by itself: the order id and its trade status (`nil` when either is missing or unknown).
    static func signedFacts(_ msg: YouzanMsg?) -> (tid: String, status: OrderStatus, updatedAt: Timestamp?)? {
        guard let message = try? msg?.decoded() else { return nil }
        let info = message.full_order_info?.order_info
        guard let tid = info?.tid.value ?? message.tid?.value, !tid.isEmpty,
            let statusText = info?.status ?? message.status,
            let status = YouzanMapping.status(trade: statusText)
        else { return nil }
        return (tid, status, info?.update_time?.instant ?? message.update_time?.instant)
    }

    static func deliveryId(_ body: YouzanPushBody, type: String) -> String? {
        if let msgId = body.msg_id, !msgId.isEmpty { return msgId }
        guard let id = body.id?.value, !id.isEmpty else { return nil }
        return "\(type):\(id):\(body.status ?? ""):\(body.version?.value ?? 0)"
    }

    private func verifyOldStyle(sign: String, msg: YouzanMsg?) -> Bool {
        let candidates = [msg?.rawText, msg?.urlDecodedText].compactMap { $0 }
        return candidates.contains { ConstantTime.equals(Digests.md5Hex(clientId + $0 + clientSecret), sign.lowercased()) }
    }

    private func reject(_ reason: WebhookRejection, _ message: String) -> PushReceipt {
        .rejected(
            reason,
            message: message,
            ack: WebhookAck(status: reason.httpStatus, body: "{\"code\":\(reason.httpStatus),\"msg\":\(jsonString(message))}")
        )
    }

    // MARK: PlatformConnector

    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        let body = try JSONDecoder().decode(YouzanPushBody.self, from: Data(entry.delivery.payload))
        guard let type = body.type, YouzanMapping.isKnownType(type), body.test?.value != true else { return [] }
        let message = try body.msg?.decoded() ?? YouzanTradeMessage()
        if entry.delivery.deliveryId.hasPrefix(Self.oldStylePrefix) {
            return try oldStyleObservations(message, msg: body.msg, entry: entry)
        }
        // Bounded: a pushed version outside 2000…2100 would overflow `seconds * 1000`.
        let version = body.version.flatMap { PlausibleTime.timestamp(seconds: $0.value) }
        if let full = message.full_order_info {
            let snapshot = try YouzanMapping.snapshot(full)
            let updated = full.order_info.update_time?.instant ?? version ?? entry.delivery.receivedAt
            return [
                OrderObservation(
                    key: OrderKey(platform: .youzan, shop: shop, platformOrderId: full.order_info.tid.value),
                    source: .push,
                    event: "youzan \(type) \(full.order_info.status)",
                    platformUpdatedAt: updated,
                    snapshot: snapshot
                )
            ]
        }
        guard let tid = [message.tid?.value, body.id?.value].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ConnectorError("youzan \(type) message carries no tid")
        }
        let tradeStatus = type.hasPrefix("trade_refund") ? nil : (message.status ?? body.status)
        let status = tradeStatus.flatMap(YouzanMapping.status(trade:)) ?? YouzanMapping.status(type: type)
        return [
            OrderObservation(
                key: OrderKey(platform: .youzan, shop: shop, platformOrderId: tid),
                source: .push,
                event: "youzan \(type)\(tradeStatus.map { " \($0)" } ?? "")",
                platformUpdatedAt: message.update_time?.instant ?? version ?? entry.delivery.receivedAt,
                status: status
            )
        ]
    }

    /// An old-style push: only `msg` was signed, so nothing outside it (type, id, status, version) is used.
    private func oldStyleObservations(_ message: YouzanTradeMessage, msg: YouzanMsg?, entry: InboxEntry) throws -> [OrderObservation] {
        guard let facts = Self.signedFacts(msg) else { throw ConnectorError("old-style youzan push whose signed msg has no tid or trade status") }
        let key = OrderKey(platform: .youzan, shop: shop, platformOrderId: facts.tid)
        let updated = facts.updatedAt ?? entry.delivery.receivedAt
        if let full = message.full_order_info {
            return [
                OrderObservation(
                    key: key,
                    source: .push,
                    event: "youzan old-style \(full.order_info.status)",
                    platformUpdatedAt: updated,
                    snapshot: try YouzanMapping.snapshot(full)
                )
            ]
        }
        let statusText = message.status ?? ""
        return [OrderObservation(key: key, source: .push, event: "youzan old-style \(statusText)", platformUpdatedAt: updated, status: facts.status)]
    }

    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        throw ConnectorError(
            "youzan has no order detail API in this gateway (not researched); trade \(platformOrderId) is known from its pushes only"
        )
    }

    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] { [] }
}
