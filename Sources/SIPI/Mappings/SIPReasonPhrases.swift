/// `sip-reason-phrases.csv`: the reason phrase sent with each status code (RFC 3261 §21 and the RFCs that added
/// codes). Columns `sip_status,reason_phrase,source`.
public enum SIPReasonPhrases {
    public static let file = "sip-reason-phrases.csv"

    public typealias Table = KeyedTable<Int, String>

    static func table(csv text: String) throws(MappingError) -> Table {
        let records = try CSV.records(text, file: file, columns: ["sip_status", "reason_phrase", "source"])
        return try Table(records) { record throws(MappingError) in
            let phrase = record["reason_phrase"]
            guard !phrase.isEmpty else {
                throw record.error(.badValue(column: "reason_phrase", value: phrase, expected: "a reason phrase"))
            }
            return (try record.status("sip_status"), phrase)
        }
    }
}
