import COsip2

/// `sip-reason-phrases.csv`: the reason phrase sent with each status code (RFC 3261 §21 and the RFCs that added
/// codes). Columns `sip_status,reason_phrase,source`.
public enum SIPReasonPhrases {
    public static let file = "sip-reason-phrases.csv"

    public typealias Table = KeyedTable<Int, String>

    /// The built-in phrase of a status code, for code that has no `Mappings` at hand (the transaction layer's 100
    /// and 400): RFC 3261 §21's phrases as libosip2 holds them (`osip_message_get_reason`); nil for a code it does
    /// not know. Where the table of `sip-reason-phrases.csv` is loaded, that table is the one to use.
    public static func standard(_ status: Int) -> String? {
        guard let phrase = osip_message_get_reason(Int32(clamping: status)) else { return nil }
        return String(cString: phrase)
    }

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
