import ArgumentParser

/// The `gateway` command line.
@main
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Livestream-commerce order gateway: receive, poll, de-duplicate and merge platform orders.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, MigrateCommand.self, CheckConfigCommand.self, UserCommand.self, TokenCommand.self,
            ImportCommand.self, ExceptionsCommand.self, ReconcileCommand.self, ReportCommand.self, OpenAPICommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )
}
