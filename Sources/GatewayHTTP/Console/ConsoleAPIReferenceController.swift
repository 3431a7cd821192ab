import Hummingbird

/// `GET /console/api`: the staff API reference, rendered from the OpenAPI document the server serves (every
/// operation with its parameters, body and answers; links to the document itself). Any signed-in caller.
struct ConsoleAPIReferenceController: Sendable {
    let document: OpenAPIDocument
    let renderer: ConsoleRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/api") { request, context in
            _ = try context.requirePrincipal()
            return self.renderer.page("api", titleKey: "api.title", active: "api", data: self.data(), request: request, context: context)
        }
    }

    /// The template's data: one group per tag, in the document's order.
    func data() -> [String: Any] {
        let tags = document.root["tags"]?.arrayValue ?? []
        let groups: [[String: Any]] = tags.compactMap { tag in
            guard let name = tag["name"]?.stringValue else { return nil }
            let operations = document.operations.filter { $0.tag == name }.map(operation)
            guard !operations.isEmpty else { return nil }
            return ["tag": name, "description": tag["description"]?.stringValue ?? "", "operations": operations]
        }
        return [
            "title": document.root["info"]?["title"]?.stringValue ?? "",
            "version": document.root["info"]?["version"]?.stringValue ?? "",
            "description": document.root["info"]?["description"]?.stringValue ?? "",
            "groups": groups,
            "operationCount": document.operations.count,
        ]
    }

    private func operation(_ operation: OpenAPIDocument.Operation) -> [String: Any] {
        let parameters: [[String: Any]] = (operation.definition["parameters"]?.arrayValue ?? []).map { raw in
            let parameter = document.resolve(raw)
            return [
                "name": parameter["name"]?.stringValue ?? "",
                "location": parameter["in"]?.stringValue ?? "",
                "required": parameter["required"] == .bool(true),
                "schema": parameter["schema"].map(schemaText) ?? "",
                "description": parameter["description"]?.stringValue ?? "",
            ]
        }
        let bodies: [[String: Any]] = (operation.definition["requestBody"]?["content"]?.members ?? []).map { member in
            ["mediaType": member.key, "schema": member.value["schema"].map(schemaText) ?? ""]
        }
        let responses: [[String: Any]] = (operation.definition["responses"]?.members ?? []).map { member in
            let response = document.resolve(member.value)
            let content = (response["content"]?.members ?? []).map { "\($0.key): \($0.value["schema"].map(schemaText) ?? "")" }
            return [
                "status": member.key,
                "description": response["description"]?.stringValue ?? "",
                "content": content.joined(separator: "; "),
            ]
        }
        return [
            "id": operation.operationId,
            "method": operation.method.rawValue,
            "path": operation.path,
            "summary": operation.summary,
            "public": operation.definition["security"]?.arrayValue?.isEmpty == true,
            "parameters": parameters,
            "hasParameters": !parameters.isEmpty,
            "bodies": bodies,
            "responses": responses,
        ]
    }

    /// A schema in a few words: its component name, its enum values, or its type and format.
    private func schemaText(_ schema: JSONValue) -> String {
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            let resolved = document.resolve(schema)
            if let values = resolved["enum"]?.arrayValue { return "\(name): " + values.compactMap(\.stringValue).joined(separator: " | ") }
            return name
        }
        if let values = schema["enum"]?.arrayValue { return values.compactMap(\.stringValue).joined(separator: " | ") }
        var text: String
        switch schema["type"] {
        case .string(let type)?: text = type
        case .array(let types)?: text = types.compactMap(\.stringValue).joined(separator: " | ")
        default: text = "any"
        }
        if let format = schema["format"]?.stringValue { text += " (\(format))" }
        if let pattern = schema["pattern"]?.stringValue { text += " \(pattern)" }
        if case .integer(let minimum)? = schema["minimum"], case .integer(let maximum)? = schema["maximum"] { text += " \(minimum)…\(maximum)" }
        return text
    }
}
