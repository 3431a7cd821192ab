public import HTTPTypes
public import Hummingbird

/// An error of the staff API, answered as `{"error":{"code":"…","message":"…"}}` with its status.
///
/// Controllers throw it; ``APIErrorMiddleware`` also turns Hummingbird's own errors (unknown route, body too large,
/// bad path parameter) and the role checks' `HTTPError`s under `/api/v1` into this shape.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable machine code.
    public var code: APIErrorCode
    /// What was wrong, for people.
    public var message: String
    /// Extra headers (`Allow`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: APIErrorCode, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// The error's JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response { response() }

    /// The error's JSON response.
    public func response() -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
            }
            var error: Detail
        }
        var response = APIJSON.response(Body(error: .init(code: code.rawValue, message: message)), status: status)
        for field in headers { response.headers.append(field) }
        return response
    }

    /// A 400 for a malformed or out-of-range parameter.
    static func parameter(_ message: String) -> APIError { APIError(.badRequest, .invalidParameter, message) }

    /// A 400 for a body that is not what the operation expects.
    static func body(_ message: String) -> APIError { APIError(.badRequest, .invalidBody, message) }
}
