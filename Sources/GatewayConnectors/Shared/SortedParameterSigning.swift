import Foundation

/// Canonical strings of parameter sets, for platforms that sign sorted parameters.
enum SortedParameters {
    /// `k1=v1&k2=v2…` with keys in byte order, values as they are (not URL-encoded): the form
    /// Kuaishou signs before URL encoding (platforms.md §2.3).
    static func joined(_ parameters: [String: String]) -> String {
        parameters.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\($0.key)=\($0.value)" }
            .joined(separator: "&")
    }

    /// The strings sorted byte-wise and concatenated with nothing between them: WeChat's signature input.
    static func sortedConcatenation(_ values: [String]) -> String {
        values.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined()
    }
}
