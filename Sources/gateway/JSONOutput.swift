import Foundation
import GatewayHTTP

/// `--json` output of the list commands: the staff API's shapes (`{"items":[…],"next":null}`, snake_case keys,
/// UTC times, ids as strings), one document on standard output.
enum JSONOutput {
    /// Prints a list as one API page.
    static func printPage<Item: Encodable & Sendable>(_ items: [Item]) throws {
        try printValue(APIPage(items: items, next: nil))
    }

    /// Prints a value as the API encodes it.
    static func printValue(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try APIJSON.encode(value) + Data("\n".utf8))
    }
}
