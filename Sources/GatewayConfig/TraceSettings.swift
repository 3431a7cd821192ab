import Foundation

/// Where the public trace pages are reached from outside: the base of the URL printed as a QR code on each parcel label.
///
/// ## Configuration keys
/// - `trace.public_base_url` (default: the server's own address, `http://HOST:PORT`): an absolute `http` or `https`
///   URL without query, fragment or credentials, at most 180 bytes, e.g. `https://trace.example.cn`; a trailing `/` is
///   dropped. Labels encode
///   `<public_base_url>/trace/<code>`.
public struct TraceSettings: Sendable, Hashable {
    /// The longest base URL accepted: with `/trace/` and a 10-character code it still fits a version-10 QR code at level M
    /// (213 bytes), the largest the label encoder draws.
    public static let maximumBaseURLBytes = 180

    /// The configured base URL without a trailing `/`; `nil` when not configured (``publicBaseURL(server:)`` derives one).
    public var configuredBaseURL: String?

    /// Creates settings.
    public init(configuredBaseURL: String? = nil) {
        self.configuredBaseURL = configuredBaseURL
    }

    /// The base URL labels print: the configured one, else `http://HOST:PORT` of the listener (a wildcard host reads as
    /// `127.0.0.1`); `nil` when neither is known (port `0` picks a free port: the console then uses the address the
    /// request reached the server at).
    public func publicBaseURL(server: ServerSettings) -> String? {
        if let configuredBaseURL { return configuredBaseURL }
        guard server.port > 0 else { return nil }
        var host = server.host
        if host == "0.0.0.0" || host == "::" || host.isEmpty { host = "127.0.0.1" }
        if host.contains(":") { host = "[\(host)]" }
        return "http://\(host):\(server.port)"
    }

    /// A configured base URL in its canonical form (no trailing `/`), or `nil` when it is not an absolute `http`/`https`
    /// URL with a host and without query, fragment or credentials.
    public static func canonicalBaseURL(_ text: String) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil, components.user == nil, components.password == nil,
            !trimmed.contains(where: { $0.isWhitespace }), trimmed.utf8.count <= maximumBaseURLBytes
        else { return nil }
        return trimmed
    }
}
