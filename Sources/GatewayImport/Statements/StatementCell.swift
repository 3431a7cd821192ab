import GatewayCore

/// Cleans statement cells the way platform exports and spreadsheet programs mangle them.
///
/// - Excel guards: `="123…"` and a leading `'` or `` ` ``; stray tabs (Alipay pads ids with `\t`).
/// - Money: `¥`/`￥`, `元`, thousands separators (`1,234.50`), a leading `+`; yuan with one or two
///   decimals, converted exactly by `Money.fen(fromYuan:)`.
/// - Ids stay text. An id a spreadsheet turned into a number (`1.23457E+18`, or a long id with a
///   `.0` suffix) has lost digits and is refused.
enum StatementCell {
    /// The cell without Excel guards, quotes and surrounding whitespace.
    static func unwrap(_ text: String) -> String {
        var value = Substring(text)
        value = trimmed(value)
        if value.hasPrefix("=\""), value.hasSuffix("\""), value.count >= 3 {
            value = value.dropFirst(2).dropLast()
        } else if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
            value = value.dropFirst().dropLast()
        }
        value = trimmed(value)
        while let first = value.first, first == "'" || first == "`" { value = trimmed(value.dropFirst()) }
        return String(value)
    }

    /// A cleaned order id, or a message saying why the cell is not a usable id.
    static func orderId(_ text: String) -> Result<String, StatementCellProblem> {
        let value = unwrap(text)
        if value.isEmpty { return .success("") }
        if isScientific(value) {
            return .failure(
                StatementCellProblem(
                    "\"\(value)\" is an order id a spreadsheet turned into a number (digits are lost); export the file again without saving it in Excel"
                )
            )
        }
        if value.hasSuffix(".0"), value.dropLast(2).allSatisfy({ $0.isASCII && $0.isNumber }) {
            let digits = String(value.dropLast(2))
            guard digits.count <= 15 else {
                return .failure(
                    StatementCellProblem(
                        "\"\(value)\" is a \(digits.count)-digit order id saved as a number by a spreadsheet; it may have lost digits"
                    )
                )
            }
            return .success(digits)
        }
        guard !value.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
            return .failure(StatementCellProblem("\"\(value)\" is not an order id (it contains spaces)"))
        }
        return .success(value)
    }

    /// A yuan amount in fen; `nil` result for an empty cell (or `-`/`--`), a problem for anything unreadable
    /// or outside ``Money/statementFenRange``.
    static func fen(_ text: String) -> Result<Int64?, StatementCellProblem> {
        var value = unwrap(text)
        value.removeAll { $0 == "¥" || $0 == "￥" || $0 == "," || $0 == "，" || $0 == " " || $0 == "元" || $0 == "\t" }
        if value.isEmpty || value == "-" || value == "--" { return .success(nil) }
        guard let fen = Money.fen(fromYuan: value) else {
            return .failure(StatementCellProblem("\"\(unwrap(text))\" is not a yuan amount with at most two decimals"))
        }
        guard Money.statementFenRange.contains(fen) else {
            return .failure(StatementCellProblem("\"\(unwrap(text))\" is outside ±10,000,000,000 yuan"))
        }
        return .success(fen)
    }

    private static func isScientific(_ value: String) -> Bool {
        guard let e = value.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return false }
        let mantissa = value[..<e]
        var exponent = value[value.index(after: e)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        let mantissaOK = !mantissa.isEmpty && mantissa.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
        return mantissaOK && !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func trimmed(_ value: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{FEFF}" || $0 == "\u{3000}" }
        guard let start = value.firstIndex(where: { !isSpace($0) }), let end = value.lastIndex(where: { !isSpace($0) }) else { return "" }
        return value[start...end]
    }
}

/// Why a statement cell could not be read.
struct StatementCellProblem: Error, Sendable {
    /// The message, naming the value.
    let message: String
    init(_ message: String) { self.message = message }
}
