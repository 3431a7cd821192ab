import Foundation

/// The response shape shared by PDD `/api/router` and Taobao `/router/rest`: one top-level key,
/// either `error_response` or `<api>_response` holding the payload.
///
/// Decoding looks for the expected response key first and falls back to any other key ending in
/// `_response`, so a platform that names its root slightly differently still decodes.
struct RouterEnvelope<Payload: Decodable, ErrorBody: Decodable>: Decodable {
    /// The payload under the response key, if any.
    var payload: Payload?
    /// The `error_response` body, if any.
    var error: ErrorBody?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RouterEnvelopeKey.self)
        let errorKey = RouterEnvelopeKey(stringValue: "error_response")
        error = container.contains(errorKey) ? try container.decode(ErrorBody.self, forKey: errorKey) : nil
        let wanted = decoder.userInfo[RouterEnvelopeKey.responseKeyInfo] as? String
        let key =
            container.allKeys.first { $0.stringValue == wanted }
            ?? container.allKeys.first { $0.stringValue.hasSuffix("_response") && $0.stringValue != "error_response" }
        payload = try key.map { try container.decode(Payload.self, forKey: $0) }
    }

    /// Decodes a response body, looking for `responseKey` (e.g. `order_info_get_response`).
    static func decode(_ text: String, responseKey: String) throws -> RouterEnvelope {
        let decoder = JSONDecoder()
        decoder.userInfo[RouterEnvelopeKey.responseKeyInfo] = responseKey
        return try decoder.decode(RouterEnvelope.self, from: Data(text.utf8))
    }
}

/// Any JSON object key.
struct RouterEnvelopeKey: CodingKey {
    /// The user-info key carrying the expected response key name.
    static let responseKeyInfo = CodingUserInfoKey(rawValue: "gateway.routerResponseKey")!

    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
