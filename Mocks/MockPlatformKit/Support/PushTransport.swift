import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Sends one push request to a gateway and reads the answer (the HTTP part every platform's push shares).
enum PushTransport {
    /// The answer to one push request.
    struct Reply: Sendable, Equatable {
        /// The HTTP status.
        var status: Int
        /// The body as text.
        var body: String

        /// Whether the answer is HTTP 200 with a JSON object whose `key` is the number `value` (how Douyin and
        /// Youzan acknowledge with `code` 0, Kuaishou with `result` 1).
        func acknowledges(_ key: String, is value: Int64) -> Bool {
            guard status == 200, let answer = try? JSONParser.parse(body).value else { return false }
            return answer[key]?.int64Value == value
        }
    }

    /// Sends a request with `HTTPClient.shared`.
    /// - Parameters:
    ///   - method: `.POST` for pushes, `.GET` for WeChat's URL verification.
    ///   - url: the full URL, query included.
    ///   - headers: request headers, in order.
    ///   - body: the raw body, nil for none.
    ///   - timeout: how long to wait for the whole answer.
    /// - Returns: the status and body text (at most 1 MiB is read).
    /// - Throws: AsyncHTTPClient transport errors.
    static func send(
        method: HTTPMethod,
        url: String,
        headers: [(String, String)],
        body: [UInt8]?,
        timeout: Duration
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(nanoseconds(timeout)))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        return Reply(status: Int(response.status.code), body: String(buffer: buffer))
    }

    /// The gateway root without trailing slashes.
    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// Percent-encodes a query parameter value (RFC 3986 unreserved characters stay).
    static func queryEscaped(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(Hex.lowercase([byte]).uppercased())
            }
        }
        return output
    }

    /// Combines the answers of several push requests into one result: the first answer that was not
    /// acknowledged, else the last answer.
    static func combine(_ results: [MockPushResult]) -> MockPushResult {
        results.first { !$0.acknowledged } ?? results.last ?? MockPushResult(status: 0, body: "", acknowledged: true)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max : scaled + attoseconds / 1_000_000_000
    }
}
