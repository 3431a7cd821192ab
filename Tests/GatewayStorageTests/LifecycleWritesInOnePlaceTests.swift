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

    /// The SQLite storage is one value, ``SQLiteDatabase``, with one extension file per concern (`SQLiteDatabase+Orders`,
    /// `+Inventory`, …). A concern's helpers are `private` statics, so no concern can call another's (the compiler holds
    /// that); this test keeps it so: no non-private static function in a concern file, no store type of the old shape
    /// (one struct per port over a shared writer) back, and no other type calling the inbox store's statics.
    @Test func noStoreCallsAnotherStoresStatics() throws {
        let files = try Self.files()
        let concerns = files.filter { URL(fileURLWithPath: $0.path).lastPathComponent.hasPrefix("SQLiteDatabase+") }
        #expect(concerns.count >= 9, "the concern files were found")
        let sharedStatic = try Regex(#"^\s*(public\s+|internal\s+|package\s+)?static\s+func\s+(\w+)"#).anchorsMatchLineEndings()
        var offenders: [String] = []
        for (path, text) in concerns {
            for match in text.matches(of: sharedStatic) {
                offenders.append("\(URL(fileURLWithPath: path).lastPathComponent): static func \(match.output[2].substring ?? "") is not private")
            }
        }
        let retired = [
            "SQLiteOrderStore", "SQLiteInventoryStore", "SQLiteSupplyStore", "SQLiteReconciliationStore", "SQLiteStaffDirectory",
            "SQLiteAuditLog", "SQLitePayloadRetention",
        ]
        let declaration = try Regex(#"(struct|class|enum|actor)\s+(\w+)"#)
        for (path, text) in files {
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            for match in text.matches(of: declaration) where retired.contains(String(match.output[2].substring ?? "")) {
                offenders.append("\(name) declares \(match.output[2].substring ?? "")")
            }
            if !name.hasPrefix("SQLiteInboxStore") && text.contains("SQLiteInboxStore.") && !text.contains("SQLiteInboxStore.withRunningWriter") {
                offenders.append("\(name) → SQLiteInboxStore")
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
