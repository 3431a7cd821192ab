import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Plain HTTP for the router-style APIs (Pinduoduo, Taobao) in the tests: form encoding and one call.
enum RouterTestHTTP {
    /// One answer.
    struct Reply {
        var status: Int
        var body: String
        var object: [String: Any]
    }

    /// Where the parameters go.
    enum Placement {
        /// Every parameter in the query string, no body.
        case query
        /// Every parameter in a form body.
        case body
        /// The named parameters in the query string, the rest in a form body.
        case split(Set<String>)
        /// Every parameter in a JSON object body.
        case json
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func form(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    static func upperHex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02X", $0) }.joined()
    }

    /// Sends the parameters to `url` placed as asked (POST, or GET when everything is in the query).
    static func send(url: String, parameters: [String: String], placement: Placement, method: HTTPMethod = .POST) async throws -> Reply {
        let sorted = parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var queryPairs: [(String, String)] = []
        var bodyPairs: [(String, String)] = []
        var contentType = "application/x-www-form-urlencoded;charset=UTF-8"
        var bodyText: String?
        switch placement {
        case .query:
            queryPairs = sorted
        case .body:
            bodyPairs = sorted
        case .split(let inQuery):
            queryPairs = sorted.filter { inQuery.contains($0.0) }
            bodyPairs = sorted.filter { !inQuery.contains($0.0) }
        case .json:
            contentType = "application/json"
            let data = try JSONSerialization.data(withJSONObject: parameters, options: [.sortedKeys])
            bodyText = String(decoding: data, as: UTF8.self)
        }
        if bodyText == nil, !bodyPairs.isEmpty { bodyText = form(bodyPairs) }
        var request = HTTPClientRequest(url: url + (queryPairs.isEmpty ? "" : "?" + form(queryPairs)))
        request.method = method
        if let bodyText {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: bodyText))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = String(buffer: try await response.body.collect(upTo: 16 << 20))
        let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        return Reply(status: Int(response.status.code), body: body, object: object)
    }

    /// Beijing wall-clock text of a date.
    static func beijing(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
