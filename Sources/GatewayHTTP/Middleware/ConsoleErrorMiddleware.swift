import Hummingbird

/// Turns HTTP errors thrown by console controllers (`403` from a role check, `404`, CSRF rejections) into HTML pages.
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let renderer: ConsoleRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let key: String
            switch error.status {
            case .forbidden: key = error.body?.contains("_csrf") == true ? "error.csrf" : "error.forbidden"
            case .notFound: key = "error.notFound"
            default: key = "error.other"
            }
            let message = ConsoleStrings.text(key, context.language)
            return renderer.page(
                "error",
                titleKey: "error.title",
                active: nil,
                data: ["status": Int(error.status.code), "message": message],
                request: request,
                context: context,
                status: error.status
            )
        }
    }
}
