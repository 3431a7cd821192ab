import Foundation
import Testing

@testable import GatewayLabels

/// The QR encoder checked by a real decoder: every generated code is written as an image and read back with `zbarimg`
/// (Debian's `zbar-tools`, installed by `.ci/run`). Without `zbarimg` the decoding tests fail with the reason, never
/// pass silently.
@Suite struct QRCodeTests {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// What `zbarimg` reads from the code's image.
    static func decode(_ code: QRCode, scale: Int = 3) throws -> String {
        guard let zbarimg else {
            throw DecoderMissing()
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pbm")
        try code.pbm(scale: scale).write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    struct DecoderMissing: Error, CustomStringConvertible {
        var description: String { "zbarimg is not installed (Debian: apt-get install zbar-tools); the QR codes cannot be checked" }
    }

    @Test(arguments: [
        "https://trace.example.cn/trace/7K3M9QXWZT",
        "http://127.0.0.1:8080/trace/0123456789",
        "A",
        "https://baojing-ecommerce.example.gov.cn/trace/ABCDEFGHJK?from=label&parcel=3",
    ])
    func aTraceUrlDecodesToItself(url: String) throws {
        let code = try QRCode(text: url)
        #expect(try Self.decode(code) == url)
    }

    @Test func everyVersionDecodesAtItsCapacity() throws {
        for version in 1...QRCode.maximumVersion {
            let capacity = QRVersion(version).byteCapacity
            let text = String((0..<capacity).map { index in Character(UnicodeScalar(UInt8(48 + index % 43))) })
            let code = try QRCode(text: text)
            #expect(code.version == version, "version \(version) holds \(capacity) bytes")
            #expect(code.size == 17 + 4 * version)
            #expect(try Self.decode(code, scale: 2) == text, "version \(version)")
        }
    }

    @Test func textInChineseDecodesAsUTF8() throws {
        let text = "保靖黄金茶·椪柑 5kg 溯源"
        #expect(try Self.decode(try QRCode(text: text)) == text)
    }

    @Test func tooLongIsAClearErrorNotATrap() {
        let bytes = [UInt8](repeating: 65, count: QRVersion(QRCode.maximumVersion).byteCapacity + 1)
        #expect(throws: QRCode.EncodingError.tooLong(bytes: bytes.count, maximum: bytes.count - 1)) { try QRCode(bytes: bytes) }
    }

    @Test func theCapacitiesAreTheStandardsForLevelM() {
        // ISO/IEC 18004 table 7, byte mode, level M.
        #expect((1...10).map { QRVersion($0).byteCapacity } == [14, 26, 42, 62, 84, 106, 122, 152, 180, 213])
        #expect(QRVersion(7).alignmentCentres == [6, 22, 38])
        #expect(QRVersion(10).alignmentCentres == [6, 28, 50])
    }

    @Test func reedSolomonMatchesAKnownVector() {
        // "HELLO WORLD" at 1-M (the standard's worked example, data codewords and its 10 error correction codewords).
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ecc = QRReedSolomon.remainder(of: data, divisor: QRReedSolomon.divisor(degree: 10))
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func theSvgHasOneSquarePerDarkModule() throws {
        let code = try QRCode(text: "https://trace.example.cn/trace/7K3M9QXWZT")
        let svg = code.svg(moduleSize: 0.8)
        let dark = code.modules.reduce(0) { $0 + $1.filter { $0 }.count }
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == dark)
        #expect(svg.contains("width=\"\(Double(code.size + 8) * 0.8)mm\""))
    }
}
