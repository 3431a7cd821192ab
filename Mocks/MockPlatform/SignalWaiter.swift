import Dispatch
import Foundation

/// Waits for Ctrl-C (SIGINT) or SIGTERM.
enum SignalWaiter {
    /// Returns when the process receives SIGINT or SIGTERM.
    static func waitForTermination() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        for source in sources { source.cancel() }
    }
}
