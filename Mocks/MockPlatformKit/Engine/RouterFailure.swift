/// An error answer of a router-style open API (Pinduoduo's ``PinduoduoAPIError``, Taobao's ``TaobaoAPIError``):
/// the errors ``RouterAPI`` raises itself, and the error body each platform writes.
protocol RouterFailure: Error, Sendable {
    /// The error code the request log keeps.
    var code: Int { get }
    /// The sub-code the request log keeps, empty when there is none.
    var subCode: String { get }
    /// The HTTP status of the answer (200, except an injected bare 503).
    var httpStatus: Int { get }

    /// The parameters could not be read (a bad body, or a name given twice with different values).
    static func unreadable(_ failure: RouterParameters.Failure) -> Self
    /// The app key parameter is missing.
    static var missingAppKey: Self { get }
    /// No shop of the mock has this app key.
    static func unknownAppKey(_ appKey: String) -> Self
    /// The app called more often than ``MockFaults/rateLimitPerSecond`` allows.
    static var callLimited: Self { get }
    /// An injected system error.
    static var systemError: Self { get }
    /// An injected bare HTTP 503.
    static var serviceUnavailable: Self { get }
    /// A parameter's text is not of its type.
    /// - Parameters:
    ///   - name: the parameter.
    ///   - expected: what it must be, e.g. `须为整数`.
    ///   - text: the text given.
    static func badValue(_ name: String, expected: String, _ text: String) -> Self

    /// The answer's JSON body, `{"error_response":{…}}`.
    func errorResponse(requestId: String) -> JSONValue
}
