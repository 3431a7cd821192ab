import Foundation
import GatewayCore
import MockPlatformKit

/// The demo's live view: a block of lines redrawn in place on a terminal, plain lines otherwise.
final class DemoDisplay: @unchecked Sendable {
    private let isTerminal: Bool
    private var drawnLines = 0
    private var lastPlain = Date.distantPast
    private let lock = NSLock()

    init() { isTerminal = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    /// Prints a line above the live block.
    func log(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        clearBlock()
        write(text + "\n")
    }

    /// Redraws the live block (terminal), or prints it every few seconds (pipe, CI log).
    func update(elapsed: Double, progress: [String: LivestreamProgress], statistics: OrderStatistics, inbox: InboxCounts) {
        lock.lock()
        defer { lock.unlock() }
        var lines: [String] = []
        let header = String(format: "⏱ %5.1fs  ", elapsed)
        lines.append(
            header
                + "orders in gateway: \(statistics.totalOrders)   inbox waiting: \(inbox.unprocessed)   duplicates absorbed: \(inbox.duplicatesAbsorbed)   out-of-order/stale fixed: \(statistics.decisions[.stale, default: 0])"
        )
        for shop in progress.keys.sorted() {
            guard let p = progress[shop] else { continue }
            let byStatus = statistics.ordersByShopAndStatus[shop] ?? [:]
            let statuses = OrderStatus.allCases.compactMap { status in byStatus[status].map { "\(status.rawValue) \($0)" } }.joined(separator: ", ")
            lines.append(
                "  \(shop.padding(toLength: 16, withPad: " ", startingAt: 0)) platform: \(p.ordersCreated)/\(p.ordersPlanned) orders, \(p.acknowledged) pushes acked, "
                    + "\(p.duplicatesSent) repeats, \(p.dropped) dropped  │ gateway: \(statistics.orders(shop: shop)) [\(statuses)]"
            )
        }
        if isTerminal {
            clearBlock()
            write(lines.joined(separator: "\n") + "\n")
            drawnLines = lines.count
        } else if Date().timeIntervalSince(lastPlain) >= 2 {
            lastPlain = Date()
            write(lines.joined(separator: "\n") + "\n")
        }
    }

    /// Leaves the live block on screen as it is.
    func finish() {
        lock.lock()
        drawnLines = 0
        lock.unlock()
    }

    private func clearBlock() {
        guard isTerminal, drawnLines > 0 else { return }
        write(String(repeating: "\u{1B}[1A\u{1B}[2K", count: drawnLines))
        drawnLines = 0
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
