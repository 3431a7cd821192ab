import Foundation
import GatewayCore
import Synchronization

@testable import GatewayConnectors

/// A platform played by a closure, recording every request the client sends (no sockets).
final class ScriptedPlatform: Sendable {
    private let recorded = Mutex<[PlatformHTTPRequest]>([])
    private let handler: @Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse

    init(_ handler: @escaping @Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse) { self.handler = handler }

    var requests: [PlatformHTTPRequest] { recorded.withLock { $0 } }

    var transport: PlatformHTTPTransport {
        PlatformHTTPTransport { request in
            self.recorded.withLock { $0.append(request) }
            return try self.handler(request)
        }
    }
}

extension PlatformHTTPRequest {
    /// The path of the URL (no query).
    var path: String { URLComponents(string: url)?.path ?? "" }

    /// Decoded query parameters.
    var queryParameters: [String: String] { FormText.decode(URLComponents(string: url)?.percentEncodedQuery ?? "") }

    /// Decoded form-body parameters.
    var formParameters: [String: String] { FormText.decode(bodyText) }

    /// The JSON body as a dictionary.
    var jsonBody: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
}

/// Decoding `k=v&k=v` text the way a platform's server would.
enum FormText {
    static func decode(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1])) : ""
            out[key] = value
        }
        return out
    }
}

/// Bytes of a hex string.
func hexBytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        out.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return out
}

/// The wall clock, for tests whose platform fakes do not care about time (the gateway's own is `GatewayClock.system`).
let testWallClock = GatewayClock { Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))) }
