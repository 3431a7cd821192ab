import Foundation
import GatewayCore

/// Receives canonical orders over Standard Webhooks (a county mini-program, an offline till).
///
/// Every payload is a full snapshot, so there is nothing to fetch and nothing to poll.
public struct StandardConnector: PlatformConnector, PushReceiver {
    public let platform = Platform.standard
    public let shop: String
    public let pollPolicy = PollPolicy(maxWindowSeconds: 86_400)
    private let verifier: StandardWebhookVerifier

    /// Creates a connector for a shop with one or more `whsec_` secrets (comma-separated during a rotation).
    public init(shop: String, secret: String) throws {
        self.shop = shop
        self.verifier = try StandardWebhookVerifier(
            secrets: secret.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        )
    }

    public func receive(_ request: WebhookRequest) -> PushReceipt {
        let headers = request.headers
        if let (reason, message) = verifier.verify(
            id: headers["webhook-id"],
            timestamp: headers["webhook-timestamp"],
            signatures: headers["webhook-signature"],
            body: request.body,
            now: request.receivedAt
        ) {
            return .rejected(reason, message: message, ack: Self.errorAck(reason.httpStatus, message))
        }
        do {
            let payload = try JSONDecoder().decode(StandardOrderPayload.self, from: Data(request.body))
            _ = try Self.parseTime(payload.order.updated_at, field: "updated_at")
            _ = try Self.parseTime(payload.order.created_at, field: "created_at")
        } catch {
            let message = "body is not a canonical order payload: \(error)"
            return .rejected(.malformed, message: message, ack: Self.errorAck(400, message))
        }
        let delivery = InboxDelivery(
            platform: .standard,
            shop: shop,
            deliveryId: headers["webhook-id"] ?? "",
            kind: .push,
            receivedAt: request.receivedAt,
            payload: request.body
        )
        return .accepted(deliveries: [delivery], ack: WebhookAck(status: 200, body: #"{"status":"accepted"}"#))
    }

    /// The buyer: masked forms as sent (or masked from the plaintext ones), the plaintext contact as the receiver
    /// (sealed at rest by storage, never shown).
    static func buyer(_ buyer: StandardBuyer?) -> BuyerInfo {
        let maskedPhone = buyer?.masked_phone ?? MaskedContact.phone(buyer?.phone)
        return BuyerInfo(
            maskedName: buyer?.masked_name ?? MaskedContact.name(buyer?.name),
            maskedPhone: maskedPhone,
            phoneTail: maskedPhone.map { String($0.suffix(4)) },
            province: buyer?.province,
            city: buyer?.city,
            receiver: BuyerContact(name: buyer?.name, phone: buyer?.phone, address: buyer?.address)
        )
    }

    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        let payload = try JSONDecoder().decode(StandardOrderPayload.self, from: Data(entry.delivery.payload))
        let order = payload.order
        let lines = order.lines.map { line in
            OrderLine(
                lineId: line.line_id.value,
                productId: line.product_id,
                skuId: line.sku_id,
                outSkuId: line.out_sku_id,
                title: line.title,
                quantity: line.quantity,
                paidFen: line.paid_fen,
                refundState: line.refund_state ?? .none
            )
        }
        let snapshot = OrderSnapshot(
            status: order.status,
            platformStatus: order.status.rawValue,
            totalFen: order.total_fen,
            paidFen: order.paid_fen,
            postageFen: order.postage_fen ?? 0,
            discountFen: order.discount_fen ?? 0,
            createdAt: try Self.parseTime(order.created_at, field: "created_at"),
            paidAt: try order.paid_at.map { try Self.parseTime($0, field: "paid_at") },
            lines: lines,
            buyer: Self.buyer(order.buyer),
            liveRoomId: order.live_room_id,
            authorId: order.author_id
        )
        return [
            OrderObservation(
                key: OrderKey(platform: .standard, shop: shop, platformOrderId: order.order_id.value),
                source: .push,
                event: "standard \(payload.type) \(order.status.rawValue)",
                platformUpdatedAt: try Self.parseTime(order.updated_at, field: "updated_at"),
                snapshot: snapshot,
                reopens: order.reopened ?? false
            )
        ]
    }

    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        throw ConnectorError("standard webhooks senders have no order API; every push is a full order")
    }

    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] { [] }

    static func parseTime(_ text: String, field: String) throws -> Timestamp {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = formatter.date(from: text)
        }
        guard let date else { throw ConnectorError("\(field) \"\(text)\" is not an ISO 8601 time such as 2026-11-29T08:00:00Z") }
        return Timestamp(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    private static func errorAck(_ status: Int, _ message: String) -> WebhookAck {
        WebhookAck(status: status, body: "{\"error\":{\"message\":\(jsonString(message))}}")
    }
}
