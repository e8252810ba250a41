/// `sip-status-to-isup-cause.csv` (RFC 3398 §8.2.6.1 and its profiles): the cause of the REL sent for a final
/// response, `none` when the response sends no REL (487 after our CANCEL, 491). Columns
/// `profile,sip_status,isup_cause,source`.
public enum SIPStatusToISUPCause {
    public static let file = "sip-status-to-isup-cause.csv"

    /// The `isup_cause` column: a cause value, or nil for `none`.
    public typealias Table = ProfileTable<Int, UInt8?>

    static func table(csv text: String, profiles: MappingProfiles) throws(MappingError) -> Table {
        let records = try CSV.records(text, file: file, columns: ["profile", "sip_status", "isup_cause", "source"])
        return try Table(records, profiles: profiles) { record throws(MappingError) in
            let status = try record.keyOrDefault("sip_status") { record throws(MappingError) in try record.status("sip_status") }
            return (status, record["isup_cause"] == "none" ? nil : try record.cause("isup_cause"))
        }
    }
}

/// `sip-request-to-isup-cause.csv`: the cause of the REL sent for a request that ends the call (BYE, CANCEL) when
/// nothing in it gives one (RFC 3398 §7.2.3; OpenSIPS CANCEL → 31). Columns `profile,method,isup_cause,source`.
public enum SIPRequestToISUPCause {
    public static let file = "sip-request-to-isup-cause.csv"

    public typealias Table = ProfileTable<String, UInt8>

    static func table(csv text: String, profiles: MappingProfiles) throws(MappingError) -> Table {
        let records = try CSV.records(text, file: file, columns: ["profile", "method", "isup_cause", "source"])
        return try Table(records, profiles: profiles) { record throws(MappingError) in
            let method = record["method"]
            // RFC 3261 §25.1: Method is a token, and method names are case-sensitive.
            guard !method.isEmpty, method.allSatisfy({ $0.isUppercase || $0 == "-" }) else {
                throw record.error(.badValue(column: "method", value: method, expected: "a SIP method (BYE, CANCEL)"))
            }
            return (method, try record.cause("isup_cause"))
        }
    }
}

/// `generated-cause-location.csv`: the location of a cause the gateway derives from SIP (status table, Reason
/// without `location=`, BYE/CANCEL defaults), per status class (`6xx`) or `*`. Columns
/// `profile,sip_class,location,source`.
public enum GeneratedCauseLocation {
    public static let file = "generated-cause-location.csv"

    /// Keyed by the status class digit (6 for `6xx`).
    public typealias Table = ProfileTable<Int, UInt8>

    static func table(csv text: String, profiles: MappingProfiles) throws(MappingError) -> Table {
        let records = try CSV.records(text, file: file, columns: ["profile", "sip_class", "location", "source"])
        return try Table(records, profiles: profiles) { record throws(MappingError) in
            let statusClass = try record.keyOrDefault("sip_class") { record throws(MappingError) in
                let text = record["sip_class"]
                guard text.count == 3, text.hasSuffix("xx"), let digit = text.first?.wholeNumberValue, (1...6).contains(digit)
                else { throw record.error(.badValue(column: "sip_class", value: text, expected: "1xx…6xx or *")) }
                return digit
            }
            return (statusClass, try record.location("location"))
        }
    }
}
