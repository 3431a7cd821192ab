/// The bundled OpenAPI document could not be read.
public struct OpenAPIDocumentError: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}
