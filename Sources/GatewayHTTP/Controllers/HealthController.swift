import GatewayCore
import Hummingbird
import Metrics
import NIOCore
import Prometheus

/// `GET /healthz` (the process answers), `GET /readyz` (the store answers; inbox lag) and
/// `GET /metrics` (Prometheus text format).
struct HealthController: Sendable {
    let inbox: any InboxStore
    let registry: PrometheusCollectorRegistry
    let clock: @Sendable () -> Timestamp
    let readiness: ReadinessThresholds

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONResponse.raw("ok\n", status: 200, contentType: "text/plain; charset=utf-8")
        }
        router.get("/readyz") { _, _ in
            do {
                let counts = try await self.inbox.counts()
                struct Ready: Encodable {
                    var status: String
                    var reasons: [String]
                    var inboxTotal: Int
                    var inboxUnprocessed: Int
                    var inboxParked: Int
                    var inboxAwaitingDetail: Int
                    var duplicatesAbsorbed: Int
                    var inboxLagSeconds: Double
                }
                let lag = counts.lagSeconds(at: self.clock())
                var reasons: [String] = []
                if lag > self.readiness.maxLagSeconds {
                    reasons.append("inbox lag \(Int(lag)) s is over \(Int(self.readiness.maxLagSeconds)) s")
                }
                if counts.parked > self.readiness.maxParked {
                    reasons.append("\(counts.parked) parked deliveries are over \(self.readiness.maxParked)")
                }
                var response = try JSONResponse.encode(
                    Ready(
                        status: reasons.isEmpty ? "ready" : "not_ready",
                        reasons: reasons,
                        inboxTotal: counts.total,
                        inboxUnprocessed: counts.unprocessed,
                        inboxParked: counts.parked,
                        inboxAwaitingDetail: counts.awaitingDetail,
                        duplicatesAbsorbed: counts.duplicatesAbsorbed,
                        inboxLagSeconds: lag
                    )
                )
                if !reasons.isEmpty { response.status = .serviceUnavailable }
                return response
            } catch {
                return JSONResponse.error(.serviceUnavailable, "store not ready: \(error)")
            }
        }
        router.get("/metrics") { _, _ in
            if let counts = try? await self.inbox.counts() {
                Gauge(label: "gateway_inbox_unprocessed").record(counts.unprocessed)
                Gauge(label: "gateway_inbox_total").record(counts.total)
                Gauge(label: "gateway_inbox_lag_seconds").record(counts.lagSeconds(at: self.clock()))
                Gauge(label: "gateway_inbox_parked").record(counts.parked)
                Gauge(label: "gateway_inbox_awaiting_detail").record(counts.awaitingDetail)
            }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16 * 1024)
            self.registry.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer))
            )
        }
    }
}
