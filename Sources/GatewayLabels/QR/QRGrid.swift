/// The module grid while a QR code is built: function patterns, codeword placement, masking, format and version
/// information, and the penalty score that picks the mask (ISO/IEC 18004 §7.7–7.9).
struct QRGrid {
    let version: QRVersion
    private(set) var modules: [[Bool]]
    /// Modules of function patterns (never masked, never carry data).
    private var isFunction: [[Bool]]

    init(version: Int) {
        self.version = QRVersion(version)
        let size = self.version.size
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
    }

    var size: Int { version.size }

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    // MARK: function patterns

    mutating func drawFunctionPatterns() {
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        drawFinder(x: 3, y: 3)
        drawFinder(x: size - 4, y: 3)
        drawFinder(x: 3, y: size - 4)
        let centres = version.alignmentCentres
        for (i, cx) in centres.enumerated() {
            for (j, cy) in centres.enumerated() {
                let overlapsFinder = (i == 0 && j == 0) || (i == 0 && j == centres.count - 1) || (i == centres.count - 1 && j == 0)
                if !overlapsFinder { drawAlignment(x: cx, y: cy) }
            }
        }
        drawFormatBits(mask: 0)  // reserves the format areas; drawn again with the chosen mask
        drawVersionBits()
    }

    /// A finder pattern with its separator, centred at (x, y).
    private mutating func drawFinder(x: Int, y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let (px, py) = (x + dx, y + dy)
                guard px >= 0, px < size, py >= 0, py < size else { continue }
                set(px, py, distance != 2 && distance != 4)
            }
        }
    }

    private mutating func drawAlignment(x: Int, y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The 15 format bits (level M = `00`, the mask, BCH(15,5), XOR `101010000010010`) in both copies, and the dark module.
    mutating func drawFormatBits(mask: Int) {
        let data = (0b00 << 3) | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = ((data << 10) | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { set(8, index, bit(index)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for index in 9..<15 { set(14 - index, 8, bit(index)) }
        for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
        set(8, size - 8, true)
    }

    /// The 18 version bits (version, BCH(18,6)) in both copies, for version 7 and up.
    private mutating func drawVersionBits() {
        guard version.number >= 7 else { return }
        var remainder = version.number
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = (version.number << 12) | remainder
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let a = size - 11 + index % 3
            let b = index / 3
            set(a, b, dark)
            set(b, a, dark)
        }
    }

    // MARK: data

    /// Places the codewords in the two-module-wide columns, right to left, zigzagging up and down, skipping the
    /// vertical timing column and the function modules; leftover modules stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        var bitIndex = 0
        let totalBits = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for offset in 0..<2 {
                    let x = right - offset
                    let upward = ((right + 1) & 2) == 0
                    let y = upward ? size - 1 - vertical : vertical
                    guard !isFunction[y][x] else { continue }
                    if bitIndex < totalBits {
                        modules[y][x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                        bitIndex += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// Flips the data modules where the mask's condition holds.
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let flip: Bool
                switch mask {
                case 0: flip = (x + y) % 2 == 0
                case 1: flip = y % 2 == 0
                case 2: flip = x % 3 == 0
                case 3: flip = (x + y) % 3 == 0
                case 4: flip = (x / 3 + y / 2) % 2 == 0
                case 5: flip = x * y % 2 + x * y % 3 == 0
                case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if flip { modules[y][x].toggle() }
            }
        }
    }

    // MARK: penalty

    /// The penalty score of the four rules: runs of five or more, 2×2 blocks, finder-like patterns, dark balance.
    func penalty() -> Int {
        var score = 0
        for line in 0..<size {
            let row = (0..<size).map { modules[line][$0] }
            let column = (0..<size).map { modules[$0][line] }
            score += runPenalty(row) + finderLikePenalty(row)
            score += runPenalty(column) + finderLikePenalty(column)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let dark = modules[y][x]
                if modules[y][x + 1] == dark, modules[y + 1][x] == dark, modules[y + 1][x + 1] == dark { score += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        // The smallest k with (45 − 5k)% ≤ dark share ≤ (55 + 5k)%.
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        score += max(0, k) * 10
        return score
    }

    /// Rule 1: 3 + (length − 5) for every run of five or more modules of one colour.
    private func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for index in 1..<line.count {
            if line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
            }
        }
        if run >= 5 { score += run - 2 }
        return score
    }

    /// Rule 3: 40 for every 1:1:3:1:1 dark pattern with four light modules (or the edge) on one side.
    private func finderLikePenalty(_ line: [Bool]) -> Int {
        let pattern: [Bool] = [true, false, true, true, true, false, true]
        var score = 0
        let count = line.count
        func isLight(_ index: Int) -> Bool { index < 0 || index >= count || !line[index] }
        guard count >= 7 else { return 0 }
        for start in 0...(count - 7) where (0..<7).allSatisfy({ line[start + $0] == pattern[$0] }) {
            let before = (1...4).allSatisfy { isLight(start - $0) }
            let after = (1...4).allSatisfy { isLight(start + 6 + $0) }
            if before || after { score += 40 }
        }
        return score
    }
}
