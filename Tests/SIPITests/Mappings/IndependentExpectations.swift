import Testing

/// What the mapping rows must say, typed in from the specification documents (never read from Mappings/), each
/// group naming where it comes from. Every shipped row must match an entry here, and every entry must have its row;
/// a row without an independent source would have no entry, so the walks in `MappingRowTests` would flag it.
enum Independent {
    /// A row key: profile, key column (nil for `*`), and the condition column where the file has one.
    struct Key: Hashable, Sendable, CustomStringConvertible {
        let profile: String
        let key: String?
        var condition = ""

        var description: String { "\(profile) \(key ?? "*")\(condition.isEmpty ? "" : " \(condition)")" }
    }

    enum CauseOutcome: Hashable, Sendable {
        case status(Int)
        case releaseDialog
        case retryCircuit
    }

    // MARK: isup-cause-to-sip-status.csv

    /// vectors.md D1: ISUP cause → SIP status, RFC 3398 as reproduced publicly; 16 is "BYE (no response)".
    static let vectorsD1: [UInt8: CauseOutcome] = [
        1: .status(404), 2: .status(404), 3: .status(404), 16: .releaseDialog, 17: .status(486), 18: .status(408),
        19: .status(480), 20: .status(480), 21: .status(403), 22: .status(410), 23: .status(410), 26: .status(404),
        27: .status(502), 28: .status(484), 29: .status(501), 31: .status(480), 34: .status(503), 38: .status(503),
        41: .status(503), 42: .status(503), 47: .status(503), 55: .status(403), 57: .status(403), 58: .status(503),
        65: .status(488), 70: .status(488), 79: .status(501), 87: .status(403), 88: .status(503), 102: .status(504),
        111: .status(500), 127: .status(500),
    ]

    static let causeToStatus: [Key: CauseOutcome] = {
        var rows = [Key: CauseOutcome]()
        for (cause, outcome) in vectorsD1 { rows[Key(profile: "rfc3398", key: "\(cause)")] = outcome }
        // vectors.md D1 note (oksecu table) and corrections §1 #6: 21 with location user → 603 Decline.
        rows[Key(profile: "rfc3398", key: "21", condition: "location=U")] = .status(603)
        // corrections §1 #2: 22 number changed with diagnostic → 301 Moved Permanently.
        rows[Key(profile: "rfc3398", key: "22", condition: "diagnostic")] = .status(301)
        // corrections §1 #4: 44 is untranslatable, re-send the IAM on another CIC.
        rows[Key(profile: "rfc3398", key: "44")] = .retryCircuit
        // corrections §1 #3: any cause not listed → 500.
        rows[Key(profile: "rfc3398", key: nil)] = .status(500)
        // corrections §1 #7: candidate Q.1912.5 / TS 29.163 delta (Oracle default mapping): 25 → 483.
        rows[Key(profile: "q1912.5", key: "25")] = .status(483)
        // st769-3 §11.4 (Annex A Tables 9–12): #28 → 484, #63 → 500.
        rows[Key(profile: "st769", key: "28")] = .status(484)
        rows[Key(profile: "st769", key: "63")] = .status(500)
        return rows
    }()

    // MARK: sip-status-to-isup-cause.csv (nil: no REL)

    /// vectors.md D2: SIP status → ISUP cause, RFC 3398 (487 "none"; 488 "from Warning" is settled below).
    static let vectorsD2: [Int: UInt8?] = [
        400: 41, 401: 21, 402: 21, 403: 21, 404: 1, 405: 63, 406: 79, 407: 21, 408: 102, 410: 22, 413: 127, 414: 127,
        415: 79, 416: 127, 420: 127, 421: 127, 423: 127, 480: 18, 481: 41, 482: 25, 483: 25, 484: 28, 485: 1, 486: 17,
        487: nil,
        // vectors.md D2, the 5xx/6xx line.
        500: 41, 501: 79, 502: 38, 503: 41, 504: 102, 505: 127, 600: 17, 603: 21, 604: 1,
    ]

    static let statusToCause: [Key: UInt8?] = {
        var rows = [Key: UInt8?]()
        for (status, cause) in vectorsD2 { rows[Key(profile: "rfc3398", key: "\(status)")] = cause }
        // Digest C.5 (RFC 3398 §8.2.6.1 table, [V]): 513 → 127.
        rows[Key(profile: "rfc3398", key: "513")] = 127
        // corrections §1 #9: 488 and 606 by Warning, default 31.
        rows[Key(profile: "rfc3398", key: "488")] = 31
        rows[Key(profile: "rfc3398", key: "606")] = 31
        // corrections §1 #8: any status not listed → 31.
        rows[Key(profile: "rfc3398", key: nil)] = 31
        // Digest C.6, confirmed line by line in corrections §1 #11 (OpenSIPS init_rel_default).
        let openSIPS: [Int: UInt8?] = [404: 1, 410: 22, 480: 20, 484: 28, 486: 17, 491: nil, 600: 17, 603: 21, 604: 1]
        for (status, cause) in openSIPS { rows[Key(profile: "q1912.5", key: "\(status)")] = cause }
        rows[Key(profile: "q1912.5", key: nil)] = 127
        // corrections §1 #12 (Oracle SIP-I table) and #8 (433 → 24).
        rows[Key(profile: "q1912.5", key: "483")] = 25
        rows[Key(profile: "q1912.5", key: "485")] = 1
        rows[Key(profile: "q1912.5", key: "433")] = 24
        // st769-3 §11.4 and st769-2 §4 "mapping override": 484 → 28, 500 → 63.
        rows[Key(profile: "st769", key: "484")] = 28
        rows[Key(profile: "st769", key: "500")] = 63
        return rows
    }()

    // MARK: sip-request-to-isup-cause.csv

    /// corrections §1 #14 (RFC 3398 §7.2.3: BYE or CANCEL → 16) and #11 / vectors.md D3 (OpenSIPS: CANCEL → 31).
    static let requestToCause: [Key: UInt8] = [
        Key(profile: "rfc3398", key: "BYE"): 16, Key(profile: "rfc3398", key: "CANCEL"): 16,
        Key(profile: "q1912.5", key: "BYE"): 16, Key(profile: "q1912.5", key: "CANCEL"): 31,
    ]

    // MARK: generated-cause-location.csv (Q.850 location values)

    /// corrections §1 #10: RFC 3398 gives 6xx the location user (0) and 4xx/5xx a network location, for which BI
    /// (10) is the choice; digest C.1 / C.6: OpenSIPS uses BI for every REL it generates.
    static let generatedLocation: [Key: UInt8] = [
        Key(profile: "rfc3398", key: nil): 10, Key(profile: "rfc3398", key: "6xx"): 0,
        Key(profile: "q1912.5", key: nil): 10,
    ]

    // MARK: cause-precedence.csv

    /// corrections §1 #13 (RFC 3398 §7.2.3 for BYE and CANCEL, §8.2.6.1 for responses).
    static let precedence: [String: [String]] = [
        "response": ["encapsulated", "reason", "table"],
        "BYE": ["reason", "encapsulated", "table"],
        "CANCEL": ["reason", "table"],
    ]

    // MARK: sip-reason-phrases.csv

    /// The phrase columns of digest C.4 and C.5, 433 from corrections §1 #8, the rest from the RFC 3261 §21
    /// headings.
    static let reasonPhrases: [Int: String] = [
        // Digest C.4 / C.5.
        301: "Moved Permanently", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
        408: "Request Timeout", 410: "Gone", 413: "Request Entity Too Large", 414: "Request-URI Too Long",
        415: "Unsupported Media Type", 416: "Unsupported URI Scheme", 420: "Bad Extension", 421: "Extension Required",
        423: "Interval Too Brief", 480: "Temporarily Unavailable", 481: "Call/Transaction Does Not Exist",
        482: "Loop Detected", 483: "Too Many Hops", 484: "Address Incomplete", 485: "Ambiguous", 486: "Busy Here",
        487: "Request Terminated", 488: "Not Acceptable Here", 500: "Server Internal Error", 501: "Not Implemented",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Server Time-out", 505: "Version Not Supported",
        513: "Message Too Large", 600: "Busy Everywhere", 603: "Decline", 604: "Does Not Exist Anywhere",
        606: "Not Acceptable",
        // corrections §1 #8.
        433: "Anonymity Disallowed",
        // RFC 3261 §21.
        100: "Trying", 180: "Ringing", 181: "Call Is Being Forwarded", 182: "Queued", 183: "Session Progress",
        200: "OK", 300: "Multiple Choices", 302: "Moved Temporarily", 305: "Use Proxy", 380: "Alternative Service",
        491: "Request Pending", 493: "Undecipherable",
    ]

    // MARK: st769-fictitious-district-codes.csv

    /// st769-3 §14.7 tests 97–104: one district of each Table 13 row and that row's whole fictitious set; the
    /// district counts are §12.2 evidence 1.
    struct Table13Row: Sendable, CustomTestStringConvertible {
        let row: Int
        let district: String
        let fictitious: Set<String>
        let districtCount: Int

        var testDescription: String { "row \(row) (district \(district))" }
    }

    static let table13: [Table13Row] = [
        Table13Row(row: 1, district: "011", fictitious: ["0120", "0126", "0127", "0128", "0129"], districtCount: 32),
        Table13Row(row: 2, district: "02", fictitious: ["0325", "0326", "0378"], districtCount: 12),
        Table13Row(row: 3, district: "0481", fictitious: ["0361", "0367", "0420", "0430", "0440", "0441", "0443", "0446"],
                   districtCount: 53),
        Table13Row(row: 4, district: "0549", fictitious: ["0520", "0526", "0531", "0527", "0537", "0720", "0726"],
                   districtCount: 42),
        Table13Row(row: 5, district: "0585", fictitious: ["0528", "0529", "0530", "0538"], districtCount: 18),
        Table13Row(row: 6, district: "0882", fictitious: ["0822", "0826"], districtCount: 11),
        Table13Row(row: 7, district: "06", fictitious: ["0723", "0724", "0725", "0820", "0829", "0830", "0834", "0920", "0927"],
                   districtCount: 49),
        Table13Row(row: 8, district: "0942", fictitious: ["0926", "0929"], districtCount: 15),
    ]
}
