public import Foundation

/// A fresh directory under the system temporary folder, removed by ``remove()``.
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// defer { directory.remove() }
/// let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), keys: keys)
/// ```
public struct TemporaryDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Creates the directory.
    /// - Parameter prefix: the start of the directory's name.
    /// - Throws: when the directory cannot be created.
    public init(prefix: String = "gateway-tests-") throws {
        path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of a file in the directory.
    /// - Parameter name: the file's name.
    /// - Returns: `path/name`.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Removes the directory and everything in it.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
