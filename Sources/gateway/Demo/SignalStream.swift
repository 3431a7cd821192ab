import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM.
struct SignalStream: Sendable {
    func next() async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            #if canImport(Darwin)
            // Darwin's signal sources (kqueue) see ignored signals; Linux's do not: there the source's own handler
            // takes the signal, and an ignored signal would never reach it.
            signal(number, SIG_IGN)
            #endif
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        for await _ in stream { break }
        for source in sources { source.cancel() }
    }
}
