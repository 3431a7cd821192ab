/// `application/x-www-form-urlencoded` bodies for router-style platform APIs (PDD, Taobao TOP).
///
/// Every byte outside the unreserved set `A–Z a–z 0–9 - . _ ~` is percent-encoded from UTF-8
/// (a space becomes `%20`, `+` becomes `%2B`), so Chinese text and Beijing timestamps survive any
/// form decoder unchanged.
public enum FormURLEncoding {
    /// Encodes pairs in the given order as `k=v&k=v`.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// Encodes parameters sorted by key (a stable order, which makes requests easy to compare in logs).
    public static func encode(_ parameters: [String: String]) -> String {
        encode(parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Percent-encodes one key or value.
    public static func escape(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
