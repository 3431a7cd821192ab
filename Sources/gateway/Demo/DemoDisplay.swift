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
    func update(elapsed: Double, progress: [String: LivestreamStats], statistics: OrderStatistics, inbox: InboxCounts) {
        lock.lock()
        defer { lock.unlock() }
        var lines: [String] = []
        let header: String = String(format: "⏱ %5.1fs  ", elapsed)
        let stale: Int = statistics.decisions[.stale, default: 0]
        let gatewayLine: String = "orders in gateway: \(statistics.totalOrders)   inbox waiting: \(inbox.unprocessed)   "
        let absorbedLine: String = "repeats absorbed (pushes and re-polls): \(inbox.duplicatesAbsorbed)   stale updates ignored: \(stale)"
        lines.append(header + gatewayLine + absorbedLine)
        for platform in progress.keys.sorted() {
            guard let p = progress[platform] else { continue }
            let name: String = platform.padding(toLength: 16, withPad: " ", startingAt: 0)
            let placed: String = "\(bar(p.ordersPlaced, of: p.ordersPlanned)) \(p.ordersPlaced)/\(p.ordersPlanned) orders"
            let pushes: String = "\(p.acknowledged) pushes acked, \(p.duplicatesSent) repeats, \(p.outOfOrder) overtaken"
            let missing: String = "\(p.dropped) dropped, \(p.late) held late"
            lines.append("  \(name) \(placed), \(pushes), \(missing)")
        }
        var byStatus: [OrderStatus: Int] = [:]
        for counts in statistics.ordersByShopAndStatus.values {
            for (status, count) in counts { byStatus[status, default: 0] += count }
        }
        let statusParts: [String] = OrderStatus.allCases.map { status in "\(status.rawValue) \(byStatus[status, default: 0])" }
        lines.append("  gateway status: " + statusParts.joined(separator: " · "))
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

    private func bar(_ done: Int, of total: Int, width: Int = 20) -> String {
        let filled = total > 0 ? min(width, done * width / total) : 0
        return "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "]"
    }

    private func clearBlock() {
        guard isTerminal, drawnLines > 0 else { return }
        write(String(repeating: "\u{1B}[1A\u{1B}[2K", count: drawnLines))
        drawnLines = 0
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
