import Foundation
import Hummingbird
import NIOCore

/// Small helpers for JSON and text responses with an explicit status.
enum JSONResponse {
    /// Encodes a value as a JSON response.
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A raw body with a content type.
    static func raw(_ body: String, status: Int, contentType: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }

    /// The gateway's error shape: `{"error":{"message":"…"}}`.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let body = ["error": ["message": message]]
        return (try? encode(body, status: status)) ?? Response(status: status)
    }
}
