@testable import GatewayConnectors

/// The gateway's own JSON scanner (`RawJSON`), which splits platform answers into rows before any decoder runs.
enum ParserTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "raw-json", summary: "RawJSON(parsing:) -> elements, members, scalarText; every part parses again alone", run: rawJSON)
    ]

    static func rawJSON(_ input: [UInt8]) {
        guard let document = try? RawJSON(parsing: input) else { return }
        var budget = 2_000
        walk(document, budget: &budget)
    }

    /// Visits a value's parts (up to a budget), checking each parses again alone, as `RawJSON(valid:)` assumes.
    static func walk(_ value: RawJSON, budget: inout Int) {
        guard budget > 0 else { return }
        budget -= 1
        FuzzCheck.require((try? RawJSON(parsing: value.bytes)) == value, "a part does not parse again: \(value.description.prefix(200))")
        _ = value.scalarText
        if let elements = value.elements {
            for element in elements { walk(element, budget: &budget) }
        }
        if let members = value.members {
            for member in members { walk(member.value, budget: &budget) }
            _ = value[members.first?.key ?? ""]
        }
    }
}
