import Metrics
import Synchronization

/// The webhook path's metric handles, made once per (platform, shop) rather than per request.
final class WebhookMetrics: Sendable {
    /// The handles of one shop.
    struct Shop: Sendable {
        let received: Counter
        let duplicates: Counter
        let ackLatency: Metrics.Timer
        let overloaded: Counter
    }

    private let shops = Mutex<[String: Shop]>([:])

    /// The handles for a shop, created on first use.
    func shop(platform: String, shop: String) -> Shop {
        shops.withLock { shops in
            let key = platform + "/" + shop
            if let existing = shops[key] { return existing }
            let dimensions = [("platform", platform), ("shop", shop)]
            let created = Shop(
                received: Counter(label: "gateway_deliveries_received_total", dimensions: dimensions),
                duplicates: Counter(label: "gateway_deliveries_duplicate_total", dimensions: dimensions),
                ackLatency: Metrics.Timer(label: "gateway_ack_latency_seconds", dimensions: [("platform", platform)]),
                overloaded: Counter(label: "gateway_deliveries_overloaded_total", dimensions: dimensions)
            )
            shops[key] = created
            return created
        }
    }
}
