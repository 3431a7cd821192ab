/// A QR code (ISO/IEC 18004) of some bytes in byte mode at error correction level M — what a parcel label needs for
/// its trace URL (issue #17). Versions 1–10 (21×21 to 57×57 modules, up to 213 bytes); the smallest version that holds
/// the bytes is used, and of the eight masks the one with the lowest penalty score.
///
/// `modules[y][x]` is `true` for a dark module. Render with a quiet zone of four light modules on every side
/// (``QRCode/pbm(scale:)``, ``QRCode/svg(moduleSize:)``).
public struct QRCode: Sendable, Hashable {
    /// The version (1…10).
    public let version: Int
    /// The mask pattern chosen (0…7).
    public let mask: Int
    /// Dark (`true`) and light modules, row by row.
    public let modules: [[Bool]]

    /// Modules per side.
    public var size: Int { modules.count }

    /// Why bytes cannot be encoded.
    public enum EncodingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// More bytes than version 10 at level M holds.
        case tooLong(bytes: Int, maximum: Int)

        /// For logs and staff.
        public var description: String {
            switch self {
            case .tooLong(let bytes, let maximum): "\(bytes) bytes do not fit a QR code here (at most \(maximum))"
            }
        }
    }

    /// The largest version built.
    public static let maximumVersion = 10

    /// Encodes text as its UTF-8 bytes.
    public init(text: String) throws(EncodingError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// Encodes bytes.
    public init(bytes: [UInt8]) throws(EncodingError) {
        guard let version = (1...Self.maximumVersion).first(where: { bytes.count <= QRVersion($0).byteCapacity }) else {
            throw .tooLong(bytes: bytes.count, maximum: QRVersion(Self.maximumVersion).byteCapacity)
        }
        let info = QRVersion(version)
        let codewords = info.interleaved(info.dataCodewords(for: bytes))
        var grid = QRGrid(version: version)
        grid.drawFunctionPatterns()
        grid.placeCodewords(codewords)
        func masked(_ mask: Int) -> QRGrid {
            var candidate = grid
            candidate.applyMask(mask)
            candidate.drawFormatBits(mask: mask)
            return candidate
        }
        var best = (mask: 0, grid: masked(0))
        var bestPenalty = best.grid.penalty()
        for mask in 1..<8 {
            let candidate = masked(mask)
            let penalty = candidate.penalty()
            if penalty < bestPenalty { (best, bestPenalty) = ((mask, candidate), penalty) }
        }
        self.version = version
        self.mask = best.mask
        self.modules = best.grid.modules
    }
}
