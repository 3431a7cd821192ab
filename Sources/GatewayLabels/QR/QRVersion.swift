/// One QR version's sizes at error correction level M (ISO/IEC 18004 tables 7 and 9), and turning bytes into its
/// final sequence of codewords: byte-mode segment, terminator and padding, Reed–Solomon error correction per block,
/// blocks interleaved.
struct QRVersion {
    /// 1…10.
    let number: Int

    init(_ number: Int) { self.number = number }

    /// Error correction codewords per block at level M, by version (index 0 unused).
    private static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    /// Error correction blocks at level M, by version.
    private static let blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// Modules per side.
    var size: Int { 17 + 4 * number }

    /// Alignment pattern centres on each axis (none for version 1).
    var alignmentCentres: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let step = ((number * 4 + 4 + (count * 2 - 2) - 1) / (count * 2 - 2)) * 2
        var centres = [6]
        var position = size - 7
        var rest: [Int] = []
        for _ in 0..<(count - 1) {
            rest.insert(position, at: 0)
            position -= step
        }
        centres += rest
        return centres
    }

    /// Modules that carry codewords (everything but the function patterns and format/version information).
    var rawDataModules: Int {
        var modules = (16 * number + 128) * number + 64
        if number >= 2 {
            let alignments = number / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if number >= 7 { modules -= 36 }
        }
        return modules
    }

    /// All codewords (data and error correction).
    var totalCodewords: Int { rawDataModules / 8 }

    /// Data codewords.
    var dataCodewordCount: Int { totalCodewords - Self.eccPerBlock[number] * Self.blocks[number] }

    /// Bits of the byte-mode character count.
    private var countBits: Int { number <= 9 ? 8 : 16 }

    /// Bytes a byte-mode segment can hold.
    var byteCapacity: Int { (dataCodewordCount * 8 - 4 - countBits) / 8 }

    /// The data codewords: mode `0100`, the count, the bytes, up to four zero bits, zero bits to a byte boundary, then
    /// the pad bytes `EC 11` alternately. `bytes` must fit ``byteCapacity``.
    func dataCodewords(for bytes: [UInt8]) -> [UInt8] {
        var bits = QRBitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(UInt32(bytes.count), count: countBits)
        for byte in bytes { bits.append(UInt32(byte), count: 8) }
        let capacity = dataCodewordCount * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < dataCodewordCount {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// The data split into blocks (the short ones first), each followed by its error correction, interleaved:
    /// the first codeword of every block, then the second, …; then the error correction codewords likewise.
    func interleaved(_ data: [UInt8]) -> [UInt8] {
        let blockCount = Self.blocks[number]
        let ecc = Self.eccPerBlock[number]
        let shortBlocks = blockCount - totalCodewords % blockCount
        let shortLength = totalCodewords / blockCount - ecc
        let divisor = QRReedSolomon.divisor(degree: ecc)
        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortLength + (index < shortBlocks ? 0 : 1)
            let block = Array(data[start..<start + length])
            start += length
            dataBlocks.append(block)
            eccBlocks.append(QRReedSolomon.remainder(of: block, divisor: divisor))
        }
        var result: [UInt8] = []
        result.reserveCapacity(totalCodewords)
        for column in 0...shortLength {
            for block in dataBlocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<ecc {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }
}
