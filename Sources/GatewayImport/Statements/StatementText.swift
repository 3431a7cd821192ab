#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a statement file's bytes into text: UTF-8 (with or without BOM) when the bytes are valid
/// UTF-8, otherwise GB18030 (a superset of GBK and GB2312, what Chinese Excel and Pinduoduo save).
public enum StatementText {
    /// Decodes a statement file.
    /// - Returns: the text, or `nil` when the bytes are neither UTF-8 nor GB18030.
    public static func decode(_ bytes: [UInt8]) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return convert(bytes, from: "GB18030")
    }

    /// Converts bytes in a legacy encoding to a string through the C library's `iconv`.
    static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let raw = UnsafeRawPointer(bitPattern: Int(bitPattern: descriptor)), Int(bitPattern: raw) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(validating: output[..<converted].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
