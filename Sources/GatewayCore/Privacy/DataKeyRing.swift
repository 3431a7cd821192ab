/// The keys that seal personal data and raw payloads at rest: the first encrypts, every one decrypts.
///
/// Written `KEY_ID:BASE64[,KEY_ID:BASE64…]` (`storage.data_keys`, from `GATEWAY_DATA_KEY`), each key 32 random
/// bytes in standard Base64 (`openssl rand -base64 32`). To rotate, put a new key first and keep the old ones
/// after it: new values are sealed with the new key, values sealed with an old key id still open.
public struct DataKeyRing: Sendable, Hashable, CustomStringConvertible {
    /// The keys, the encrypting one first; never empty, ids unique.
    public let keys: [DataKey]

    /// Creates a ring.
    /// - Throws: ``DataKeyRingError`` when `keys` is empty or repeats an id.
    public init(keys: [DataKey]) throws(DataKeyRingError) {
        guard !keys.isEmpty else { throw DataKeyRingError(problems: ["no key: give at least one as KEY_ID:BASE64 (32 random bytes)"]) }
        var seen: Set<String> = []
        let repeated = keys.filter { !seen.insert($0.id).inserted }.map(\.id)
        guard repeated.isEmpty else {
            throw DataKeyRingError(problems: repeated.map { "key id \"\($0)\" appears more than once" })
        }
        self.keys = keys
    }

    /// Parses `KEY_ID:BASE64[,KEY_ID:BASE64…]` (spaces around entries are ignored).
    /// - Throws: ``DataKeyRingError`` listing every problem; messages name key ids, never key bytes.
    public init(parsing specification: String) throws(DataKeyRingError) {
        let entries = specification.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        if entries.allSatisfy(\.isEmpty) {
            throw DataKeyRingError(problems: [
                "is empty: give at least one key as KEY_ID:BASE64 (32 random bytes, e.g. k1:$(openssl rand -base64 32))"
            ])
        }
        var problems: [String] = []
        var keys: [DataKey] = []
        for (index, entry) in entries.enumerated() {
            let position = "entry \(index + 1)"
            guard !entry.isEmpty else {
                problems.append("\(position) is empty")
                continue
            }
            guard let colon = entry.firstIndex(of: ":") else {
                problems.append("\(position) has no key id: expected KEY_ID:BASE64")
                continue
            }
            let id = String(entry[..<colon])
            let encoded = entry[entry.index(after: colon)...]
            guard let material = Base64.decode(encoded) else {
                if !DataKey.isValidId(id) {
                    problems.append("\(position): key id \"\(BoundedText.truncate(id, maxBytes: 40))\" must be 1…32 ASCII letters, digits, - or _")
                }
                problems.append("\(position): the key of \"\(BoundedText.truncate(id, maxBytes: 40))\" is not standard Base64")
                continue
            }
            do {
                keys.append(try DataKey(id: id, material: material))
            } catch {
                problems += error.problems.map { "\(position): \($0)" }
            }
        }
        if problems.isEmpty {
            do {
                self = try DataKeyRing(keys: keys)
                return
            } catch {
                problems += error.problems
            }
        }
        throw DataKeyRingError(problems: problems)
    }

    /// The key new values are sealed with (the first).
    public var current: DataKey { keys[0] }

    /// The key with an id, if the ring has it.
    public func key(id: some StringProtocol) -> DataKey? { keys.first { $0.id == id } }

    /// `DataKeyRing(k2*, k1)`: the ids, the current one starred; never key bytes.
    public var description: String {
        "DataKeyRing(" + keys.enumerated().map { $0.offset == 0 ? "\($0.element.id)*" : $0.element.id }.joined(separator: ", ") + ")"
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
