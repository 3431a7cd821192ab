import Foundation
public import GatewayCore

/// Reads platform statements (settlement bills, fund flows) into a ``GatewayCore/Statement``.
///
/// ```swift
/// let statement = try StatementImport.parse(text: text, platform: .pinduoduo, shop: "yunlai-pdd", source: "bill.csv")
/// ```
/// The format is detected from the header unless given: the first of the first 40 lines that holds
/// every identifying column of a format accepted for the platform (``StatementFormat/candidates(for:)``)
/// is the header; title lines above it are skipped. Commas or tabs separate fields.
///
/// All or nothing: every bad row is reported (line **and** column) in one ``ImportError`` and no
/// statement is returned.
public enum StatementImport {
    /// How many lines from the top are searched for the header row.
    static let headerSearchLines = 40

    /// Parses a statement's text.
    /// - Parameters:
    ///   - text: the file's text (see ``StatementText/decode(_:)`` for GB18030 files).
    ///   - platform: the platform the statement comes from.
    ///   - shop: the configured shop key.
    ///   - format: the format, or `nil` to detect it from the header.
    ///   - source: the file's name, used in messages.
    /// - Throws: ``ImportError`` naming every problem (unknown header, bad amount, unusable id …) by line and column.
    public static func parse(
        text: String,
        platform: Platform,
        shop: String,
        format: StatementFormat? = nil,
        source: String = "statement"
    ) throws(ImportError) -> Statement {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        if let format, let formatPlatform = format.platform, formatPlatform != platform {
            let message = "format \(format.rawValue) is for \(formatPlatform.rawValue) statements, not \(platform.rawValue)"
            throw ImportError(source: source, problems: [ImportProblem(line: nil, message: message)])
        }
        let candidates = format.map { [$0] } ?? StatementFormat.candidates(for: platform)
        guard let located = locateHeader(normalised, candidates: candidates) ?? format.map({ fallbackHeader(normalised, format: $0) }) else {
            let expected = candidates.map { candidate in
                "\(candidate.rawValue) (\(candidate.identifyingColumns.map { $0.joined(separator: "|") }.joined(separator: ", ")))"
            }
            let message = "no statement header found in the first \(headerSearchLines) lines; expected one of: \(expected.joined(separator: "; "))"
            throw ImportError(source: source, problems: [ImportProblem(line: 1, message: message)])
        }
        let document = try CSVDocument.parse(normalised, source: source, delimiter: located.delimiter, headerLine: located.line)
        var reader = StatementRowReader(document: document, headerLine: located.line)
        let lines: [StatementLine]
        switch located.format {
        case .douyinSettlement: lines = DouyinSettlementStatement.lines(&reader)
        case .kuaishouBill: lines = KuaishouBillStatement.lines(&reader)
        case .pinduoduoFunds: lines = PinduoduoFundsStatement.lines(&reader)
        case .alipayFunds: lines = AlipayFundsStatement.lines(&reader)
        case .wechatFunds: lines = WeChatFundsStatement.lines(&reader)
        case .generic: lines = GenericStatement.lines(&reader)
        }
        var problems = reader.problems
        if problems.isEmpty && lines.isEmpty {
            problems.append(ImportProblem(line: located.line, message: "the statement has no data rows below its header"))
        }
        guard problems.isEmpty else {
            throw ImportError(source: source, problems: problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return Statement(platform: platform, shop: shop, format: located.format.rawValue, lines: lines)
    }

    /// Decodes a file's bytes (UTF-8 or GB18030) and parses it.
    /// - Throws: ``ImportError`` when the bytes are not text or the statement is bad.
    public static func parse(
        bytes: [UInt8],
        platform: Platform,
        shop: String,
        format: StatementFormat? = nil,
        source: String = "statement"
    ) throws(ImportError) -> Statement {
        guard let text = StatementText.decode(bytes) else {
            throw ImportError(source: source, problems: [ImportProblem(line: nil, message: "the file is neither UTF-8 nor GB18030 text")])
        }
        return try parse(text: text, platform: platform, shop: shop, format: format, source: source)
    }

    /// Where a format's header row is.
    struct HeaderLocation {
        let format: StatementFormat
        let line: Int
        let delimiter: UnicodeScalar
    }

    static func locateHeader(_ text: String, candidates: [StatementFormat]) -> HeaderLocation? {
        let lines = text.split(separator: "\n", maxSplits: headerSearchLines, omittingEmptySubsequences: false).prefix(headerSearchLines)
        for (offset, line) in lines.enumerated() {
            for delimiter in [",", "\t"] as [Character] {
                let cells = Set(line.split(separator: delimiter, omittingEmptySubsequences: false).map { StatementCell.unwrap(String($0)) })
                for format in candidates where format.identifyingColumns.allSatisfy({ $0.contains(where: cells.contains) }) {
                    return HeaderLocation(format: format, line: offset + 1, delimiter: delimiter == "," ? "," : "\t")
                }
            }
        }
        return nil
    }

    /// For an explicitly named format whose header was not recognised: the first line that is not a
    /// title (`#…`) or blank, so the parser reports exactly which columns are missing.
    static func fallbackHeader(_ text: String, format: StatementFormat) -> HeaderLocation {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(headerSearchLines)
        let index = lines.firstIndex { line in
            let cleaned = StatementCell.unwrap(String(line))
            return !cleaned.isEmpty && !cleaned.hasPrefix("#")
        }
        let line = index.map { $0 + 1 } ?? 1
        let delimiter: UnicodeScalar = index.map { lines[$0].contains(",") } == false ? "\t" : ","
        return HeaderLocation(format: format, line: line, delimiter: delimiter)
    }
}
