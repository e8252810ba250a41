import ISUP
import OracleSupport
import Testing

/// The JSON form is a contract (docs/json-schema.md): these tests pin its keys and its errors.
@Suite struct JSONFormTests {
    @Test(arguments: SpecVectors.all + MessageTypeVectors.rows.map { Vector(name: $0.type.acronym, hex: $0.hex, source: $0.derivation) })
    func decodeJSONEncodeIsBitExact(_ v: Vector) throws {
        let bytes = hex(v.hex)
        let text = JSONValue.object(try ISUPMessage(decoding: bytes).json).jsonText
        let back = try ISUPMessage(json: try JSONValue(parsing: text))
        #expect(try back.encoded() == bytes, "\(text)")
    }

    @Test func topLevelKeys() throws {
        let json = try decode(SpecVectors.a1.hex).json
        #expect(json.keys == ["cic", "type", "code", "parameters"])
        #expect(json["cic"] == .int(9))
        #expect(json["type"] == .string("IAM"))
        #expect(json["code"] == .int(1))
        let parameters = try #require(json["parameters"]?.object)
        #expect(parameters.keys == [
            "natureOfConnectionIndicators", "forwardCallIndicators", "callingPartysCategory",
            "transmissionMediumRequirement", "calledPartyNumber", "callingPartyNumber", "unknown",
        ])
        let called = try #require(parameters["calledPartyNumber"]?.object)
        #expect(called["digits"] == .string("9299420008F"))
        #expect(called["natureOfAddress"] == .int(3))
        #expect(called["numberingPlan"] == .int(1))
        #expect(parameters["unknown"] == .array([.object([
            "code": .int(0xF2), "hex": .string("361908000015FFFFFFFFFFFFFFFFFFFF1D4538CB20"), "position": .int(1)])]))
        let noCIC = try ISUPMessage(decoding: hex("09 00"), framing: .withoutCIC).json
        #expect(noCIC["cic"] == nil)
    }

    @Test func repeatableParametersAreArrays() throws {
        let m = ISUPMessage(type: .iam, cic: 1, parameters: [
            Parameter(code: .natureOfConnectionIndicators, value: [0]),
            Parameter(code: .forwardCallIndicators, value: [0x60, 0x01]),
            Parameter(code: .callingPartysCategory, value: [0x0A]),
            Parameter(code: .transmissionMediumRequirement, value: [0]),
            Parameter(code: .calledPartyNumber, value: hex("03 10 21 43")),
            Parameter(code: .genericNumber, value: hex("06 03 13 21 43")),
        ])
        let parameters = try #require(m.json["parameters"]?.object)
        #expect(parameters["genericNumber"]?.array?.count == 1)
    }

    @Test func encodeFromHandWrittenJSON() throws {
        // The REL of isup-q763.md §7.3 written by hand, without "hex".
        let text = #"{"cic": 291, "type": "REL", "parameters": {"causeIndicators": {"value": 16, "location": 2}}}"#
        let m = try ISUPMessage(json: try JSONValue(parsing: text))
        #expect(try m.encoded() == hex(SpecVectors.rel73.hex))
    }

    struct BadJSON: CustomTestStringConvertible, Sendable {
        let json: String
        let error: ISUPJSONError
        var testDescription: String { error.description }
    }

    static let badJSON: [BadJSON] = [
        BadJSON(json: #"{"type": "REL", "parameters": {}}"#, error: ISUPJSONError(path: "$.cic", reason: "missing (use the no-CIC framing for SIP-I bodies)")),
        BadJSON(json: #"{"cic": 1, "type": "XYZ"}"#, error: ISUPJSONError(path: "$.type", reason: "unknown message type \"XYZ\"")),
        BadJSON(json: #"{"cic": 1, "type": "REL", "code": 9}"#, error: ISUPJSONError(path: "$.code", reason: "9 does not match type REL (12)")),
        BadJSON(json: #"{"cic": 1, "type": "REL", "parameters": {}}"#, error: ISUPJSONError(path: "$.parameters.causeIndicators", reason: "missing: mandatory in REL (slot 0)")),
        BadJSON(json: #"{"cic": 1, "type": "ANM", "parameters": {"noSuch": {"hex": "00"}}}"#, error: ISUPJSONError(path: "$.parameters.noSuch", reason: "unknown parameter name (use \"unknown\" with a code)")),
        BadJSON(json: #"{"cic": 4096, "type": "ANM"}"#, error: ISUPJSONError(path: "$.cic", reason: "4096 is outside 0...4095")),
        BadJSON(json: #"{"cic": 1, "type": "REL", "parameters": {"causeIndicators": {"location": 2}}}"#, error: ISUPJSONError(path: "$.parameters.causeIndicators.value", reason: "missing")),
        BadJSON(json: #"{"cic": 1, "type": "SAM", "parameters": {"subsequentNumber": {"digits": "12*"}}}"#, error: ISUPJSONError(path: "$.parameters.subsequentNumber.digits", reason: "\"12*\" is not 0-9/A-F or has more than 32 signals")),
        BadJSON(json: #"{"cic": 1, "type": "ANM", "parameters": {"unknown": [{"code": 240}]}}"#, error: ISUPJSONError(path: "$.parameters.unknown[0].hex", reason: "missing")),
        BadJSON(json: #"{"cic": 1, "type": "ANM", "parameters": {"accessTransport": {"hex": "1E0"}}}"#, error: ISUPJSONError(path: "$.parameters.accessTransport.hex", reason: "not a hex string")),
    ]

    @Test(arguments: badJSON)
    func errorsNameThePath(_ bad: BadJSON) throws {
        #expect(throws: bad.error) { try ISUPMessage(json: try JSONValue(parsing: bad.json)) }
    }

    @Test func parserKeepsKeyOrderAndRejectsBadText() throws {
        let v = try JSONValue(parsing: #"{"b": 1, "a": [true, null, -2.5, "x\u00e9\n"]}"#)
        #expect(v.object?.keys == ["b", "a"])
        #expect(v.object?["a"] == .array([.bool(true), .null, .double(-2.5), .string("xé\n")]))
        #expect(v.jsonText == #"{"b":1,"a":[true,null,-2.5,"xé\n"]}"#)
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: #"{"a": 1,}"#) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: #"{"a": 1, "a": 2}"#) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: String(repeating: "[", count: 100)) }
    }
}
