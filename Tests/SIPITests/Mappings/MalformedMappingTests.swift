import SIPI
import Testing

/// A malformed Mappings/ file is refused at load with file, line and reason.
@Suite struct MalformedMappingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let text: String
        let line: Int
        let reason: MappingError.Reason

        var testDescription: String { name }
    }

    static let causeHeader = "profile,isup_cause,condition,sip_outcome,source\n"
    static let statusHeader = "profile,sip_status,isup_cause,source\n"
    static let profilesHeader = "profile,cause_to_status_base,status_to_cause_base,source\n"
    static let causes = ISUPCauseToSIPStatus.file
    static let statuses = SIPStatusToISUPCause.file

    /// Each replaces one shipped file with a short text whose bad line is known.
    static let cases: [Case] = [
        Case(name: "bad cause number", file: causes, text: causeHeader + "rfc3398,1,,404,RFC 3398\nrfc3398,12a,,404,RFC 3398\n",
             line: 3, reason: .badNumber(column: "isup_cause", value: "12a", allowed: 0...127)),
        Case(name: "cause above 127", file: causes, text: causeHeader + "rfc3398,128,,500,RFC 3398\n",
             line: 2, reason: .badNumber(column: "isup_cause", value: "128", allowed: 0...127)),
        Case(name: "negative cause", file: causes, text: causeHeader + "rfc3398,-1,,500,RFC 3398\n",
             line: 2, reason: .badNumber(column: "isup_cause", value: "-1", allowed: 0...127)),
        Case(name: "bad outcome", file: causes, text: causeHeader + "rfc3398,16,,bye,RFC 3398\n",
             line: 2, reason: .badNumber(column: "sip_outcome", value: "bye", allowed: 300...699)),
        Case(name: "bad condition", file: causes, text: causeHeader + "rfc3398,21,location=user,603,RFC 3398\n",
             line: 2, reason: .badValue(column: "condition", value: "location=user",
                                        expected: "empty, diagnostic or location=<token>")),
        Case(name: "conditional default", file: causes, text: causeHeader + "rfc3398,*,diagnostic,500,RFC 3398\n",
             line: 2, reason: .badValue(column: "condition", value: "diagnostic", expected: "empty on a * row")),
        Case(name: "default without a status", file: causes, text: causeHeader + "rfc3398,*,,retry-circuit,RFC 3398\n",
             line: 2, reason: .badValue(column: "sip_outcome", value: "retry-circuit", expected: "a status code on a * row")),
        Case(name: "conditional duplicate", file: causes,
             text: causeHeader + "rfc3398,21,,403,RFC 3398\nrfc3398,21,location=U,603,RFC 3398\nrfc3398,21,location=u,603,RFC 3398\n",
             line: 4, reason: .duplicateKey("rfc3398 21 location=U", firstLine: 3)),
        Case(name: "bad status number", file: statuses, text: statusHeader + "rfc3398,4860,17,RFC 3398\n",
             line: 2, reason: .badNumber(column: "sip_status", value: "4860", allowed: 100...699)),
        Case(name: "bad cause in status table", file: statuses, text: statusHeader + "rfc3398,486,seventeen,RFC 3398\n",
             line: 2, reason: .badNumber(column: "isup_cause", value: "seventeen", allowed: 0...127)),
        Case(name: "unknown profile", file: statuses, text: statusHeader + "rfc3398,486,17,RFC 3398\nq1912_5,404,1,OpenSIPS\n",
             line: 3, reason: .unknownProfile("q1912_5")),
        Case(name: "duplicate key", file: statuses,
             text: statusHeader + "rfc3398,486,17,RFC 3398\n\nrfc3398,486,18,RFC 3398\n",
             line: 4, reason: .duplicateKey("rfc3398 486", firstLine: 2)),
        Case(name: "duplicate default", file: statuses, text: statusHeader + "rfc3398,*,31,RFC 3398\nrfc3398,*,41,RFC 3398\n",
             line: 3, reason: .duplicateKey("rfc3398 *", firstLine: 2)),
        Case(name: "missing column in the header", file: SIPReasonPhrases.file, text: "sip_status,source\n486,RFC 3261\n",
             line: 1, reason: .missingColumn("reason_phrase")),
        Case(name: "missing column in a row", file: statuses, text: statusHeader + "rfc3398,486,17\n",
             line: 2, reason: .missingColumn("source")),
        Case(name: "unexpected column", file: statuses, text: "profile,sip_status,isup_cause,source,note\n",
             line: 1, reason: .unexpectedColumn("note")),
        Case(name: "extra field", file: statuses, text: statusHeader + "rfc3398,486,17,RFC 3398,busy\n",
             line: 2, reason: .extraFields(expected: 4, found: 5)),
        Case(name: "unterminated quote", file: statuses, text: statusHeader + "rfc3398,486,17,\"RFC 3398, §8.2.6.1\n",
             line: 2, reason: .unterminatedQuote),
        Case(name: "text after a quote", file: statuses, text: statusHeader + "rfc3398,486,17,\"RFC\" 3398\n",
             line: 2, reason: .textAfterQuote),
        Case(name: "no source", file: statuses, text: statusHeader + "rfc3398,486,17,\n",
             line: 2, reason: .missingSource),
        Case(name: "empty file", file: statuses, text: "\n\n", line: 1, reason: .emptyFile),
        Case(name: "unknown base profile", file: MappingProfiles.file,
             text: profilesHeader + "rfc3398,,,RFC 3398\nst769,q1912.5,,ST 769\n", line: 3, reason: .unknownProfile("q1912.5")),
        Case(name: "inheritance cycle", file: MappingProfiles.file,
             text: profilesHeader + "rfc3398,,,RFC 3398\na,b,,RFC 3398\nb,a,,RFC 3398\n",
             line: 3, reason: .inheritanceCycle(["a", "b", "a"])),
        Case(name: "bad location token", file: GeneratedCauseLocation.file,
             text: "profile,sip_class,location,source\nrfc3398,*,NET,RFC 3398\n",
             line: 2, reason: .badValue(column: "location", value: "NET",
                                        expected: "a cause location (U, LPN, LN, TN, RLN, RPN, INTL, BI)")),
        Case(name: "bad status class", file: GeneratedCauseLocation.file,
             text: "profile,sip_class,location,source\nrfc3398,7xx,U,RFC 3398\n",
             line: 2, reason: .badValue(column: "sip_class", value: "7xx", expected: "1xx…6xx or *")),
        Case(name: "bad method", file: SIPRequestToISUPCause.file,
             text: "profile,method,isup_cause,source\nrfc3398,Bye,16,RFC 3398\n",
             line: 2, reason: .badValue(column: "method", value: "Bye", expected: "a SIP method (BYE, CANCEL)")),
        Case(name: "bad precedence step", file: CausePrecedence.file,
             text: "message,precedence,source\nresponse,encapsulated>rel>table,RFC 3398\n",
             line: 2, reason: .badValue(column: "precedence", value: "encapsulated>rel>table",
                                        expected: "distinct steps from encapsulated, reason, table joined by >")),
        Case(name: "precedence not ending with table", file: CausePrecedence.file,
             text: "message,precedence,source\nresponse,table>reason,RFC 3398\n",
             line: 2, reason: .badValue(column: "precedence", value: "table>reason", expected: "an order ending with table")),
        Case(name: "no precedence for responses", file: CausePrecedence.file,
             text: "message,precedence,source\nBYE,reason>encapsulated>table,RFC 3398\nCANCEL,reason>table,RFC 3398\n",
             line: 1, reason: .missingRow("response")),
        Case(name: "bad reason phrase status", file: SIPReasonPhrases.file,
             text: "sip_status,reason_phrase,source\n99,Nothing,RFC 3261\n",
             line: 2, reason: .badNumber(column: "sip_status", value: "99", allowed: 100...699)),
        Case(name: "Table 13 code in two rows", file: FictitiousDistrictCodes.file,
             text: "table_row,label,district_codes,fictitious_codes,source\n1,a,011 015,0120,ST 769\n2,b,02 011,0325,ST 769\n",
             line: 3, reason: .duplicateKey("011", firstLine: 2)),
        Case(name: "Table 13 fictitious code that is a district", file: FictitiousDistrictCodes.file,
             text: "table_row,label,district_codes,fictitious_codes,source\n1,a,0120,0120,ST 769\n",
             line: 2, reason: .duplicateKey("0120", firstLine: 2)),
        Case(name: "Table 13 bad code", file: FictitiousDistrictCodes.file,
             text: "table_row,label,district_codes,fictitious_codes,source\n1,a,011,012,ST 769\n",
             line: 2, reason: .badValue(column: "fictitious_codes", value: "012", expected: "a code of 4–4 digits starting with 0")),
        Case(name: "Table 13 duplicate row", file: FictitiousDistrictCodes.file,
             text: "table_row,label,district_codes,fictitious_codes,source\n1,a,011,0120,ST 769\n1,b,02,0325,ST 769\n",
             line: 3, reason: .duplicateKey("1", firstLine: 2)),
    ]

    @Test(arguments: cases)
    func isRefused(_ c: Case) {
        #expect(throws: MappingError(file: c.file, line: c.line, reason: c.reason)) {
            try Mappings(files: MappingsFixture.files(replacing: c.file, with: c.text))
        }
    }

    @Test func errorReadsAsFileLineReason() {
        let error = MappingError(file: SIPStatusToISUPCause.file, line: 4, reason: .duplicateKey("rfc3398 486", firstLine: 2))
        #expect(error.description == "sip-status-to-isup-cause.csv:4: duplicate key rfc3398 486 (first on line 2)")
        #expect(MappingError(file: "profiles.csv", line: 0, reason: .missingFile).description == "profiles.csv: file not found")
    }

    @Test(arguments: Mappings.fileNames)
    func missingFile(name: String) {
        var files = MappingsFixture.files
        files[name] = nil
        #expect(throws: MappingError(file: name, line: 0, reason: .missingFile)) { try Mappings(files: files) }
    }

    /// A profile whose chain reaches no `*` row is refused on its profiles.csv line.
    @Test func profileWithoutDefault() throws {
        let shipped = try #require(MappingsFixture.files[SIPStatusToISUPCause.file])
        let withoutDefault = shipped.split(separator: "\n").filter { !$0.hasPrefix("q1912.5,*,") }.joined(separator: "\n")
        #expect(throws: MappingError(file: MappingProfiles.file, line: 3,
                                     reason: .noDefaultRow(profile: "q1912.5", file: SIPStatusToISUPCause.file))) {
            try Mappings(files: MappingsFixture.files(replacing: SIPStatusToISUPCause.file, with: withoutDefault))
        }
    }

    /// A status sent must have its reason phrase; a request method must have its precedence row.
    @Test func crossFileReferences() throws {
        let causes = try #require(MappingsFixture.files[ISUPCauseToSIPStatus.file])
        let line = causes.split(separator: "\n").count + 1
        #expect(throws: MappingError(file: ISUPCauseToSIPStatus.file, line: line, reason: .noReasonPhrase(499))) {
            try Mappings(files: MappingsFixture.files(replacing: ISUPCauseToSIPStatus.file, with: causes + "q1912.5,26,,499,vendor\n"))
        }
        let requests = try #require(MappingsFixture.files[SIPRequestToISUPCause.file])
        let requestLine = requests.split(separator: "\n").count + 1
        #expect(throws: MappingError(file: SIPRequestToISUPCause.file, line: requestLine,
                                     reason: .badValue(column: "method", value: "INFO", expected: "a message of cause-precedence.csv"))) {
            try Mappings(files: MappingsFixture.files(replacing: SIPRequestToISUPCause.file, with: requests + "rfc3398,INFO,31,none\n"))
        }
    }

    /// CRLF line ends and quoted fields with commas and doubled quotes load as the same rows.
    @Test func crlfAndQuoting() throws {
        let crlf = MappingsFixture.files.mapValues { $0.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") }
        let mappings = try Mappings(files: crlf)
        #expect(mappings.statusToCause.rows == MappingsFixture.mappings?.statusToCause.rows)
        let quoted = Self.statusHeader + "rfc3398,*,31,\"RFC 3398 §8.2.6.1, \"\"default\"\"\"\nq1912.5,*,127,OpenSIPS\n"
        let loaded = try Mappings(files: MappingsFixture.files(replacing: Self.statuses, with: quoted))
        #expect(loaded.statusToCause.rows.first?.source.citation == "RFC 3398 §8.2.6.1, \"default\"")
    }
}
