/// One problem found in an imported file: where it is and what is wrong.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line, when the problem belongs to one.
    public var line: Int?
    /// The column, when the problem belongs to one.
    public var column: String?
    /// What is wrong, in words staff can act on.
    public var message: String

    /// Creates a problem.
    public init(line: Int?, column: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let column { place.append("column \"\(column)\"") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}

/// An import that was refused: every problem found, and nothing was changed.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// The file's name.
    public var source: String
    /// Every problem, in file order.
    public var problems: [ImportProblem]

    /// Creates an error.
    public init(source: String, problems: [ImportProblem]) {
        self.source = source
        self.problems = problems
    }

    public var description: String {
        let shown = problems.prefix(50).map { "  \(source): \($0)" }
        let more = problems.count > 50 ? ["  … and \(problems.count - 50) more"] : []
        return (["\(source): \(problems.count) problem(s), nothing was imported"] + shown + more).joined(separator: "\n")
    }
}
