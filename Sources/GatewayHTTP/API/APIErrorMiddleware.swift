import HTTPTypes
import Hummingbird
import Logging

/// Gives every `/api/v1` error one shape, `{"error":{"code":"…","message":"…"}}`: the controllers' ``APIError``s,
/// the role checks' `HTTPError`s, Hummingbird's own (unknown route, body too large, bad path parameter) and any
/// other failure (a `500 internal_error`, logged). A documented path asked with an undocumented method is a
/// `405` with `Allow`. Other paths pass through untouched.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Where the staff API lives.
    static let prefix = "/api/v1"

    /// The documented operations (method and path template), for `405` and `Allow`.
    let operations: [OpenAPIDocument.Operation]
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == Self.prefix || path.hasPrefix(Self.prefix + "/") else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as HTTPError {
            return translate(error, request: request).response()
        } catch {
            logger.error("staff API \(request.method) \(path) failed: \(error)")
            return APIError(.internalServerError, .internalError, "the gateway failed to answer; the error is logged").response()
        }
    }

    /// The API error for one of Hummingbird's or the role checks' errors.
    func translate(_ error: HTTPError, request: Request) -> APIError {
        let message = error.body ?? error.status.reasonPhrase
        switch error.status {
        case .notFound:
            let allowed = allowedMethods(path: request.uri.path)
            if !allowed.isEmpty {
                let allow = allowed.map(\.rawValue).joined(separator: ", ")
                return APIError(
                    .methodNotAllowed,
                    .methodNotAllowed,
                    "\(request.method) is not allowed on this path; use \(allow)",
                    headers: [.allow: allow]
                )
            }
            return APIError(.notFound, .notFound, "no such endpoint: \(request.method) \(request.uri.path) (see /api/v1/openapi.json)")
        case .unauthorized: return APIError(.unauthorized, .unauthenticated, message, headers: [.wwwAuthenticate: "Bearer"])
        case .forbidden: return APIError(.forbidden, .forbidden, message)
        case .contentTooLarge: return APIError(.contentTooLarge, .payloadTooLarge, "the body is too large")
        case .badRequest: return APIError(.badRequest, .invalidParameter, message)
        case .methodNotAllowed: return APIError(.methodNotAllowed, .methodNotAllowed, message)
        default:
            if error.status.code >= 500 {
                logger.error("staff API \(request.method) \(request.uri.path) failed: \(message)")
                return APIError(.internalServerError, .internalError, "the gateway failed to answer; the error is logged")
            }
            return APIError(error.status, .invalidParameter, message)
        }
    }

    /// The methods documented for a concrete path (empty: the path is not documented).
    func allowedMethods(path: String) -> [HTTPRequest.Method] {
        operations.filter { $0.matches(path: path) }.map(\.method).sorted { $0.rawValue < $1.rawValue }
    }
}
