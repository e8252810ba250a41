/// The location tokens of RFC 8606 §3 (`Reason: Q.850;cause=17;location=LN`) for the Q.850 §2.2.3 cause
/// locations; Mappings/ uses the same tokens.
public enum CauseLocationToken {
    public static let values: [String: UInt8] = [
        "U": 0, "LPN": 1, "LN": 2, "TN": 3, "RLN": 4, "RPN": 5, "INTL": 7, "BI": 10,
    ]

    /// The location for a token, case-insensitively.
    public static func location(_ token: some StringProtocol) -> UInt8? { values[token.uppercased()] }

    public static func token(for location: UInt8) -> String? { values.first { $0.value == location }?.key }

    static let expected = "a cause location (\(values.sorted { $0.value < $1.value }.map(\.key).joined(separator: ", ")))"
}

extension CSVRecord {
    func location(_ column: String) throws(MappingError) -> UInt8 {
        guard let location = CauseLocationToken.location(self[column]) else {
            throw error(.badValue(column: column, value: self[column], expected: CauseLocationToken.expected))
        }
        return location
    }

    /// An ISUP cause value (Q.850: 7 bits).
    func cause(_ column: String) throws(MappingError) -> UInt8 { UInt8(try integer(column, in: 0...127)) }

    /// A SIP status code (RFC 3261 §7.2: three digits, 100–699).
    func status(_ column: String) throws(MappingError) -> Int { try integer(column, in: 100...699) }
}
