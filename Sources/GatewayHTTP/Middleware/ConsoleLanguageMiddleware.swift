import Hummingbird

/// Picks the console language: `?lang=zh|en` (then remembered in the `gw_lang` cookie), else the cookie, else Chinese.
struct ConsoleLanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let settings: StaffAccessSettings

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let requested = request.uri.queryParameters.get("lang").flatMap(ConsoleLanguage.init(rawValue:))
        let remembered = request.cookies[ConsoleCookies.language].flatMap { ConsoleLanguage(rawValue: $0.value) }
        context.language = requested ?? remembered ?? .zh
        var response = try await next(request, context)
        if let requested, requested != remembered {
            response.setCookie(ConsoleCookies.language(requested, secure: ConsoleCookies.isSecure(request, settings: settings)))
        }
        return response
    }
}
