/// One row of a Mappings table: its key (unique in the file), what it maps to, and the clause it cites.
public struct TableRow<Key: Hashable & Sendable, Value: Hashable & Sendable>: Hashable, Sendable {
    public let key: Key
    public let value: Value
    public let source: RowSource
}

/// The rows of one Mappings file in file order, indexed by key; a key given twice is refused.
public struct KeyedTable<Key: Hashable & Sendable, Value: Hashable & Sendable>: Sendable {
    public typealias Row = TableRow<Key, Value>

    public let rows: [Row]
    private let index: [Key: Int]

    init(_ records: [CSVRecord], parse: (CSVRecord) throws(MappingError) -> (key: Key, value: Value))
        throws(MappingError)
    {
        var rows = [Row]()
        var index = [Key: Int]()
        for record in records {
            let (key, value) = try parse(record)
            if let first = index[key] {
                throw record.error(.duplicateKey(String(describing: key), firstLine: rows[first].source.line))
            }
            index[key] = rows.count
            rows.append(Row(key: key, value: value, source: try record.source()))
        }
        self.rows = rows
        self.index = index
    }

    public subscript(key: Key) -> Row? { index[key].map { rows[$0] } }
}
