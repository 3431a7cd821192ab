/// Pieces of test gateway configurations (YAML) that every test target writes the same way, so that they are written
/// once.
///
/// ```swift
/// let yaml = """
///     \(TestGatewayYAML.serverAndStorage(database: path, dataKeys: spec))
///     \(TestGatewayYAML.shops([.yunlaiDouyin, .linyinDouyin], apiBase: "API_BASE", poll: "{ enabled: false }"))
///     """
/// ```
public enum TestGatewayYAML {
    /// `server:` on a free loopback port (`port: 0`) and `storage:` on a SQLite file with its data keys, two lines at
    /// the top level.
    /// - Parameters:
    ///   - database: the SQLite file's path (or a placeholder such as `STORAGE`).
    ///   - synchronous: `storage.synchronous` (`normal` or `full`).
    ///   - dataKeys: `storage.data_keys`.
    /// - Returns: the two lines, without a final newline.
    public static func serverAndStorage(database: String, synchronous: String = "normal", dataKeys: String) -> String {
        """
        server: { host: 127.0.0.1, port: 0 }
        storage: { url: "sqlite:\(database)", synchronous: \(synchronous), data_keys: "\(dataKeys)" }
        """
    }

    /// The `shops:` block at the top level, one entry per shop (key, platform, enterprise, `api_base`, credentials, poll
    /// and rate limit), without a final newline.
    /// - Parameters:
    ///   - shops: the shops, in order.
    ///   - apiBase: every shop's `api_base` (or a placeholder such as `API_BASE`).
    ///   - poll: the `poll` mapping of every shop that has none of its own (``TestShop/poll``).
    ///   - requestsPerSecond: `rate_limit.requests_per_second` and `burst`.
    public static func shops(_ shops: [TestShop], apiBase: String, poll: String, requestsPerSecond: Int = 500) -> String {
        var lines = ["shops:"]
        for shop in shops {
            lines += [
                "  - key: \(shop.key)",
                "    platform: \(shop.platform)",
                "    enterprise: \(shop.enterprise)",
                "    api_base: \"\(apiBase)\"",
                "    credentials: \(shop.credentials)",
                "    poll: \(shop.poll ?? poll)",
                "    rate_limit: { requests_per_second: \(requestsPerSecond), burst: \(requestsPerSecond) }",
            ]
        }
        return lines.joined(separator: "\n")
    }
}
