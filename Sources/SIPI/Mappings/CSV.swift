/// One data row of a Mappings CSV file, its fields named by the header.
struct CSVRecord {
    let file: String
    let line: Int
    private let fields: [String: String]

    init(file: String, line: Int, fields: [String: String]) {
        self.file = file
        self.line = line
        self.fields = fields
    }

    /// A field of a column the header was checked to have.
    subscript(column: String) -> String { fields[column] ?? "" }

    func error(_ reason: MappingError.Reason) -> MappingError { MappingError(file: file, line: line, reason: reason) }

    func integer(_ column: String, in allowed: ClosedRange<Int>) throws(MappingError) -> Int {
        let text = self[column]
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), text.count <= 9, let value = Int(text),
              allowed.contains(value)
        else { throw error(.badNumber(column: column, value: text, allowed: allowed)) }
        return value
    }

    /// The `source` column, which no row may leave empty.
    func source() throws(MappingError) -> RowSource {
        let citation = self["source"]
        guard !citation.isEmpty else { throw error(.missingSource) }
        return RowSource(file: file, line: line, citation: citation)
    }
}

/// RFC 4180 CSV as Mappings/ writes it: a header row naming the columns, one record per line (CRLF or LF), fields
/// separated by commas, a field quoted when it holds a comma (`""` inside quotes is one `"`). Blank lines are
/// skipped. Unquoted fields are trimmed.
enum CSV {
    static func records(_ text: String, file: String, columns: [String]) throws(MappingError) -> [CSVRecord] {
        // `\r\n` is one Character in Swift: split on line ends, not on "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().lazy
            .map { (number: $0.offset + 1, text: $0.element) }
            .filter { $0.text.contains { !$0.isWhitespace } }
            .makeIterator()
        guard let headerLine = lines.next() else { throw MappingError(file: file, line: 1, reason: .emptyFile) }
        let header = try fields(of: headerLine.text, file: file, line: headerLine.number)
        for name in header where !columns.contains(name) {
            throw MappingError(file: file, line: headerLine.number, reason: .unexpectedColumn(name))
        }
        for name in columns where !header.contains(name) {
            throw MappingError(file: file, line: headerLine.number, reason: .missingColumn(name))
        }
        var records = [CSVRecord]()
        while let line = lines.next() {
            let values = try fields(of: line.text, file: file, line: line.number)
            if values.count < header.count {
                throw MappingError(file: file, line: line.number, reason: .missingColumn(header[values.count]))
            }
            if values.count > header.count {
                throw MappingError(
                    file: file, line: line.number, reason: .extraFields(expected: header.count, found: values.count))
            }
            records.append(CSVRecord(
                file: file, line: line.number, fields: Dictionary(uniqueKeysWithValues: zip(header, values))))
        }
        return records
    }

    private static func fields(of line: Substring, file: String, line number: Int) throws(MappingError) -> [String] {
        var fields = [String]()
        var rest = line[...]
        while true {
            if rest.first == "\"" {
                var value = ""
                var i = rest.index(after: rest.startIndex)
                while true {
                    guard let quote = rest[i...].firstIndex(of: "\"") else {
                        throw MappingError(file: file, line: number, reason: .unterminatedQuote)
                    }
                    value += rest[i..<quote]
                    let next = rest.index(after: quote)
                    if next < rest.endIndex, rest[next] == "\"" {
                        value += "\""
                        i = rest.index(after: next)
                    } else {
                        rest = rest[next...]
                        break
                    }
                }
                fields.append(value)
                let afterQuote = rest.prefix { $0 != "," }
                guard afterQuote.allSatisfy(\.isWhitespace) else {
                    throw MappingError(file: file, line: number, reason: .textAfterQuote)
                }
                rest = rest[afterQuote.endIndex...]
            } else {
                let value = rest.prefix { $0 != "," }
                fields.append(value.trimmingWhitespace())
                rest = rest[value.endIndex...]
            }
            guard !rest.isEmpty else { return fields }
            rest = rest.dropFirst()  // the comma
        }
    }
}
