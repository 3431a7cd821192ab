import Yams

/// YAML text read into plain values (`[String: Any]`, `[Any]`, scalars) without the traps of `Yams.load`.
///
/// `Yams.load` force-unwraps every mapping key as a string, so a key that is itself a mapping, a sequence or an alias
/// (`{a: 1}: x`, `[a]: b`) stopped the process (found by the `config-yaml` fuzz target, RELIABILITY.md). The text is
/// composed into nodes first, every key is checked to be a scalar and the nesting to stay within ``maxDepth``, and only
/// then are values constructed.
enum YAMLDocument {
    /// How deep mappings and sequences may nest.
    static let maxDepth = 64

    /// What is wrong with a document that parses as YAML.
    struct Problem: Error, CustomStringConvertible {
        /// The message.
        var description: String
    }

    /// The document's values, or `nil` for an empty document.
    /// - Throws: Yams' parser error for text that is not YAML; ``Problem`` for a non-scalar key or too deep nesting.
    static func load(_ yaml: String) throws -> Any? {
        guard let node = try Yams.compose(yaml: yaml) else { return nil }
        try check(node, depth: 0)
        return Constructor.default.any(from: node)
    }

    private static func check(_ node: Node, depth: Int) throws {
        guard depth <= maxDepth else { throw Problem(description: "nested deeper than \(maxDepth) levels") }
        switch node {
        case .scalar, .alias:
            return
        case .sequence(let sequence):
            for item in sequence { try check(item, depth: depth + 1) }
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard case .scalar = key else {
                    throw Problem(description: "a mapping key must be plain text, not a mapping, list or alias (line \(key.mark?.line ?? 0))")
                }
                try check(value, depth: depth + 1)
            }
        }
    }
}
