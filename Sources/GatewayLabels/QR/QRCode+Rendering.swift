/// Drawing a QR code with its quiet zone of four light modules.
extension QRCode {
    /// Light modules around the code on every side.
    public static let quietZone = 4

    /// A plain PBM image (`P1`), `scale` pixels per module — for decoders such as `zbarimg`.
    public func pbm(scale: Int = 4) -> String {
        let scale = max(1, scale)
        let side = (size + 2 * Self.quietZone) * scale
        var text = "P1\n\(side) \(side)\n"
        text.reserveCapacity(side * (side * 2 + 1) + 16)
        for pixelY in 0..<side {
            var row = ""
            row.reserveCapacity(side * 2)
            for pixelX in 0..<side { row += isDark(x: pixelX / scale - Self.quietZone, y: pixelY / scale - Self.quietZone) ? "1 " : "0 " }
            text += row + "\n"
        }
        return text
    }

    /// An SVG drawing, `moduleSize` millimetres per module, one path of unit squares (crisp on thermal printers).
    public func svg(moduleSize: Double) -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] { path += "M\(x + Self.quietZone) \(y + Self.quietZone)h1v1h-1z" }
        }
        let millimetres = Double(side) * moduleSize
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(millimetres)mm" height="\(millimetres)mm" \
            shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }

    /// Whether the module at (x, y) is dark; outside the code (the quiet zone) it is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y][x]
    }
}
