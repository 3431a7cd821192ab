import Foundation
import GatewayConnectors
import GatewayCore
import Synchronization

/// A platform API played from the fuzz input: token requests get a valid token, detail requests the
/// detail answer, list requests the list answer (the first few only: later pages fail, so an input that
/// claims a million pages costs a few requests). No sockets; no retries, no rate limit.
final class ScriptedPlatform: Sendable {
    /// What the platform answers, set per input.
    private struct Script {
        var list: String = ""
        var detail: String = ""
        var listRequests = 0
    }

    /// How many list pages are answered per input; the next list request fails with HTTP 500.
    static let listPagesPerInput = 4

    private let script = Mutex(Script())
    private let tokenAnswer: String

    /// Creates a platform whose token endpoint answers `tokenAnswer`.
    init(tokenAnswer: String = "") {
        self.tokenAnswer = tokenAnswer
    }

    /// Sets the answers for the next input.
    func serve(list: [UInt8], detail: [UInt8]) {
        script.withLock {
            $0 = Script(list: String(decoding: list, as: UTF8.self), detail: String(decoding: detail, as: UTF8.self))
        }
    }

    /// The transport API clients send through.
    var transport: PlatformHTTPTransport {
        PlatformHTTPTransport { request in self.answer(request) }
    }

    private func answer(_ request: PlatformHTTPRequest) -> PlatformHTTPResponse {
        let text = request.url + " " + request.bodyText
        if request.url.contains("/token") { return PlatformHTTPResponse(status: 200, body: tokenAnswer) }
        let isDetail = ["orderDetail", "/order/detail", "order.information.get", "trade.fullinfo.get", "/channels/ec/order/get"].contains {
            text.contains($0)
        }
        return script.withLock { script in
            if isDetail { return PlatformHTTPResponse(status: 200, body: script.detail) }
            script.listRequests += 1
            guard script.listRequests <= Self.listPagesPerInput else { return PlatformHTTPResponse(status: 500, body: "no more pages") }
            return PlatformHTTPResponse(status: 200, body: script.list)
        }
    }

    /// A rate limit that never waits.
    static let unlimited = RateLimiter(ratePerSecond: 1_000_000_000, burst: 1_000_000_000)
    /// One attempt: a fuzzed "retryable" answer must not sleep.
    static let once = RetryPolicy(maxAttempts: 1, baseDelayMilliseconds: 0, maxDelayMilliseconds: 0)
    /// The wall clock the connectors sign and date with (the gateway's `GatewayClock.system` lives in `GatewayPipeline`).
    static let clock = GatewayClock { Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))) }
}

/// Running async connector code from libFuzzer's synchronous callback.
enum Blocking {
    /// Runs an async operation to its end and returns its result.
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await operation()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }
}
