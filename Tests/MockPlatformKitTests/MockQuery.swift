/// A raw query string read into a dictionary (values are digits and Base64-free here, so no decoding is needed).
struct MockQuery {
    var values: [String: String]

    init(_ query: String) {
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        self.values = values
    }

    subscript(name: String) -> String? { values[name] }
}
