import Metrics
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request is not read to its end within a deadline after its head arrived: a client
/// that sends the head and then trickles the body (slow-loris on the body) cannot hold a connection longer than
/// `server.request_timeout_seconds`. A slow *head* is cut by Hummingbird's idle timeout
/// (`server.idle_timeout_seconds`), which counts only complete request parts as activity.
///
/// Closing is all it can do: the request is already with the router, which sees its body end with an error.
/// Each cut is counted in `gateway_http_request_timeouts_total`.
final class RequestDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private static let timeouts = Counter(label: "gateway_http_request_timeouts_total")

    /// Creates a handler for one connection.
    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            deadline?.cancel()
            let channel = context.channel
            deadline = context.eventLoop.scheduleTask(in: timeout) {
                Self.timeouts.increment()
                channel.close(promise: nil)
            }
        case .body:
            break
        case .end:
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
