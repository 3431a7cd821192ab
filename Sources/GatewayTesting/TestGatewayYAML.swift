/// Pieces of test gateway configurations (YAML) that every test target writes the same way, so that they are written
/// once.
///
/// ```swift
/// let yaml = """
///     \(TestGatewayYAML.serverAndStorage(database: path, dataKeys: spec))
///     shops:
///       - key: yunlai-douyin
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
}
