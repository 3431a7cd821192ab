import ArgumentParser

/// `gateway demo`: starts the mock platform and the gateway and plays a livestream.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Play a simulated county-head livestream through the mock platform.")

    func run() async throws {
        print("demo: not wired yet")
    }
}
