/// A located column of a statement: its index and the spelling found in the header.
struct StatementColumn: Sendable, Hashable {
    /// The column's index in the row.
    let index: Int
    /// The column's name as spelled in the file (used in problems).
    let name: String
}
