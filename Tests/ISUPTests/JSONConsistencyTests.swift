import ISUP
import OracleSupport
import Testing

/// Issue 10, fuzzing findings on the JSON form: what `decode` prints comes back bit-exactly, what `encode` reads
/// is refused with a typed error or gives a message equal to itself after encode → decode.
@Suite struct JSONConsistencyTests {
    static func roundTrip(_ message: ISUPMessage) throws -> ISUPMessage {
        try ISUPMessage(json: try JSONValue(parsing: JSONValue.object(message.json).jsonText))
    }

    /// Issue 10, fuzzing finding: ACM with optional backward call indicators, cause indicators, optional backward
    /// call indicators again. Grouped under one key, the repeat came back next to the first.
    @Test func nonAdjacentRepeatsKeepTheirOrder() throws {
        let bytes = hex("0000060120012901011202829c29010100")
        let message = try ISUPMessage(decoding: bytes)
        #expect(message.json["optionalOrder"] == .array([
            .string("optionalBackwardCallIndicators"), .string("causeIndicators"), .string("optionalBackwardCallIndicators"),
        ]))
        #expect(try Self.roundTrip(message).encoded() == bytes)
    }

    /// Issue 10, fuzzing finding FuzzISUP (crash-bd1e47c5…): an unrecognised parameter after more than 256
    /// optional ones was written with its position (268) and refused on reading back ("outside 0...255"). Derived by
    /// hand (Q.763 §1.3): ANM on CIC 0, pointer 1, 300 times the unallocated code 0xA4 with one octet, end of
    /// optional parameters.
    @Test func unknownParameterPastTheFirst256KeepsItsPosition() throws {
        let bytes = hex("00000901" + String(repeating: "A40101", count: 300) + "00")
        let message = try ISUPMessage(decoding: bytes)
        #expect(try Self.roundTrip(message).encoded() == bytes)
    }

    /// Adjacent repeats and a mandatory code repeated in the optional part keep the grouped form, unchanged.
    @Test(arguments: ["00000601200129010129010100", "00000C02040282901202829C00"])
    func groupedFormNeedsNoOrder(_ vector: String) throws {
        let message = try decode(vector)
        #expect(message.json["optionalOrder"] == nil)
        #expect(try Self.roundTrip(message).encoded() == hex(vector))
    }

    @Test(arguments: [
        (#"["causeIndicators"]"#, ISUPJSONError(path: "$.optionalOrder", reason: "does not name the optional optionalBackwardCallIndicators")),
        (#"["optionalBackwardCallIndicators", "optionalBackwardCallIndicators"]"#,
         ISUPJSONError(path: "$.optionalOrder[1]", reason: "no optional optionalBackwardCallIndicators left in parameters to place here")),
        (#"["noSuch"]"#, ISUPJSONError(path: "$.optionalOrder[0]", reason: "expected a parameter name")),
    ])
    func optionalOrderMustNameEachOptionalParameterOnce(_ order: String, _ error: ISUPJSONError) {
        let json = #"{"cic":0,"type":"ACM","parameters":{"backwardCallIndicators":{"hex":"0120"},"#
            + #""optionalBackwardCallIndicators":{"hex":"01"},"causeIndicators":{"hex":"829C"}},"optionalOrder":"# + order + "}"
        #expect(throws: error) { try ISUPMessage(json: try JSONValue(parsing: json)) }
    }

    /// Issue 10, fuzzing finding: `1e400` parsed as infinity and was written back as `null`; integers out of range
    /// are refused too, as is text that is not an RFC 8259 §6 number.
    @Test(arguments: ["1e400", "-1e400", "[1E+999]", "99999999999999999999", "-9223372036854775809", "01", "1.", "1e", "-", "1.5e"])
    func numbersThatCannotBeWrittenBackAreErrors(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
    }

    @Test func numbersInRangeParse() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(Int.max))
        #expect(try JSONValue(parsing: "-0") == .int(0))
        #expect(try JSONValue(parsing: "1.5e3") == .double(1500))
        #expect(try JSONValue(parsing: "1e-400") == .double(0))
    }

    /// Issue 10, fuzzing finding: `{"cic":1,"code":48,"hex":""}` (OLM, which has a parameter layout) built a raw
    /// body that encode → decode turned into parameters. A layout type's hex is decoded.
    @Test(arguments: [#"{"cic":1,"code":48,"hex":""}"#, #"{"cic":1,"type":"REL","hex":"0200028290"}"#])
    func hexOfALayoutTypeEqualsItselfAfterEncodeDecode(_ json: String) throws {
        let message = try ISUPMessage(json: try JSONValue(parsing: json))
        #expect(try ISUPMessage(decoding: try message.encoded()) == message)
    }

    @Test func hexOfALayoutTypeThatDoesNotDecodeIsRefused() {
        #expect(throws: ISUPJSONError(path: "$.hex", reason: "offset 3, causeIndicators: length indicator 5 runs past the end of the message (2 octet(s) left)")) {
            try ISUPMessage(json: try JSONValue(parsing: #"{"cic":1,"type":"REL","hex":"0200058290"}"#))
        }
    }

    /// Issue 10, fuzzing finding: the encoder wrote a zero-length access transport that the decoder refuses. The
    /// encoder now runs the decoder's parameter checks (length rule and coding, ParameterCatalogue); each case
    /// comes with the octets the encoder used to write (Q.763 §1.4 layout, written by hand), which the decoder
    /// refuses.
    @Test(arguments: [
        ("ACM", [Parameter(code: .backwardCallIndicators, value: [0x01, 0x20]), Parameter(code: .accessTransport, value: [])],
         "accessTransport", "010006012001030000"),
        ("REL", [Parameter(code: .causeIndicators, value: [0x82])], "causeIndicators", "01000C02000182"),
        // A Q.931 element (0x7E) whose length runs past the access transport value (coding check).
        ("ACM", [Parameter(code: .backwardCallIndicators, value: [0x01, 0x20]), Parameter(code: .accessTransport, value: [0x7E, 0x05])],
         "accessTransport", "01000601200103027E0500"),
    ])
    func encoderRefusesWhatTheDecoderRefuses(_ type: String, _ parameters: [Parameter], _ field: String, _ octets: String) throws {
        let message = ISUPMessage(type: try #require(MessageType(acronym: type)), cic: CIC(1), parameters: parameters)
        do {
            let bytes = try message.encoded(strict: true)
            Issue.record("encoded \(Hex.string(bytes))")
        } catch {
            #expect(error.field == field)
        }
        #expect(throws: ISUPDecodingError.self) { try ISUPMessage(decoding: hex(octets), strict: true) }
        // Without strict, what the encoder writes the decoder reads back: a mandatory parameter still refused by
        // both, an erroneous optional one kept by both and marked.
        let optional = message.optionalParameters.contains { $0.code.name == field }
        guard optional else {
            #expect(throws: ISUPEncodingError.self) { try message.encoded() }
            #expect(throws: ISUPDecodingError.self) { try ISUPMessage(decoding: hex(octets)) }
            return
        }
        #expect(try message.encoded() == hex(octets))
        let decoded = try ISUPMessage(decoding: hex(octets))
        #expect(decoded == message)
        #expect(decoded.erroneousParameters.map(\.error.field) == [field])
    }

    /// A PAM whose embedded message does not decode is refused by the encoder as by the decoder.
    @Test func passAlongBodyMustDecode() {
        let pam = ISUPMessage(type: .pam, cic: CIC(1), body: .raw([0x0C, 0x02, 0x00, 0x05, 0x82, 0x90][...]))
        #expect(throws: ISUPEncodingError.self) { try pam.encoded() }
        #expect(throws: ISUPDecodingError.self) { try ISUPMessage(decoding: [0x01, 0x00, 0x28, 0x0C, 0x02, 0x00, 0x05, 0x82, 0x90]) }
    }
}
