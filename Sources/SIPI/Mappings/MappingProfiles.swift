/// `profiles.csv`: the named cause-mapping profiles a trunk can select (digest C.6 "ship both tables and select per
/// trunk"), and what each inherits in each direction, so that `st769` only lists the Annex A overrides over
/// `q1912.5`, and `q1912.5` only its deltas from RFC 3398 for ISUP → SIP.
public struct MappingProfiles: Sendable {
    /// The two mapping directions; a profile may inherit in one and stand alone in the other.
    public enum Direction: String, Hashable, Sendable, CaseIterable {
        /// ISUP cause → SIP status (isup-cause-to-sip-status.csv).
        case causeToStatus = "cause_to_status_base"
        /// SIP status or request → ISUP cause, and the location of the generated cause.
        case statusToCause = "status_to_cause_base"
    }

    public struct Profile: Hashable, Sendable {
        public let name: String
        public let bases: [Direction: String]
        public let source: RowSource
    }

    public static let file = "profiles.csv"

    public let profiles: KeyedTable<String, Profile>

    public subscript(name: String) -> Profile? { profiles[name]?.value }

    /// Profile names in file order.
    public var names: [String] { profiles.rows.map(\.key) }

    init(csv text: String) throws(MappingError) {
        let columns = ["profile"] + Direction.allCases.map(\.rawValue) + ["source"]
        let records = try CSV.records(text, file: Self.file, columns: columns)
        profiles = try KeyedTable(records) { record throws(MappingError) in
            let name = record["profile"]
            guard !name.isEmpty, !name.contains(where: \.isWhitespace), name != "*" else {
                throw record.error(.badValue(column: "profile", value: name, expected: "a profile name"))
            }
            var bases = [Direction: String]()
            for direction in Direction.allCases where !record[direction.rawValue].isEmpty {
                bases[direction] = record[direction.rawValue]
            }
            return (name, Profile(name: name, bases: bases, source: try record.source()))
        }
        for row in profiles.rows {
            for direction in Direction.allCases {
                guard let base = row.value.bases[direction] else { continue }
                guard self[base] != nil else {
                    throw MappingError(file: Self.file, line: row.source.line, reason: .unknownProfile(base))
                }
                var seen = [row.key]
                var next: String? = base
                while let name = next {
                    guard !seen.contains(name) else {
                        throw MappingError(
                            file: Self.file, line: row.source.line, reason: .inheritanceCycle(seen + [name]))
                    }
                    seen.append(name)
                    next = self[name]?.bases[direction]
                }
            }
        }
    }

    /// The profile, then its base, its base's base, ... for one direction; nil for an unknown profile.
    public func chain(of name: String, for direction: Direction) -> [String]? {
        guard self[name] != nil else { return nil }
        var chain = [name]
        while let base = self[chain[chain.count - 1]]?.bases[direction] { chain.append(base) }
        return chain
    }
}
