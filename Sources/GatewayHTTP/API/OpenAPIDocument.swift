public import HTTPTypes
import Yams

/// The OpenAPI 3.1 document of the staff API (`Sources/GatewayHTTP/API/openapi.yaml`, compiled into the binary):
/// served at `/api/v1/openapi.json` and `.yaml`, rendered as the console's API reference, checked against the router
/// by the tests, and the source of the README's endpoint table (`gateway openapi --format markdown`).
public struct OpenAPIDocument: Sendable {
    /// One operation: a method on a path template.
    public struct Operation: Sendable, Equatable {
        /// The HTTP method.
        public var method: HTTPRequest.Method
        /// The path template, e.g. `/api/v1/orders/{platform}/{shop}/{platform_order_id}`.
        public var path: String
        /// The operation id.
        public var operationId: String
        /// The one-line summary.
        public var summary: String
        /// The first tag (the group in the reference).
        public var tag: String
        /// The operation as written in the document (parameters, responses, …).
        public var definition: JSONValue

        /// Whether a concrete path (`/api/v1/orders/douyin/s/1`) fits the template.
        public func matches(path concrete: String) -> Bool {
            let template = path.split(separator: "/", omittingEmptySubsequences: false)
            let actual = concrete.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == actual.count else { return false }
            return zip(template, actual).allSatisfy { part, value in (part.hasPrefix("{") && !value.isEmpty) || part == value }
        }
    }

    /// The document as YAML, as written.
    public let yaml: String
    /// The document as a JSON value, members in written order.
    public let root: JSONValue
    /// Every operation, in document order.
    public let operations: [Operation]

    /// The document compiled into this binary (empty operations if it failed to parse; a test proves it parses).
    public static let bundled: OpenAPIDocument = {
        let text = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
        return (try? OpenAPIDocument(yaml: text)) ?? OpenAPIDocument(yaml: text, root: .object([]), operations: [])
    }()

    /// The document as indented JSON.
    public var json: String { root.serialized(indent: 2) + "\n" }

    /// Parses a document written in YAML.
    /// - Throws: a YAML error, or ``OpenAPIDocumentError`` when `paths` is missing.
    public init(yaml: String) throws {
        let resolver = Resolver.default.removing(.timestamp).removing(.value).removing(.merge)
        guard let node = try Yams.compose(yaml: yaml, resolver) else { throw OpenAPIDocumentError(message: "the document is empty") }
        let root = try Self.value(node)
        guard let paths = root["paths"]?.members else { throw OpenAPIDocumentError(message: "the document has no paths") }
        var operations: [Operation] = []
        for path in paths {
            for member in path.value.members ?? [] {
                guard let method = HTTPRequest.Method(member.key.uppercased()), Self.methods.contains(member.key) else { continue }
                operations.append(
                    Operation(
                        method: method,
                        path: path.key,
                        operationId: member.value["operationId"]?.stringValue ?? "",
                        summary: member.value["summary"]?.stringValue ?? "",
                        tag: member.value["tags"]?.arrayValue?.first?.stringValue ?? "",
                        definition: member.value
                    )
                )
            }
        }
        self.init(yaml: yaml, root: root, operations: operations)
    }

    private init(yaml: String, root: JSONValue, operations: [Operation]) {
        self.yaml = yaml
        self.root = root
        self.operations = operations
    }

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Follows a local `$ref` (`#/components/parameters/Limit`); other values come back as they are.
    public func resolve(_ value: JSONValue) -> JSONValue {
        guard let reference = value["$ref"]?.stringValue, reference.hasPrefix("#/") else { return value }
        var current: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") { current = current?[String(part)] }
        return current ?? value
    }

    /// The README's endpoint table: one row per operation, in document order.
    public func markdownTable() -> String {
        var lines = ["| Endpoint | What |", "| --- | --- |"]
        for operation in operations {
            let access = operation.definition["security"]?.arrayValue?.isEmpty == true ? " (public)" : ""
            lines.append("| `\(operation.method.rawValue) \(operation.path)` | \(operation.summary)\(access) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML node as JSON: scalars by their resolved tag (timestamps stay strings), mappings in order.
    private static func value(_ node: Node) throws -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue: return node.int.map { .integer(Int64($0)) } ?? .string(scalar.string)
            case Tag.Name.float.rawValue: return node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            return .object(
                try mapping.map { key, value in
                    guard let name = key.string else { throw OpenAPIDocumentError(message: "a mapping key is not a string") }
                    return JSONValue.Member(name, try Self.value(value))
                }
            )
        case .sequence(let sequence):
            return .array(try sequence.map { try Self.value($0) })
        case .alias:
            throw OpenAPIDocumentError(message: "YAML aliases are not used in the document")
        }
    }
}
