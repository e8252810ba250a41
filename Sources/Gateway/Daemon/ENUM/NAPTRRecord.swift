/// A NAPTR resource record (RFC 3403 §4.1) as this ENUM client reads it (without the replacement field: only
/// terminal records are used, and their URI comes from the regexp).
struct NAPTRRecord: Hashable, Sendable {
    var order: UInt16
    var preference: UInt16
    var flags: String
    var service: String
    var regexp: String

    /// RFC 6116 §3.4.3: the service field is "E2U" followed by "+"-separated Enumservices (`type[:subtype]`,
    /// compared without regard to case, §3.6 "E2U+SIP" alike); the record serves SIP when one of them is the `sip`
    /// type (RFC 3764), which has no subtype.
    var servesSIP: Bool {
        let parts = service.lowercased().split(separator: "+", omittingEmptySubsequences: false)
        return parts.first == "e2u" && parts.dropFirst().contains("sip")
    }

    /// RFC 6116 §3.4.1: the "u" flag ends the lookup with a URI made by `regexp`; a record without it is a
    /// non-terminal rewrite (its replacement names another domain), which this client does not follow.
    var isTerminal: Bool { flags.lowercased() == "u" }
}
