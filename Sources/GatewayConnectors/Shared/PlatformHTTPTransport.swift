import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// How the platform API clients (Douyin, Kuaishou, PDD, Taobao, WeChat Channels) send one HTTP request.
///
/// Production uses ``asyncHTTPClient(_:timeout:logger:)``; tests substitute a closure that plays
/// the platform, so signing, paging and decoding are exercised without a socket.
public struct PlatformHTTPTransport: Sendable {
    /// Sends a request and returns the status and the whole body.
    public let send: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse

    /// Wraps a send function.
    public init(_ send: @escaping @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse) {
        self.send = send
    }

    /// A transport over AsyncHTTPClient with a per-request timeout and a 16 MiB body limit.
    public static func asyncHTTPClient(_ http: HTTPClient, timeout: TimeAmount = .seconds(10), logger: Logger) -> PlatformHTTPTransport {
        PlatformHTTPTransport { request in
            var outgoing = HTTPClientRequest(url: request.url)
            outgoing.method = HTTPMethod(rawValue: request.method)
            for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
            let response = try await http.execute(outgoing, timeout: timeout, logger: logger)
            let body = try await response.body.collect(upTo: 16 << 20)
            return PlatformHTTPResponse(status: Int(response.status.code), body: String(buffer: body))
        }
    }
}

/// One outgoing platform API request.
public struct PlatformHTTPRequest: Sendable, Hashable {
    /// Absolute URL, query included.
    public var url: String
    /// HTTP method, e.g. `POST`.
    public var method: String
    /// Header pairs.
    public var headers: [String: String]
    /// Body bytes.
    public var body: [UInt8]

    /// Creates a request.
    public init(url: String, method: String = "POST", headers: [String: String] = [:], body: [UInt8] = []) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A platform API response: status and body text.
public struct PlatformHTTPResponse: Sendable, Hashable {
    /// HTTP status code.
    public var status: Int
    /// Body text.
    public var body: String

    /// Creates a response.
    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }
}
