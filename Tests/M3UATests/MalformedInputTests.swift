import ISUP
import M3UA
import OracleSupport
import Testing

/// A malformed message, the typed error the decoder must give (offset from the first octet, field, reason) and
/// the RFC 4666 §3.8.1 Error Code to answer with.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    let name: String
    let hex: String
    let error: M3UADecodingError
    let code: M3UAErrorCode
    var testDescription: String { name }

    init(_ name: String, _ hex: String, _ offset: Int, _ field: String, _ reason: M3UADecodingError.Reason, _ code: M3UAErrorCode) {
        self.name = name
        self.hex = hex
        self.error = M3UADecodingError(offset: offset, field: field, reason: reason)
        self.code = code
    }
}

struct MalformedInputTests {
    static let cases: [MalformedCase] = [
        MalformedCase("truncated header", "01 00 03 01 00", 0, "header", .truncatedHeader(available: 5), .protocolError),
        MalformedCase("version 2", "02 00 03 01 00 00 00 08", 0, "version", .invalidVersion(2), .invalidVersion),
        MalformedCase("unknown class 5 (QPTM, IUA)", "01 00 05 01 00 00 00 08", 2, "messageClass",
                      .unsupportedMessageClass(5), .unsupportedMessageClass),
        MalformedCase("unknown ASPSM type 7", "01 00 03 07 00 00 00 08", 3, "messageType",
                      .unsupportedMessageType(7), .unsupportedMessageType),
        MalformedCase("length field shorter than the message", "01 00 03 01 00 00 00 0c 00 11 00 08 00 00 00 01", 4,
                      "messageLength", .lengthMismatch(declared: 12, actual: 16), .protocolError),
        MalformedCase("length field longer than the message", "01 00 03 01 00 00 00 10 00 11 00 08", 4, "messageLength",
                      .lengthMismatch(declared: 16, actual: 12), .protocolError),
        MalformedCase("TLV overrun", "01 00 03 01 00 00 00 10 00 11 00 0c 00 00 00 01", 10, "aspIdentifier",
                      .parameterOverrun(length: 12, available: 8), .parameterFieldError),
        MalformedCase("parameter length below 4", "01 00 03 01 00 00 00 10 00 11 00 02 00 00 00 01", 10, "aspIdentifier",
                      .parameterLengthTooShort(2), .parameterFieldError),
        MalformedCase("2 octets after the last parameter", "01 00 03 01 00 00 00 0a 00 04", 8, "parameter",
                      .truncatedParameter(available: 2), .parameterFieldError),
        MalformedCase("non-zero padding", "01 00 03 03 00 00 00 14 00 09 00 09 41 42 43 44 45 00 ff 00", 18,
                      "heartbeatData", .nonZeroPadding(0xFF), .parameterFieldError),
        MalformedCase("final padding missing", "01 00 03 03 00 00 00 11 00 09 00 09 41 42 43 44 45", 17, "heartbeatData",
                      .missingPadding(needed: 3, available: 0), .parameterFieldError),
        MalformedCase("DATA without Protocol Data", "01 00 01 01 00 00 00 10 00 06 00 08 00 00 00 01", 8, "protocolData",
                      .missingParameter, .missingParameter),
        MalformedCase("two ASP Identifiers", "01 00 03 01 00 00 00 18 00 11 00 08 00 00 00 01 00 11 00 08 00 00 00 02", 16,
                      "aspIdentifier", .duplicateParameter, .unexpectedParameter),
        MalformedCase("Routing Context of 6 octets", "01 00 04 02 00 00 00 14 00 06 00 0a 00 00 00 01 00 02 00 00", 10,
                      "routingContext", .wrongValueLength(actual: 6, expected: "at least 4, a multiple of 4 octets"),
                      .parameterFieldError),
        MalformedCase("Traffic Mode Type of 2 octets", "01 00 04 01 00 00 00 10 00 0b 00 06 00 02 00 00", 10,
                      "trafficModeType", .wrongValueLength(actual: 2, expected: "exactly 4 octets"), .parameterFieldError),
        MalformedCase("INFO String of 256 octets",
                      "01 00 03 02 00 00 01 0c 00 04 01 04" + String(repeating: " 41", count: 256), 10, "infoString",
                      .wrongValueLength(actual: 256, expected: "at most 255 octets"), .parameterFieldError),
        MalformedCase("Network Appearance after Routing Context in DATA (RFC 4666 §3.3.1)", """
            01 00 01 01 00 00 00 2c 00 06 00 08 00 00 00 01 02 00 00 08 00 00 00 01
            02 10 00 14 00 00 00 01 00 00 00 02 05 02 00 01 01 00 10 00
            """, 16, "networkAppearance", .misplacedParameter, .protocolError),
        MalformedCase("DUPU with mask 3 (RFC 4666 §3.8.1 example)",
                      "01 00 02 05 00 00 00 18 00 12 00 08 03 00 04 d2 02 04 00 08 00 01 00 05", 12, "affectedPointCode",
                      .invalidValue("exactly one point code with mask 0 (RFC 4666 §3.4.5)"), .invalidParameterValue),
        MalformedCase("Routing Key without Destination Point Code",
                      "01 00 09 01 00 00 00 14 02 07 00 0c 02 0a 00 08 00 00 00 01", 12, "routingKey.destinationPointCode",
                      .missingParameter, .missingParameter),
        MalformedCase("sub-parameter overrunning its Routing Key",
                      "01 00 09 01 00 00 00 14 02 07 00 0c 02 0a 00 0c 00 00 00 01", 14,
                      "routingKey.localRoutingKeyIdentifier", .parameterOverrun(length: 12, available: 8),
                      .parameterFieldError),
        MalformedCase("Routing Key inside a Routing Key (nesting is one level deep)", """
            01 00 09 01 00 00 00 28 02 07 00 20 02 0a 00 08 00 00 00 01 02 0b 00 08 00 00 00 17
            02 07 00 0c 02 0a 00 08 00 00 00 02
            """, 28, "routingKey.routingKey", .unexpectedParameter, .unexpectedParameter),
        MalformedCase("Routing Key in DATA", """
            01 00 01 01 00 00 00 2c 02 10 00 10 00 00 00 01 00 00 00 02 05 02 00 00 02 07 00 14 02 0a 00 08 00 00 00 01
            02 0b 00 08 00 00 00 17
            """, 24, "routingKey", .unexpectedParameter, .unexpectedParameter),
        MalformedCase("Registration Result with a 3-octet status", """
            01 00 09 02 00 00 00 24 02 08 00 1c 02 0a 00 08 00 00 00 01 02 12 00 07 00 00 00 00 00 06 00 08 00 00 00 07
            """, 22, "registrationResult.registrationStatus", .wrongValueLength(actual: 3, expected: "exactly 4 octets"),
                      .parameterFieldError),
    ]

    @Test(arguments: cases)
    func givesTheTypedError(_ c: MalformedCase) {
        #expect(throws: c.error) { try M3UAMessage(decoding: hex(c.hex)) }
        #expect(c.error.errorCode == c.code)
    }

    @Test func errorDescriptionNamesOffsetFieldAndCode() {
        let error = MalformedInputTests.cases[6].error
        #expect(error.description
                == "offset 10, aspIdentifier: parameter length 12 runs past the end (8 octet(s) left) → ERR 0x12 Parameter Field Error")
    }

    @Test func offsetsCountFromTheSliceGiven() {
        // Two messages back to back, as on a TCP stream: the second one's errors name offsets in the buffer.
        let buffer = hex("01 00 03 01 00 00 00 08  01 00 03 01 00 00 00 10 00 11 00 0c 00 00 00 01")
        #expect(throws: M3UADecodingError(offset: 18, field: "aspIdentifier", reason: .parameterOverrun(length: 12, available: 8))) {
            try M3UAMessage(decoding: buffer[8...])
        }
    }

    @Test func receiverPaddingRulesAcceptWhatTheCanonicalDecoderRejects() throws {
        // RFC 4666 §3.2 "The receiver MUST ignore the padding octets"; §3.1.4 the final padding may be missing.
        let canonical = hex("01 00 03 03 00 00 00 14 00 09 00 09 41 42 43 44 45 00 00 00")
        for text in ["01 00 03 03 00 00 00 14 00 09 00 09 41 42 43 44 45 00 ff 00",
                     "01 00 03 03 00 00 00 11 00 09 00 09 41 42 43 44 45"] {
            let m = try M3UAMessage(decoding: hex(text), padding: .ignored)
            #expect(m.heartbeatData.map(Array.init) == Array("ABCDE".utf8))
            #expect(try m.encoded() == canonical)
        }
        // Lengths and overruns stay errors.
        #expect(throws: M3UADecodingError.self) {
            try M3UAMessage(decoding: hex("01 00 03 01 00 00 00 10 00 11 00 0c 00 00 00 01"), padding: .ignored)
        }
    }

    @Test func unknownTagsReservedOctetAndUnlistedParametersAreKept() throws {
        // An unknown tag (0x0300) between known ones, a known tag the message does not list (Correlation ID in
        // BEAT, RFC 4666 §3: "all Message Types may have attached parameters"), a non-zero reserved octet.
        let octets = hex("01 7f 03 03 00 00 00 20 00 09 00 08 00 00 00 2a 03 00 00 05 ab 00 00 00 00 13 00 08 00 00 00 09 ")
        let m = try decodeRoundTrip(Hex.string(octets))
        #expect(m.reserved == 0x7F)
        #expect(m.parameters.map(\.tag) == [.heartbeatData, ParameterTag(0x0300), .correlationID])
        #expect(m.parameters[1].tag.name == "tag0x0300")
        #expect(Array(m.parameters[1].value) == [0xAB])
        #expect(m.correlationID == 9)
    }

    @Test func malformedISUPInsideDataIsAnISUPError() throws {
        // The M3UA layer is well formed; the ISUP user data stops after its CIC. The ISUP error's offset is in
        // the same coordinates (from the first octet of the M3UA message).
        let m = try decodeRoundTrip("01 00 01 01 00 00 00 1c 02 10 00 12 00 00 00 01 00 00 00 02 05 02 00 00 01 00 00 00")
        let pd = try #require(m.protocolData)
        #expect(throws: ISUPDecodingError(offset: 26, field: "messageType", reason: .truncated(needed: 1, available: 0))) {
            try pd.isup()
        }
        let parameter = try #require(m.json["parameters"]?.array?.first?.object)
        #expect(parameter["isupError"]?.string?.hasPrefix("offset 26, messageType") == true)
        #expect(parameter["isup"] == nil)
    }

    @Test func replyCarriesTheCodeAndFirst40Octets() throws {
        // RFC 4666 §3.8.1: for 0x03/0x04 the Diagnostic Information MUST hold the first 40 octets.
        let unknownType = hex("01 00 03 07 00 00 00 08")
        let error = try #require(#expect(throws: M3UADecodingError.self) { try M3UAMessage(decoding: unknownType) })
        let reply = try #require(error.reply(to: unknownType))
        #expect(reply == RFCVectors.all[0].message)

        let long = hex("01 00 05 01 00 00 00 30" + String(repeating: " 00", count: 40))
        let classError = try #require(#expect(throws: M3UADecodingError.self) { try M3UAMessage(decoding: long) })
        let classReply = try #require(classError.reply(to: long))
        #expect(classReply.errorCode == .unsupportedMessageClass)
        #expect(classReply.diagnosticInformation.map(Array.init) == Array(long.prefix(40)))
        #expect(try M3UAMessage(decoding: try classReply.encoded()) == classReply)
    }

    @Test func noReplyToAnError() throws {
        // RFC 4666 §3.8.1: "Error messages MUST NOT be generated in response to other Error messages."
        let err = hex("01 00 00 00 00 00 00 10 00 0c 00 06 00 00 00 00")
        let error = try #require(#expect(throws: M3UADecodingError.self) { try M3UAMessage(decoding: err) })
        #expect(error.reply(to: err) == nil)
    }

}
