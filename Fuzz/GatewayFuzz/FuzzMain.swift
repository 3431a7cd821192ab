import Foundation

/// libFuzzer's entry point for a program with its own `main` (compiler-rt `FuzzerDriver.cpp`).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target this process fuzzes (set once in `main`, before libFuzzer starts).
nonisolated(unsafe) private var selectedTarget: FuzzTarget?

/// Runs one input on the selected target.
private func runSelected(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selectedTarget else { return 0 }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    target.run(bytes)
    return 0
}

/// The classic libFuzzer callback, for tools that look for it; it runs the selected target too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { runSelected(data, size) }

/// `GatewayFuzz TARGET [libFuzzer options and corpus folders]`, or `GATEWAY_FUZZ_TARGET=TARGET GatewayFuzz …`;
/// `GatewayFuzz --list` prints the targets (Fuzz/README.md).
@main
struct FuzzMain {
    static func main() {
        var arguments = CommandLine.arguments
        if arguments.dropFirst().first == "--list" {
            for target in FuzzTargets.all { print("\(target.name)\t\(target.summary)") }
            exit(0)
        }
        if let first = arguments.dropFirst().first, FuzzTargets.named(first) != nil {
            // Children libFuzzer starts (-fork, -minimize_crash) inherit the environment, not the removed argument.
            setenv("GATEWAY_FUZZ_TARGET", first, 1)
            arguments.remove(at: 1)
        }
        guard let name = ProcessInfo.processInfo.environment["GATEWAY_FUZZ_TARGET"], let target = FuzzTargets.named(name) else {
            let known = FuzzTargets.all.map(\.name).joined(separator: " ")
            FileHandle.standardError.write(Data("usage: GatewayFuzz TARGET [libFuzzer options] [corpus…]\ntargets: \(known)\n".utf8))
            exit(2)
        }
        selectedTarget = target
        var argc = CInt(arguments.count)
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let status = cArguments.withUnsafeMutableBufferPointer { buffer in
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in runSelected(data, size) }
        }
        exit(status)
    }
}
