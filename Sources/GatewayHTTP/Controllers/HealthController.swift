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

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONResponse.raw("ok\n", status: 200, contentType: "text/plain; charset=utf-8")
        }
        router.get("/readyz") { _, _ in
            do {
                let counts = try await self.inbox.counts()
                struct Ready: Encodable {
                    var status: String
                    var inboxTotal: Int
                    var inboxUnprocessed: Int
                    var duplicatesAbsorbed: Int
                    var inboxLagSeconds: Double
                }
                return try JSONResponse.encode(
                    Ready(
                        status: "ready",
                        inboxTotal: counts.total,
                        inboxUnprocessed: counts.unprocessed,
                        duplicatesAbsorbed: counts.duplicatesAbsorbed,
                        inboxLagSeconds: counts.lagSeconds(at: self.clock())
                    )
                )
            } catch {
                return JSONResponse.error(.serviceUnavailable, "store not ready: \(error)")
            }
        }
        router.get("/metrics") { _, _ in
            if let counts = try? await self.inbox.counts() {
                Gauge(label: "gateway_inbox_unprocessed").record(counts.unprocessed)
                Gauge(label: "gateway_inbox_total").record(counts.total)
                Gauge(label: "gateway_inbox_lag_seconds").record(counts.lagSeconds(at: self.clock()))
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
