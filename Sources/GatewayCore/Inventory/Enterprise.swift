/// An enterprise that fulfils orders (Linyin Tea, Yunlai Agriculture, …).
public struct Enterprise: Sendable, Hashable, Codable {
    /// Short id used everywhere (`yunlai`, `linyin`); shops name it in `shops[].enterprise`.
    public var id: String
    /// Display name.
    public var name: String
    /// Whether one order line may be split across several warehouses when no single warehouse can serve it.
    public var allowSplit: Bool

    /// Creates an enterprise.
    public init(id: String, name: String, allowSplit: Bool = false) {
        self.id = id
        self.name = name
        self.allowSplit = allowSplit
    }
}
