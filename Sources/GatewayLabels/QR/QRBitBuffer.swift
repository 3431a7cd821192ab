/// Bits appended most significant first, read back as bytes.
struct QRBitBuffer {
    private(set) var bits: [Bool] = []

    /// How many bits.
    var count: Int { bits.count }

    /// Appends the `count` low bits of `value`, most significant first.
    mutating func append(_ value: UInt32, count: Int) {
        guard count > 0 else { return }
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> UInt32(shift)) & 1 == 1) }
    }

    /// The bits as bytes (the count is a multiple of eight where this is read).
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].enumerated().reduce(UInt8(0)) { byte, bit in
                bit.element ? byte | (0x80 >> UInt8(bit.offset)) : byte
            }
        }
    }
}
