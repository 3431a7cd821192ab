import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// A Douyin open API client written for the tests from platforms.md §1.3, independent of the mock's signer.
struct DouyinTestClient {
    /// One answer.
    struct Reply {
        var status: Int
        var body: String
        var object: [String: Any]

        var code: Int { (object["code"] as? NSNumber)?.intValue ?? -1 }
        var subCode: String { object["sub_code"] as? String ?? "" }
        var data: [String: Any] { object["data"] as? [String: Any] ?? [:] }
    }

    var baseURL: String
    var appKey: String = TestConfiguration.yunlaiKey
    var appSecret: String = TestConfiguration.yunlaiSecret

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func stringToSign(secret: String, appKey: String, method: String, paramJSON: String, timestamp: String) -> String {
        "\(secret)app_key\(appKey)method\(method)param_json\(paramJSON)timestamp\(timestamp)v2\(secret)"
    }

    static func hmacSign(secret: String, appKey: String, method: String, paramJSON: String, timestamp: String) -> String {
        let text = stringToSign(secret: secret, appKey: appKey, method: method, paramJSON: paramJSON, timestamp: timestamp)
        return hex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(secret.utf8))))
    }

    static func md5Sign(secret: String, appKey: String, method: String, paramJSON: String, timestamp: String) -> String {
        hex(
            Insecure.MD5.hash(
                data: Data(stringToSign(secret: secret, appKey: appKey, method: method, paramJSON: paramJSON, timestamp: timestamp).utf8)
            )
        )
    }

    /// Builds compact JSON with sorted keys from raw JSON value texts.
    static func paramJSON(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { "\"\($0)\":\(fields[$0]!)" }.joined(separator: ",") + "}"
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Calls a method, signing correctly unless told otherwise.
    func call(
        _ method: String,
        paramJSON: String,
        accessToken: String? = nil,
        timestamp: String = String(Int(Date().timeIntervalSince1970)),
        signMethod: String? = "hmac-sha256",
        signingSecret: String? = nil,
        sentBody: String? = nil,
        omit: Set<String> = []
    ) async throws -> Reply {
        let secret = signingSecret ?? appSecret
        let sign =
            signMethod == "hmac-sha256"
            ? Self.hmacSign(secret: secret, appKey: appKey, method: method, paramJSON: paramJSON, timestamp: timestamp)
            : Self.md5Sign(secret: secret, appKey: appKey, method: method, paramJSON: paramJSON, timestamp: timestamp)
        var query: [(String, String)] = [("app_key", appKey), ("method", method)]
        if let accessToken { query.append(("access_token", accessToken)) }
        query.append(("timestamp", timestamp))
        query.append(("v", "2"))
        if let signMethod { query.append(("sign_method", signMethod)) }
        query.append(("sign", sign))
        let queryText = query.filter { !omit.contains($0.0) }.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
        var request = HTTPClientRequest(url: baseURL + "/" + method.replacingOccurrences(of: ".", with: "/") + "?" + queryText)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: sentBody ?? paramJSON))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = String(buffer: try await response.body.collect(upTo: 16 << 20))
        let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        return Reply(status: Int(response.status.code), body: body, object: object)
    }

    /// Gets an access token through `token.create`.
    func accessToken(shopId: String = TestConfiguration.yunlaiShopId) async throws -> String {
        let reply = try await call(
            "token.create",
            paramJSON: Self.paramJSON(["code": "\"\"", "grant_type": "\"authorization_self\"", "shop_id": "\"\(shopId)\""])
        )
        return reply.data["access_token"] as? String ?? ""
    }

    /// A `GET` of a `/_mock/…` path, decoded.
    func mockGet(_ path: String) async throws -> [String: Any] {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: baseURL + path), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8))) as? [String: Any] ?? [:]
    }
}
