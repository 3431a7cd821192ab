import GatewayCore

/// Text the `gateway reconcile` commands print.
enum ReconcileReport {
    /// A run's heading and totals per class in yuan and fen.
    /// - Parameters:
    ///   - detail: the run.
    ///   - imported: whether the run comes from an import (then it says whether the statement was new or imported before).
    static func summary(_ detail: ReconciliationRunDetail, imported: Bool = false) -> String {
        let run = detail.run
        let state = !imported ? "" : detail.created ? " (new)" : " (already imported; nothing was added)"
        let heading = "run \(run.id)\(state): \(run.platform.rawValue)/\(run.shop) \(run.format) \(run.fileName)"
        let who = "imported by \(run.importedBy); tolerance \(run.toleranceFen) fen; \(run.openCount) difference(s) open"
        var out = [
            heading, who,
            pad("class", 22) + pad("orders", 8, right: true) + pad("statement yuan (fen)", 28, right: true)
                + pad("gateway yuan (fen)", 28, right: true),
        ]
        for total in run.totals.classes {
            let statement = "\(Money.yuanString(fromFen: total.statementFen)) (\(total.statementFen))"
            let gateway = "\(Money.yuanString(fromFen: total.gatewayFen)) (\(total.gatewayFen))"
            let name = pad(total.classification.rawValue, 22)
            let count = pad(String(total.count), 8, right: true)
            out.append(name + count + pad(statement, 28, right: true) + pad(gateway, 28, right: true))
        }
        let other = "\(Money.yuanString(fromFen: run.totals.nonOrderFen)) (\(run.totals.nonOrderFen))"
        out.append("not order money (fees, withdrawals): \(run.totals.nonOrderLineCount) row(s), \(other)")
        return out.joined(separator: "\n")
    }

    /// A run's lines, one per row.
    static func lines(_ detail: ReconciliationRunDetail) -> String {
        detail.lines.map { runLine in
            let line = runLine.line
            let statement = line.statementFen.map(Money.yuanString(fromFen:)) ?? "-"
            let gateway = line.gatewayFen.map(Money.yuanString(fromFen:)) ?? "-"
            var text = "\(pad(String(runLine.number), 5, right: true))  \(pad(line.classification.rawValue, 21)) \(pad(line.platformOrderId, 24))"
            text += " \(pad(statement, 12, right: true)) \(pad(gateway, 12, right: true))  \(line.detail)"
            if let lookup = runLine.platformLookup { text += " [\(lookup)]" }
            if let resolution = runLine.resolution { text += " — resolved by \(resolution.actor): \(resolution.reason) \(resolution.note)" }
            return text
        }.joined(separator: "\n")
    }

    /// One line of `gateway reconcile list`.
    static func listLine(_ run: ReconciliationRun) -> String {
        let differences = run.totals.differenceCount
        return
            "\(run.id)\t\(run.platform.rawValue)/\(run.shop)\t\(run.fileName)\t\(run.lineCount) order(s), \(differences) difference(s), \(run.openCount) open\t\(run.importedBy)"
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
