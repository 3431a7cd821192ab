import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A Hummingbird router served from a background task, stopped gracefully.
struct BackgroundServer: Sendable {
    /// The bound port.
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// Starts serving and returns once the server listens.
    /// - Throws: ``MockPlatformError/serverNotStarted(_:)`` when binding fails.
    static func start(
        router: Router<BasicRequestContext>,
        host: String,
        port: Int,
        serverName: String,
        logger: Logger
    ) async throws -> BackgroundServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let failure = LockedBox<String?>(nil)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? port)
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(services: [application], logger: logger)
        let task = Task {
            do {
                try await group.run()
            } catch {
                failure.withLock { $0 = "\(error)" }
                logger.error("\(serverName) stopped: \(error)")
            }
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            task.cancel()
            throw MockPlatformError.serverNotStarted(failure.value ?? "unknown reason")
        }
        return BackgroundServer(port: bound, group: group, task: task)
    }

    /// Stops accepting connections, lets open requests finish, and waits for the server to end.
    func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}
