/// `cause-precedence.csv`: where the cause of the REL comes from when a SIP message ends the call, in order, per
/// message (`response` for a final response, else the request method). Columns `message,precedence,source`,
/// precedence written `encapsulated>reason>table`. RFC 3398 §7.2.3 (BYE: Reason first) and §8.2.6.1 (response:
/// encapsulated REL first); corrections §1 #13.
public enum CausePrecedence {
    public static let file = "cause-precedence.csv"
    /// The `message` of final responses; other rows are request methods.
    public static let response = "response"

    public enum Step: String, Hashable, Sendable, CaseIterable {
        /// The cause indicators of a REL encapsulated in the SIP-I body.
        case encapsulated
        /// A `Reason: Q.850;cause=N` header (RFC 3326, RFC 6432).
        case reason
        /// The profile's table: status → cause for a response, request → cause for BYE/CANCEL.
        case table
    }

    public typealias Table = KeyedTable<String, [Step]>

    static func table(csv text: String) throws(MappingError) -> Table {
        let records = try CSV.records(text, file: file, columns: ["message", "precedence", "source"])
        return try Table(records) { record throws(MappingError) in
            let text = record["precedence"]
            var steps = [Step]()
            for name in text.split(separator: ">", omittingEmptySubsequences: false) {
                guard let step = Step(rawValue: String(name)), !steps.contains(step) else {
                    throw record.error(.badValue(
                        column: "precedence", value: text, expected: "distinct steps from encapsulated, reason, table joined by >"))
                }
                steps.append(step)
            }
            guard steps.last == .table else {
                throw record.error(.badValue(column: "precedence", value: text, expected: "an order ending with table"))
            }
            return (record["message"], steps)
        }
    }
}
