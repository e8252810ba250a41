/// The key of a profile's row: `key` nil is the profile's default row (`*` in the file).
public struct ProfileKey<Key: Hashable & Sendable>: Hashable, Sendable, CustomStringConvertible {
    public let profile: String
    public let key: Key?

    public var description: String { "\(profile) \(key.map { String(describing: $0) } ?? "*")" }
}

/// A Mappings file whose rows belong to profiles (first column `profile`). A lookup walks a profile's inheritance
/// chain (`MappingProfiles.chain`): the nearest profile with a row for the key wins, and only when no profile
/// has one does the nearest default (`*`) row apply.
public struct ProfileTable<Key: Hashable & Sendable, Value: Hashable & Sendable>: Sendable {
    public typealias Row = TableRow<ProfileKey<Key>, Value>

    public let table: KeyedTable<ProfileKey<Key>, Value>
    public var rows: [Row] { table.rows }

    /// `parse` reads a record's key (nil for `*`) and value; the profile column is read and checked here.
    init(_ records: [CSVRecord], profiles: MappingProfiles,
         parse: (CSVRecord) throws(MappingError) -> (key: Key?, value: Value)) throws(MappingError)
    {
        table = try KeyedTable(records) { record throws(MappingError) in
            let profile = record["profile"]
            guard profiles[profile] != nil else { throw record.error(.unknownProfile(profile)) }
            let (key, value) = try parse(record)
            return (ProfileKey(profile: profile, key: key), value)
        }
    }

    /// The row for `key` in the nearest profile of `chain` that has one (defaults not considered).
    public func row(for key: Key, along chain: [String]) -> Row? {
        chain.lazy.compactMap { table[ProfileKey(profile: $0, key: key)] }.first
    }

    /// The nearest default (`*`) row along `chain`.
    public func defaultRow(along chain: [String]) -> Row? {
        chain.lazy.compactMap { table[ProfileKey(profile: $0, key: nil)] }.first
    }

    /// The row for `key`, else the default row.
    public func lookup(_ key: Key, along chain: [String]) -> Row? {
        row(for: key, along: chain) ?? defaultRow(along: chain)
    }
}

extension CSVRecord {
    /// A key column that holds `*` for the default row, else what `parse` makes of it.
    func keyOrDefault<Key>(_ column: String, _ parse: (CSVRecord) throws(MappingError) -> Key) throws(MappingError)
        -> Key?
    {
        self[column] == "*" ? nil : try parse(self)
    }
}
