/// Every fuzz target, by name (`GatewayFuzz --list`).
enum FuzzTargets {
    static let all: [FuzzTarget] =
        PushTargets.all + PlatformAPITargets.all + ImportTargets.all + ConfigTargets.all + ConsoleTargets.all + ParserTargets.all

    /// The target with a name.
    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
