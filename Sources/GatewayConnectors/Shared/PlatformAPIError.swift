/// A platform API call that failed, with the platform's own code and message.
public struct PlatformAPIError: Error, Sendable, CustomStringConvertible {
    /// The platform.
    public var platform: String
    /// The API method or path.
    public var method: String
    /// HTTP status, when the failure was at the HTTP level.
    public var httpStatus: Int?
    /// The platform's error code.
    public var code: String
    /// The platform's message.
    public var message: String
    /// Whether retrying later may succeed (5xx, rate limit, system busy, connection trouble).
    public var isRetryable: Bool
    /// The platform's finer code where it has one (Douyin and Taobao `sub_code`, Kuaishou `subCode`, PDD `sub_code`).
    public var subCode: String?

    /// Creates an error.
    public init(
        platform: String,
        method: String,
        httpStatus: Int? = nil,
        code: String,
        message: String,
        isRetryable: Bool,
        subCode: String? = nil
    ) {
        self.platform = platform
        self.method = method
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.isRetryable = isRetryable
        self.subCode = subCode.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the platform's answer is unknown: the request failed in transport, the answer was not HTTP 200 (a
    /// platform error body aside), or it could not be read. A write may or may not have been applied.
    public var isUnknownOutcome: Bool { ["transport", "http", "decode"].contains(code) }

    public var description: String {
        "\(platform) \(method) failed: code \(code)\(httpStatus.map { " (HTTP \($0))" } ?? ""): \(message)"
    }
}
