import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

#if canImport(Glibc)
import Glibc
#endif

/// A real headless Chromium driven over WebDriver (W3C) through Debian's `chromedriver`.
///
/// `start()` launches chromedriver on a free port and opens a browser session; `close()` ends both.
/// Only the commands the console tests need are wrapped.
final class BrowserSession: @unchecked Sendable {
    /// Where the browser and its driver are looked for.
    static let chromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    static let driverPaths = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// The browser and driver binaries, or `nil` when either is missing.
    static func locate() -> (chromium: String, driver: String)? {
        let files = FileManager.default
        guard let chromium = chromiumPaths.first(where: files.isExecutableFile(atPath:)),
            let driver = driverPaths.first(where: files.isExecutableFile(atPath:))
        else { return nil }
        return (chromium, driver)
    }

    /// A WebDriver or browser problem with the driver's message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let driver: Process
    private let base: String
    private let sessionId: String

    private init(driver: Process, base: String, sessionId: String) {
        self.driver = driver
        self.base = base
        self.sessionId = sessionId
    }

    /// Starts chromedriver and a headless Chromium session.
    static func start() async throws -> BrowserSession {
        guard let binaries = locate() else {
            throw Failure(description: "chromium/chromedriver not installed (apt-get install chromium chromium-driver)")
        }
        var lastError: (any Error)?
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<60_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binaries.driver)
            process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-level=OFF"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let base = "http://127.0.0.1:\(port)"
            do {
                try await waitUntilReady(base)
                let capabilities: [String: Any] = [
                    "capabilities": [
                        "alwaysMatch": [
                            "browserName": "chrome",
                            "goog:chromeOptions": [
                                "binary": binaries.chromium,
                                "args": [
                                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900",
                                    "--lang=zh-CN", "--no-first-run", "--disable-extensions",
                                ],
                            ],
                        ]
                    ]
                ]
                let created = try await request(base + "/session", method: .POST, body: capabilities)
                guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
                    throw Failure(description: "no session id in \(created)")
                }
                return BrowserSession(driver: process, base: base, sessionId: id)
            } catch {
                lastError = error
                kill(process.processIdentifier, SIGKILL)
            }
        }
        throw lastError ?? Failure(description: "chromedriver did not start")
    }

    private static func waitUntilReady(_ base: String) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if let status = try? await request(base + "/status", method: .GET, body: nil),
                let value = status["value"] as? [String: Any], value["ready"] as? Bool == true
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "chromedriver at \(base) not ready")
    }

    @discardableResult
    private static func request(_ url: String, method: HTTPMethod, body: [String: Any]?) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = Data(buffer: try await response.body.collect(upTo: 64 << 20))
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        if response.status.code >= 400 {
            let value = object["value"] as? [String: Any]
            throw Failure(description: "WebDriver \(method) \(url): \(value?["error"] ?? response.status) \(value?["message"] ?? "")")
        }
        return object
    }

    @discardableResult
    private func command(_ path: String, method: HTTPMethod = .POST, body: [String: Any]? = [:]) async throws -> Any? {
        let result = try await Self.request(
            base + "/session/\(sessionId)" + path,
            method: method,
            body: method == .GET || method == .DELETE ? nil : body
        )
        return result["value"]
    }

    /// Ends the browser session and stops chromedriver (without blocking a concurrency thread on `waitUntilExit`).
    func close() async {
        _ = try? await Self.request(base + "/session/\(sessionId)", method: .DELETE, body: nil)
        _ = try? await Self.request(base + "/shutdown", method: .GET, body: nil)
        await Self.stop(driver)
    }

    /// Stops a chromedriver process: it exits on `/shutdown`; SIGTERM, then SIGKILL, if it does not.
    private static func stop(_ process: Process) async {
        for signal in [SIGTERM, SIGKILL] {
            for _ in 0..<30 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
            guard process.isRunning else { return }
            kill(process.processIdentifier, signal)
        }
    }

    // MARK: navigation

    /// Loads a URL and waits for the page.
    func open(_ url: String) async throws { try await command("/url", body: ["url": url]) }

    /// The current URL.
    func currentURL() async throws -> String { try await command("/url", method: .GET) as? String ?? "" }

    /// The page title.
    func title() async throws -> String { try await command("/title", method: .GET) as? String ?? "" }

    /// The page's HTML.
    func source() async throws -> String { try await command("/source", method: .GET) as? String ?? "" }

    /// Runs JavaScript in the page and returns its result.
    @discardableResult
    func script(_ source: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("/execute/sync", body: ["script": source, "args": arguments])
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let text = try await command("/screenshot", method: .GET) as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot")
        }
        return data
    }

    // MARK: elements

    /// A handle on an element of the current page.
    struct Element: Sendable {
        let id: String
    }

    /// The first element matching a CSS selector.
    func element(_ css: String) async throws -> Element {
        let value = try await command("/element", body: ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?[Self.elementKey] as? String else { throw Failure(description: "no element \(css)") }
        return Element(id: id)
    }

    /// Every element matching a CSS selector.
    func elements(_ css: String) async throws -> [Element] {
        let values = try await command("/elements", body: ["using": "css selector", "value": css]) as? [[String: Any]] ?? []
        return values.compactMap { ($0[Self.elementKey] as? String).map(Element.init(id:)) }
    }

    /// Clicks an element.
    func click(_ element: Element) async throws { try await command("/element/\(element.id)/click") }

    /// Clicks the first element matching a CSS selector.
    func click(_ css: String) async throws { try await click(try await element(css)) }

    /// Clears an input and types into it.
    func type(_ css: String, _ text: String) async throws {
        let field = try await element(css)
        try await command("/element/\(field.id)/clear")
        try await command("/element/\(field.id)/value", body: ["text": text])
    }

    /// The rendered (visible) text of an element.
    func text(_ element: Element) async throws -> String { try await command("/element/\(element.id)/text", method: .GET) as? String ?? "" }

    /// The rendered text of the first element matching a CSS selector.
    func text(_ css: String) async throws -> String { try await text(try await element(css)) }

    /// Whether an element is shown.
    func isDisplayed(_ element: Element) async throws -> Bool {
        try await command("/element/\(element.id)/displayed", method: .GET) as? Bool ?? false
    }

    /// An attribute or property of an element.
    func attribute(_ element: Element, _ name: String) async throws -> String? {
        try await command("/element/\(element.id)/attribute/\(name)", method: .GET) as? String
    }

    /// The browser's cookies for the current page, as name → (value, httpOnly, sameSite).
    func cookies() async throws -> [String: (value: String, httpOnly: Bool, sameSite: String?)] {
        let list = try await command("/cookie", method: .GET) as? [[String: Any]] ?? []
        var result: [String: (value: String, httpOnly: Bool, sameSite: String?)] = [:]
        for cookie in list {
            guard let name = cookie["name"] as? String else { continue }
            result[name] = (cookie["value"] as? String ?? "", cookie["httpOnly"] as? Bool ?? false, cookie["sameSite"] as? String)
        }
        return result
    }
}
