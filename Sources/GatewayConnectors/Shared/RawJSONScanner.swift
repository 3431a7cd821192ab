/// Walks JSON bytes for ``RawJSON``: validates values and finds where each one ends (RFC 8259 grammar).
struct RawJSONScanner {
    /// The text being read.
    let bytes: ArraySlice<UInt8>
    /// The next byte to read.
    var index: Int

    /// Starts at the first byte.
    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    /// The error for something that is not JSON at the current byte.
    func failure(_ what: String) -> ConnectorError {
        ConnectorError("not JSON at byte \(index - bytes.startIndex): \(what)")
    }

    /// The current byte; `nil` at the end.
    var current: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    /// Moves past spaces, tabs and line breaks.
    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// Moves past `byte`, which must be the current byte.
    mutating func expect(_ byte: UInt8) throws {
        guard current == byte else { throw failure("expected \"\(Character(Unicode.Scalar(byte)))\"") }
        index += 1
    }

    /// Moves past one value, validating it.
    mutating func skipValue(depth: Int) throws {
        guard depth < RawJSON.maxDepth else { throw failure("nested deeper than \(RawJSON.maxDepth)") }
        guard let byte = current else { throw failure("the text ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"): try forEachMember(depth: depth) { _, _ in }
        case UInt8(ascii: "["): try forEachElement(depth: depth) { _ in }
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw failure("unexpected character")
        }
    }

    /// Moves past an array starting at `[`, handing each element's bytes to `body`.
    mutating func forEachElement(depth: Int = 0, _ body: (ArraySlice<UInt8>) -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            let start = index
            try skipValue(depth: depth + 1)
            body(bytes[start..<index])
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    /// Moves past an object starting at `{`, handing each member's key and value bytes to `body`.
    mutating func forEachMember(depth: Int = 0, _ body: (String, ArraySlice<UInt8>) -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let key = try skipString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            let start = index
            try skipValue(depth: depth + 1)
            body(Self.unescape(key), bytes[start..<index])
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    /// Moves past a string starting at `"`; returns its content bytes (escapes not yet resolved).
    mutating func skipString() throws -> ArraySlice<UInt8> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                let content = bytes[start..<index]
                index += 1
                return content
            case UInt8(ascii: "\\"):
                index += 1
                switch current {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                    UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    for _ in 0..<4 {
                        guard let digit = current, Self.hexValue(digit) != nil else { throw failure("bad \\u escape") }
                        index += 1
                    }
                default: throw failure("bad escape")
                }
            case 0..<0x20: throw failure("control character in a string")
            default: index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// Moves past `true`, `false` or `null`.
    mutating func skipLiteral(_ word: String) throws {
        for byte in word.utf8 {
            guard current == byte else { throw failure("expected \(word)") }
            index += 1
        }
    }

    /// Moves past a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func skipNumber() throws {
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw failure("expected a digit") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let digit = current, Self.isDigit(digit) else { throw failure("expected a digit after \".\"") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, Self.isDigit(digit) else { throw failure("expected an exponent") }
            skipDigits()
        }
    }

    /// Moves past any digits.
    mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    /// Whether a byte is `0`…`9`.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The value of a hex digit; `nil` for any other byte.
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// A string's content with its escapes resolved (the content was validated by ``skipString()``);
    /// an unpaired surrogate becomes U+FFFD.
    static func unescape(_ content: ArraySlice<UInt8>) -> String {
        guard content.contains(UInt8(ascii: "\\")) else { return String(decoding: content, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        var index = content.startIndex
        func hex4(at start: Int) -> UInt32? {
            guard start + 4 <= content.endIndex else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                guard let digit = hexValue(content[start + offset]) else { return nil }
                value = value << 4 | digit
            }
            return value
        }
        func append(_ scalar: Unicode.Scalar) { out.append(contentsOf: Array(String(scalar).utf8)) }
        while index < content.endIndex {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < content.endIndex else {
                out.append(byte)
                index += 1
                continue
            }
            let escaped = content[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4(at: index) else { return String(decoding: content, as: UTF8.self) }
                index += 4
                if (0xD800..<0xDC00).contains(unit), index + 6 <= content.endIndex, content[index] == UInt8(ascii: "\\"),
                    content[index + 1] == UInt8(ascii: "u"), let low = hex4(at: index + 2), (0xDC00..<0xE000).contains(low)
                {
                    index += 6
                    append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}")
                } else {
                    append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                }
            default: out.append(escaped)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
