/// Calendar days (`yyyy-MM-dd`, RFC 3339 `full-date`) and months (`yyyy-MM`) in the staff API's parameters and
/// bodies: any four-digit year, real month lengths and leap years. Days compare correctly as strings, so a day
/// outside the season simply matches nothing.
enum APIDay {
    /// Whether text is a real day written `yyyy-MM-dd`.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[7] == UInt8(ascii: "-"), isValidMonth(String(decoding: bytes[0..<7], as: UTF8.self)) else { return false }
        guard let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day >= 1 && day <= lengths[month - 1]
    }

    /// Whether text is a month written `yyyy-MM`.
    static func isValidMonth(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), number(bytes[0..<4]) != nil, let month = number(bytes[5..<7]) else { return false }
        return (1...12).contains(month)
    }

    /// The value of ASCII digits (`nil` if any byte is not a digit); at most four digits are ever passed.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
