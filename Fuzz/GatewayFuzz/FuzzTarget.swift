/// One fuzz target: a name for `scripts/fuzz.sh` and the corpus folder, and what it does with an input.
///
/// A target returns normally for every input, accepted or refused; a trap, a crash or a memory error
/// (AddressSanitizer) is the finding. Targets that check a property call ``FuzzCheck/require(_:_:)``.
struct FuzzTarget: Sendable {
    /// The name (`douyin-push`, `statement-generic` …), also the folder under `Fuzz/Corpus`.
    let name: String
    /// One line: what the target feeds and to which code.
    let summary: String
    /// Runs one input.
    let run: @Sendable ([UInt8]) -> Void
}

/// Properties a target checks beyond "does not crash".
enum FuzzCheck {
    /// Stops the process (a libFuzzer crash with this input) when a property does not hold.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property violated: \(message())") }
    }
}
