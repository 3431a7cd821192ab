import Foundation
import GatewayHTTP
import Hummingbird
import Testing

/// Slow and numerous clients (issue #12): a slowly sent request head or body cannot hold a connection past its
/// timeout, and connections beyond `server.max_connections` wait until one closes. Real sockets against a real
/// listener built with ``HTTPServerLimits``, the same builder `gateway serve` uses.
@Suite struct SlowClientLimitsTests {
    /// Runs a real listener built with `limits` (as `gateway serve` builds it) and gives `body` its port.
    /// (HummingbirdTesting's live mode re-creates the configuration without its connection limit, so it is not used.)
    static func withServer(_ limits: HTTPServerLimits, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/healthz") { _, _ in "ok" }
        router.post("/echo") { request, _ -> String in
            let body = try await request.body.collect(upTo: 1 << 20)
            return "got \(body.readableBytes)"
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            server: limits.serverBuilder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), availableConnectionsDelegate: limits.connectionLimit),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            defer { group.cancelAll() }
            try await body(port)
        }
    }

    /// A head that never completes is closed after the idle timeout (without it the socket would wait forever).
    @Test func slowRequestHeadIsClosedAfterTheIdleTimeout() async throws {
        try await Self.withServer(HTTPServerLimits(idleTimeoutSeconds: 1, requestTimeoutSeconds: 30)) { port in
            let connection = try RawConnection(port: port)
            connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            let started = ContinuousClock.now
            var receipt = RawReceipt.nothing
            // Keep trickling header bytes: each one is activity for the socket but not a complete request part.
            while receipt == .nothing, ContinuousClock.now - started < .seconds(10) {
                connection.send("a")
                receipt = await connection.receive(within: 0.25)
            }
            #expect(receipt == .closed, "\(receipt)")
            #expect(ContinuousClock.now - started < .seconds(10))
            // A normal request on a new connection is served.
            let fresh = try RawConnection(port: port)
            fresh.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let answer = await fresh.receive(within: 10)
            guard case .data(let text) = answer else {
                Issue.record("no answer on a new connection: \(answer)")
                return
            }
            #expect(text.hasPrefix("HTTP/1.1 200"))
        }
    }

    /// A body trickled one byte at a time is cut after the request timeout, although bytes keep arriving.
    @Test func slowRequestBodyIsCutAfterTheRequestTimeout() async throws {
        try await Self.withServer(HTTPServerLimits(idleTimeoutSeconds: 30, requestTimeoutSeconds: 1)) { port in
            let connection = try RawConnection(port: port)
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789")
            let started = ContinuousClock.now
            var receipt = RawReceipt.nothing
            while receipt == .nothing, ContinuousClock.now - started < .seconds(10) {
                if !connection.send("b") { receipt = .closed }
                if receipt == .nothing { receipt = await connection.receive(within: 0.2) }
            }
            // Cut: closed, or an error response written as the body failed.
            #expect(receipt != .nothing)
            if case .data(let text) = receipt { #expect(!text.contains("got 1000"), "\(text)") }
            #expect(ContinuousClock.now - started < .seconds(10))
            // A request sent in time is answered.
            let whole = try RawConnection(port: port)
            whole.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd")
            let answer = await whole.receive(within: 10)
            guard case .data(let text) = answer else {
                Issue.record("no answer to a complete request: \(answer)")
                return
            }
            #expect(text.contains("got 4"))
        }
    }

    /// With the cap reached, a new connection is not served until one of the open ones closes.
    @Test func connectionsBeyondTheCapWaitForAFreeSlot() async throws {
        try await Self.withServer(HTTPServerLimits(idleTimeoutSeconds: 30, requestTimeoutSeconds: 30, maxConnections: 2)) { port in
            var holders: [RawConnection] = [try RawConnection(port: port), try RawConnection(port: port)]
            // Make sure both are accepted and in use.
            for holder in holders {
                holder.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                let answer = await holder.receive(within: 10)
                guard case .data(let text) = answer else {
                    Issue.record("a holder was not served: \(answer)")
                    return
                }
                #expect(text.contains("200"))
            }
            let waiting = try RawConnection(port: port)  // the kernel completes the handshake; the server does not accept
            waiting.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await waiting.receive(within: 1.5) == .nothing)
            holders.removeFirst()  // closes one
            guard case .data(let text) = await waiting.receive(within: 10) else {
                Issue.record("the waiting connection was not served after a slot freed")
                return
            }
            #expect(text.contains("200"))
            _ = holders
        }
    }
}
