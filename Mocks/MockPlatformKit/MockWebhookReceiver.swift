import Foundation
import HTTPTypes
import Hummingbird
public import Logging
import NIOCore
import Synchronization

/// A stand-in gateway endpoint for tests of the mock itself: records every POST (and GET) it receives, raw, and
/// answers with a configurable status and body (by default Douyin's ack `{"code":0,"msg":"success"}`).
///
/// It does not verify anything: tests assert on the recorded headers and bytes themselves.
public final class MockWebhookReceiver: Sendable {
    /// One request as received.
    public struct Delivery: Sendable, Equatable {
        /// The request path, e.g. `/webhooks/douyin/yunlai-douyin`.
        public var path: String
        /// Header values by lowercased name (the first value of a repeated header).
        public var headers: [String: String]
        /// The raw body.
        public var body: [UInt8]
        /// The raw query string (without `?`), empty when there is none.
        public var query: String = ""
        /// The HTTP method, `POST` or `GET`.
        public var method: String = "POST"

        /// The body as UTF-8 text.
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    private struct State {
        var deliveries: [Delivery] = []
        var answerStatus: Int
        var answerBody: String
        var running: BackgroundServer?
    }

    private let state: Mutex<State>
    private let logger: Logger

    /// Creates a receiver.
    /// - Parameters:
    ///   - answerStatus: the HTTP status of every answer.
    ///   - answerBody: the body of every answer.
    ///   - logger: where the server logs.
    public init(
        answerStatus: Int = 200,
        answerBody: String = #"{"code":0,"msg":"success"}"#,
        logger: Logger = Logger(label: "mock-webhook-receiver")
    ) {
        self.state = Mutex(State(answerStatus: answerStatus, answerBody: answerBody))
        self.logger = logger
    }

    /// Starts listening on 127.0.0.1.
    /// - Parameter port: the port; 0 picks a free one.
    /// - Returns: the bound port.
    @discardableResult
    public func start(port: Int = 0) async throws -> Int {
        let router = Router(context: BasicRequestContext.self)
        // A GET (WeChat's URL verification) is answered with its `echostr` when it has one.
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { [weak self] request, _ in
            guard let self else { return MockPlatform.response(status: 503, contentType: "text/plain", body: "stopped") }
            let body = try await request.body.collect(upTo: 16 << 20)
            var headers: [String: String] = [:]
            for field in request.headers where headers[field.name.canonicalName] == nil {
                headers[field.name.canonicalName] = field.value
            }
            let query = request.uri.query ?? ""
            let echo = request.method == .get ? MockPlatform.queryParameters(query)["echostr"] : nil
            let answer = state.withLock { state in
                state.deliveries.append(
                    Delivery(path: request.uri.path, headers: headers, body: Array(buffer: body), query: query, method: request.method.rawValue)
                )
                return (state.answerStatus, state.answerBody)
            }
            return MockPlatform.response(status: answer.0, contentType: "application/json", body: echo ?? answer.1)
        }
        router.post("**", use: handler)
        router.get("**", use: handler)
        let running = try await BackgroundServer.start(
            router: router,
            host: "127.0.0.1",
            port: port,
            serverName: "mock-webhook-receiver",
            logger: logger
        )
        state.withLock { $0.running = running }
        return running.port
    }

    /// The root URL, e.g. `http://127.0.0.1:41234` (empty before ``start(port:)``).
    public var baseURL: String {
        guard let port = state.withLock({ $0.running?.port }) else { return "" }
        return "http://127.0.0.1:\(port)"
    }

    /// Every request received so far, oldest first.
    public func deliveries() -> [Delivery] {
        state.withLock { $0.deliveries }
    }

    /// Changes the answer to the following requests.
    public func setAnswer(status: Int, body: String) {
        state.withLock {
            $0.answerStatus = status
            $0.answerBody = body
        }
    }

    /// Stops the server.
    public func shutdown() async {
        let running = state.withLock { state in
            defer { state.running = nil }
            return state.running
        }
        await running?.stop()
    }
}
