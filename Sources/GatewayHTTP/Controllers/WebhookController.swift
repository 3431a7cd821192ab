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
            } catch is InboxClosed {
                // Shutting down: nothing was stored, so the platform must send it again.
                return JSONResponse.error(.serviceUnavailable, "the gateway is shutting down; retry later")
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

    /// The label for a platform or shop that is not configured: metric series and recorder slots are never
    /// created from names an attacker chose.
    static let unknownLabel = "unknown"

    /// Metric and log labels for a request's path: the configured platform and shop, else ``unknownLabel``.
    ///
    /// A known platform name keeps its label (the enum is small); a shop keeps its label only when it is
    /// configured for that platform. So the label set is bounded by the configuration, whatever the requests.
    func labels(platform: String, shop: String) -> (platform: String, shop: String) {
        guard let known = Platform(rawValue: platform) else { return (Self.unknownLabel, Self.unknownLabel) }
        return (known.rawValue, platforms[shop] == known ? shop : Self.unknownLabel)
    }

    private func reject(_ platform: String, _ shop: String, reason: String, message: String) {
        let labels = labels(platform: platform, shop: shop)
        Counter(label: "gateway_deliveries_rejected_total", dimensions: [("platform", labels.platform), ("shop", labels.shop), ("reason", reason)])
            .increment()
        rejections.record(platform: labels.platform, shop: labels.shop, reason: reason, message: String(message.prefix(256)))
    }
}
