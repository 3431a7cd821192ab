import GatewayConfig
import GatewayPipeline
import GatewayStorage
public import ServiceLifecycle
public import UnixSignals

/// Builds the service group that runs the whole gateway (hummingbird-examples' `buildServiceGroup`).
///
/// Services start in list order and stop gracefully in reverse:
/// 1. the inbox's group-commit writer (`InboxCommitWriter`), so it starts first and stops last, committing every
///    delivery the server and the pipeline handed it;
/// 2. the HTTP application (``buildApplication(_:onRunning:)``);
/// 3. with `runPipeline`: the inbox processor, the poll scheduler, stock write-back (when `stock_sync.enabled`) and
///    payload retention (when the store keeps payloads), which stop first.
///
/// The PostgreSQL client will join the group as a service of its own, before the writer.
///
/// ## Configuration keys
/// Everything ``buildApplication(_:onRunning:)`` reads, and `stock_sync.enabled`.
///
/// - Parameters:
///   - gateway: the assembled gateway.
///   - runPipeline: run the processor, poller, write-back and retention (off only for ingest-only benchmarks and tests).
///   - gracefulShutdownSignals: the signals that shut the group down gracefully.
///   - onRunning: called with the bound port once the server listens.
/// - Returns: the group; `run()` it.
/// - Throws: when the application cannot be built.
public func buildServiceGroup(
    _ gateway: GatewayServer,
    runPipeline: Bool = true,
    gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> ServiceGroup {
    var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
    if let inboxWriter = gateway.stores.inboxWriter { services.append(.init(service: inboxWriter)) }
    services.append(.init(service: try buildApplication(gateway, onRunning: onRunning), successTerminationBehavior: .gracefullyShutdownGroup))
    if runPipeline {
        services.append(.init(service: gateway.processor))
        services.append(.init(service: gateway.poller, successTerminationBehavior: .ignore))
        if gateway.configuration.stockSync.enabled {
            services.append(.init(service: gateway.stockWriteBack, successTerminationBehavior: .ignore))
        }
        if let shipmentWriteBack = gateway.shipmentWriteBack {
            services.append(.init(service: shipmentWriteBack, successTerminationBehavior: .ignore))
        }
        if let retention = gateway.retention {
            services.append(.init(service: retention, successTerminationBehavior: .ignore))
        }
    }
    var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: gracefulShutdownSignals, logger: gateway.logger)
    // SIGTERM: stop accepting, let the current batch finish, and exit within 10 s whatever hangs.
    configuration.maximumGracefulShutdownDuration = .seconds(7)
    configuration.maximumCancellationDuration = .seconds(2)
    return ServiceGroup(configuration: configuration)
}
