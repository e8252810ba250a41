/// `st769-fictitious-district-codes.csv`: ST 769 v1 Annex B Table 13. Each row pairs a group of real district
/// codes with the fictitious district codes (`0xxx`) whose ten-thousand blocks (DCM, `0xxxUU`) may be assigned for
/// new fixed-NP routing numbers in those districts (st769-3 §12). Columns
/// `table_row,label,district_codes,fictitious_codes,source`, codes separated by spaces, national with the leading 0.
public struct FictitiousDistrictCodes: Sendable {
    public static let file = "st769-fictitious-district-codes.csv"

    public struct Group: Hashable, Sendable {
        /// The group's label (the table gives town names only; no district ↔ fictitious code pairing).
        public let label: String
        public let districtCodes: [String]
        public let fictitiousCodes: [String]
    }

    /// Keyed by the row number of Table 13.
    public let table: KeyedTable<Int, Group>

    init(csv text: String) throws(MappingError) {
        let columns = ["table_row", "label", "district_codes", "fictitious_codes", "source"]
        var firstLine = [String: Int]()
        table = try KeyedTable(try CSV.records(text, file: Self.file, columns: columns)) { record throws(MappingError) in
            func codes(_ column: String, lengths: ClosedRange<Int>) throws(MappingError) -> [String] {
                let codes = record[column].split(separator: " ").map(String.init)
                guard !codes.isEmpty else {
                    throw record.error(.badValue(column: column, value: "", expected: "codes separated by spaces"))
                }
                for code in codes {
                    // st769-3 §12.1: national codes with the leading 0; fictitious ones are 0 plus 3 digits.
                    guard lengths.contains(code.count), code.first == "0", code.allSatisfy(\.isASCIIDigit) else {
                        throw record.error(.badValue(
                            column: column, value: code,
                            expected: "a code of \(lengths.lowerBound)–\(lengths.upperBound) digits starting with 0"))
                    }
                    if let line = firstLine[code] { throw record.error(.duplicateKey(code, firstLine: line)) }
                    firstLine[code] = record.line
                }
                return codes
            }
            let row = try record.integer("table_row", in: 1...99)
            return (row, Group(label: record["label"], districtCodes: try codes("district_codes", lengths: 2...4),
                               fictitiousCodes: try codes("fictitious_codes", lengths: 4...4)))
        }
    }

    /// The row whose district codes hold the longest prefix of a national number such as `0112345678`
    /// (st769-3 §12.4).
    public func row(forNationalNumber number: String) -> KeyedTable<Int, Group>.Row? {
        var best: (row: KeyedTable<Int, Group>.Row, length: Int)?
        for row in table.rows {
            for code in row.value.districtCodes where number.hasPrefix(code) && code.count > (best?.length ?? 0) {
                best = (row, code.count)
            }
        }
        return best?.row
    }

    /// The row that owns a fictitious DCM such as `092712`, by its first four characters (st769-3 §12.4).
    public func row(forFictitiousDCM dcm: String) -> KeyedTable<Int, Group>.Row? {
        table.rows.first { $0.value.fictitiousCodes.contains(String(dcm.prefix(4))) }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
