import Foundation
import Testing

/// Issue #13's grep-able property, kept true by a test: the states of exceptions, line fulfilments and parcel
/// allocations are written only by `SQLiteLifecycle.apply` (migrations aside), and no store type calls another
/// store type's statics.
@Suite struct LifecycleWritesInOnePlaceTests {
    /// The package's `Sources` folder, from this file's path.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under `Sources` with its text.
    static func files() throws -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var files: [(String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            files.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    @Test func lifecycleTablesAreWrittenOnlyByTheApplyFunction() throws {
        let pattern = try Regex(
            #"(UPDATE|INSERT\s+(OR\s+\w+\s+)?INTO|DELETE\s+FROM)\s+(fulfilment_exceptions|line_fulfilments|parcel_allocations)\b"#
        ).ignoresCase()
        let files = try Self.files()
        #expect(files.count > 100, "the sources were found")
        var offenders: [String] = []
        for (path, text) in files where text.contains(pattern) {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if name == "SQLiteLifecycle.swift" || name.hasPrefix("SQLiteSchema") { continue }
            // The benchmark's bulk seeding writes rows the lifecycle decided elsewhere (see SQLiteBulkOrderWriter).
            if name == "SQLiteBulkOrderWriter.swift" { continue }
            offenders.append(name)
        }
        #expect(offenders.isEmpty, "lifecycle rows written outside SQLiteLifecycle.apply: \(offenders)")
        let apply = try #require(files.first { $0.path.hasSuffix("SQLiteLifecycle.swift") })
        #expect(apply.text.contains(pattern), "the apply function itself is found by the pattern")
    }

    @Test func noStoreCallsAnotherStoresStatics() throws {
        let stores = [
            "SQLiteInboxStore", "SQLiteOrderStore", "SQLiteInventoryStore", "SQLiteSupplyStore", "SQLiteReconciliationStore",
            "SQLiteStaffDirectory", "SQLiteAuditLog", "SQLitePayloadRetention",
        ]
        var offenders: [String] = []
        for (path, text) in try Self.files() {
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            for store in stores where !name.hasPrefix(store) && text.contains("\(store).") {
                // `SQLiteInboxStore.countsQuery`-style constants read by tests are fine; calls from other sources are not.
                offenders.append("\(name) → \(store)")
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
