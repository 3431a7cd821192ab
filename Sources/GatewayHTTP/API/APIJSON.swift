public import Foundation
public import Hummingbird
import NIOCore

/// The staff API's one JSON dialect: snake_case keys (DTO properties are camelCase in Swift and converted on the
/// way out and in), keys sorted, slashes unescaped.
public enum APIJSON {
    /// Encodes a DTO as the API does.
    /// - Throws: an encoding error (never for the API's DTOs, which hold only strings, numbers, booleans and arrays).
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Decodes a request body written in the API's dialect (snake_case keys).
    /// - Throws: ``APIError`` `invalid_body` naming what did not fit.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw APIError.body("the body is not the expected JSON: \(describe(error))")
        } catch {
            throw APIError.body("the body is not JSON")
        }
    }

    /// A JSON response with the API's content type.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        guard let data = try? encode(value) else {
            return Response(status: .internalServerError)
        }
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// Reads a JSON body of at most `maxBytes` and decodes it.
    /// - Throws: ``APIError`` `payload_too_large` or `invalid_body`.
    static func body<T: Decodable>(_ type: T.Type, _ request: Request, maxBytes: Int = 1 << 20) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, .payloadTooLarge, "the body is larger than \(maxBytes) bytes")
        }
        return try decode(type, from: Data(buffer.readableBytesView))
    }

    /// A short description of a decoding error: the key path and what was wrong.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the body" : codingPath.map { $0.intValue.map(String.init) ?? snake($0.stringValue) }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)) must be \(kind(type))"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)) must be \(kind(type)), not null"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "\(path(context.codingPath)) is not valid"
        @unknown default: return "not valid"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }

    /// `platformSkuId` → `platform_sku_id` (for messages about keys).
    static func snake(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
