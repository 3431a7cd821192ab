import GatewayCore

/// Imports the county's household registry (建档立卡 data) from CSV, all or nothing.
///
/// Columns (header names, any order):
/// - `household_id` — required, unique.
/// - `name` — required: the head of household.
/// - `village` — required.
/// - `cooperative` — optional cooperative id.
/// - `base` — optional base id.
/// - `registered_poor` — required: `1`/`0`, `是`/`否`, `yes`/`no`, `true`/`false` (case-insensitive).
/// - `members` — required: a positive integer.
/// - `show_name` — optional column, same flags as `registered_poor`; empty = no (the name is masked on trace pages).
///
/// Every bad row is reported with its line and column: missing id, name or village, duplicate id, a bad
/// flag, members not a positive integer. When any row is bad, nothing is returned.
public enum HouseholdRegistryImport {
    /// The required columns.
    public static let requiredColumns = ["household_id", "name", "village", "cooperative", "base", "registered_poor", "members"]

    /// Parses a registry.
    /// - Returns: the households, in file order.
    /// - Throws: ``ImportError`` listing every problem.
    public static func parse(_ document: CSVDocument) throws(ImportError) -> [Household] {
        let columns = try document.requireColumns(requiredColumns)
        let showNameColumn = document.columnIndex("show_name")
        var problems: [ImportProblem] = []
        var households: [Household] = []
        var firstLineById: [String: Int] = [:]
        for row in document.rows {
            var rowProblems: [ImportProblem] = []
            func problem(_ column: String, _ message: String) { rowProblems.append(ImportProblem(line: row.line, column: column, message: message)) }
            let id = row[columns["household_id"]!]
            if id.isEmpty {
                problem("household_id", "the household id is missing")
            } else if let first = firstLineById[id] {
                problem("household_id", "duplicate household id \(id) (first on line \(first))")
            } else {
                firstLineById[id] = row.line
            }
            let name = row[columns["name"]!]
            if name.isEmpty { problem("name", "the name is missing") }
            let village = row[columns["village"]!]
            if village.isEmpty { problem("village", "the village is missing") }
            let poorText = row[columns["registered_poor"]!]
            let poor = ImportFlag.parse(poorText)
            if poor == nil { problem("registered_poor", "\"\(poorText)\" is not a flag (use 1/0, 是/否, yes/no, true/false)") }
            let membersText = row[columns["members"]!]
            let members = Int(membersText)
            if members == nil || members! <= 0 { problem("members", "\"\(membersText)\" is not a positive number of members") }
            var showName = false
            if let showNameText = row.value(showNameColumn) {
                if let flag = ImportFlag.parse(showNameText) {
                    showName = flag
                } else {
                    problem("show_name", "\"\(showNameText)\" is not a flag (use 1/0, 是/否, yes/no, true/false)")
                }
            }
            guard rowProblems.isEmpty, let poor, let members else {
                problems += rowProblems
                continue
            }
            households.append(
                Household(
                    id: id,
                    name: name,
                    village: village,
                    cooperativeId: row.value(columns["cooperative"]),
                    baseId: row.value(columns["base"]),
                    registeredPoor: poor,
                    members: members,
                    showName: showName
                )
            )
        }
        guard problems.isEmpty else { throw ImportError(source: document.source, problems: problems) }
        return households
    }
}

/// Yes/no flags as registries write them.
enum ImportFlag {
    /// `true` for `1`, `是`, `yes`, `y`, `true`; `false` for `0`, `否`, `no`, `n`, `false`; otherwise `nil`.
    static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "是", "yes", "y", "true": true
        case "0", "否", "no", "n", "false": false
        default: nil
        }
    }
}
