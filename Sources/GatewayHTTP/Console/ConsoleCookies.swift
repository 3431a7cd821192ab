import Foundation
import HTTPTypes
import Hummingbird

/// The console's cookies and their security attributes.
///
/// - `gw_session`: the session secret; `HttpOnly`, `SameSite=Lax`, `Path=/`, `Secure` behind TLS.
/// - `gw_login_csrf`: the double-submit CSRF secret of the login form; `HttpOnly`, `SameSite=Strict`, `Path=/console/login`.
/// - `gw_lang`: the chosen language; `SameSite=Lax`, `Path=/`, one year.
enum ConsoleCookies {
    static let session = StaffAuthenticator.sessionCookie
    static let loginCSRF = "gw_login_csrf"
    static let language = "gw_lang"

    /// Whether the request reached us over TLS (directly or via a proxy that says `X-Forwarded-Proto: https`).
    static func isSecure(_ request: Request, settings: StaffAccessSettings) -> Bool {
        if settings.alwaysSecureCookies { return true }
        if request.uri.scheme == .https { return true }
        if let forwarded = request.headers[HTTPField.Name("X-Forwarded-Proto")!] {
            return forwarded.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
        }
        return false
    }

    /// The session cookie (or, with an empty value and `maxAge` 0, its removal).
    static func session(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: session, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The login form's CSRF cookie.
    static func loginCSRF(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: loginCSRF, value: value, maxAge: 3600, path: "/console/login", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The language cookie.
    static func language(_ value: ConsoleLanguage, secure: Bool) -> Cookie {
        Cookie(name: language, value: value.rawValue, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
