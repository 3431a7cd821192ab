import ArgumentParser

/// `mock-platform`: the mock of every sales platform the gateway talks to (design.md §5).
@main
struct MockPlatformCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-platform",
        abstract: "Serve the platforms' APIs and pushes from one port, for tests and demos.",
        subcommands: [ServeCommand.self, LivestreamCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
