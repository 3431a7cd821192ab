import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

@testable import gateway

/// Signs in to the demo's console like a browser (login form, CSRF cookie, session cookie) and reads pages.
enum DemoConsoleClient {
    /// A page of the console (`path` under `/console`) read as `login`.
    static func page(_ consoleURL: String, _ path: String, login: DemoLogins.Login) async throws -> String {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        do {
            let form = try await client.execute(HTTPClientRequest(url: consoleURL + "/login"), timeout: .seconds(10))
            let html = String(buffer: try await form.body.collect(upTo: 1 << 20))
            let marker = #"name="_csrf" value=""#
            let start = try #require(html.range(of: marker)).upperBound
            let csrf = String(html[start...].prefix { $0 != "\"" })
            var post = HTTPClientRequest(url: consoleURL + "/login")
            post.method = .POST
            post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            post.headers.add(name: "Cookie", value: "gw_login_csrf=\(csrf)")
            let body = "_csrf=\(csrf)&next=%2Fconsole&username=\(login.username)&password=\(login.password)"
            post.body = .bytes(ByteBuffer(string: body))
            let signedIn = try await client.execute(post, timeout: .seconds(10))
            _ = try await signedIn.body.collect(upTo: 1 << 20)
            #expect(signedIn.status == .seeOther, "\(login.username) signs in with the printed password")
            let session = try #require(signedIn.headers["Set-Cookie"].first { $0.hasPrefix("gw_session=") })
            var get = HTTPClientRequest(url: consoleURL + path)
            get.headers.add(name: "Cookie", value: String(session.prefix { $0 != ";" }))
            let page = try await client.execute(get, timeout: .seconds(10))
            let text = String(buffer: try await page.body.collect(upTo: 4 << 20))
            #expect(page.status == .ok, "GET /console\(path)")
            try await client.shutdown()
            return text
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// A staff API answer read with a bearer token.
    static func get(_ url: String, token: String) async throws -> String {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 4 << 20))
        #expect(response.status == .ok, "GET \(url)")
        return text
    }
}

/// What the demo test read while the demo served.
final class DemoConsoleSeen: Sendable {
    private let state = Mutex<(board: String?, queueAPI: String?)>((nil, nil))
    /// The board page.
    var board: String? { state.withLock { $0.board } }
    /// The failed write-back queue from the staff API.
    var queueAPI: String? { state.withLock { $0.queueAPI } }
    func set(board: String, queueAPI: String) { state.withLock { $0 = (board, queueAPI) } }
}
