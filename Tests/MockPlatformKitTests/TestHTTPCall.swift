import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A plain HTTP call for the platform tests, with the answer parsed as a JSON object where it is one.
struct TestHTTPCall {
    /// One answer.
    struct Reply {
        var status: Int
        var body: String
        var object: [String: Any]

        /// A member of the JSON object as an exact integer (numbers and digit strings).
        func int(_ key: String) -> Int64? { Self.int(object[key]) }

        static func int(_ value: Any?) -> Int64? {
            if let number = value as? NSNumber { return number.int64Value }
            if let text = value as? String { return Int64(text) }
            return nil
        }
    }

    /// Sends a request.
    static func send(_ method: HTTPMethod, _ url: String, body: String? = nil, contentType: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 4 << 20))
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return Reply(status: Int(response.status.code), body: text, object: object)
    }

    /// `application/x-www-form-urlencoded` text of parameters, values percent-encoded.
    static func form(_ parameters: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return parameters.keys.sorted().map { key in
            key + "=" + (parameters[key]!.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }

    /// Lowercase hex.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
