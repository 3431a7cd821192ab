import Foundation
import GatewayCore
import Hummingbird
import Metrics
import NIOCore

/// `POST /webhooks/{platform}/{shop}`: verify on the raw bytes, store in the inbox (group commit),
/// and only then answer in the platform's own ack format. Never calls a platform API.
struct WebhookController: Sendable {
    let receivers: [String: any PushReceiver]
    let platforms: [String: Platform]
    let inbox: any InboxStore
    let rejections: RejectionRecorder
    let metrics = WebhookMetrics()
    let maxBodyBytes: Int
    let clock: @Sendable () -> Timestamp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/webhooks/:platform/:shop") { request, context in
            try await self.receive(request, context: context)
        }
        // URL verification handshakes that arrive as GET (WeChat Channels echoes `echostr`); the receiver decides.
        router.get("/webhooks/:platform/:shop") { request, context in
            try await self.receive(request, context: context)
        }
    }

    func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let start = ContinuousClock.now
        let platformName = context.parameters.get("platform") ?? ""
        let shop = context.parameters.get("shop") ?? ""
        guard let platform = Platform(rawValue: platformName), platform.receivesWebhooks else {
            reject(platformName, shop, reason: "unknown_platform", message: "unknown platform \(platformName)")
            return JSONResponse.error(.notFound, "unknown webhook platform \"\(platformName)\"")
        }
        guard let receiver = receivers[shop], platforms[shop] == platform else {
            reject(platformName, shop, reason: "unknown_shop", message: "no \(platformName) shop \(shop)")
            return JSONResponse.error(.notFound, "no \(platformName) shop \"\(shop)\" is configured")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            reject(platformName, shop, reason: "too_large", message: "body over \(maxBodyBytes) bytes")
            return JSONResponse.error(.contentTooLarge, "webhook body is larger than \(maxBodyBytes) bytes")
        }
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0),\(field.value)" } ?? field.value
        }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let webhook = WebhookRequest(
            method: request.method.rawValue,
            headers: headers,
            query: query,
            body: Array(buffer: body),
            receivedAt: clock()
        )
        switch receiver.receive(webhook) {
        case .rejected(let reason, let message, let ack):
            reject(platformName, shop, reason: reason.rawValue, message: message)
            return JSONResponse.raw(ack.body, status: ack.status, contentType: ack.contentType)
        case .accepted(let deliveries, let ack):
            let results: [InboxAppendResult]
            do {
                results = try await inbox.append(deliveries)
            } catch let overloaded as InboxOverloaded {
                // Nothing was stored: refuse, so that the platform sends it again.
                metrics.shop(platform: platformName, shop: shop).overloaded.increment()
                var response = JSONResponse.error(.serviceUnavailable, "the gateway is busy; retry later")
                response.headers[.retryAfter] = String(overloaded.retryAfterSeconds)
                return response
            }
            let duplicates = results.filter(\.isDuplicate).count
            let shopMetrics = metrics.shop(platform: platformName, shop: shop)
            shopMetrics.received.increment(by: results.count - duplicates)
            if duplicates > 0 { shopMetrics.duplicates.increment(by: duplicates) }
            let elapsed = start.duration(to: .now).components
            shopMetrics.ackLatency.recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
            return JSONResponse.raw(ack.body, status: ack.status, contentType: ack.contentType)
        }
    }

    private func reject(_ platform: String, _ shop: String, reason: String, message: String) {
        Counter(label: "gateway_deliveries_rejected_total", dimensions: [("platform", platform), ("shop", shop), ("reason", reason)]).increment()
        rejections.record(platform: platform, shop: shop, reason: reason, message: message)
    }
}
