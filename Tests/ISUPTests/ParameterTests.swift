import ISUP
import OracleSupport
import Testing

/// Typed parameters: each value is derived by hand from the bit layouts of Q.763 §3 (isup-q763.md §3.2, §4) or
/// taken from a public vector (named), and the expected fields are read off that layout. Both directions are
/// checked: the octets decode to exactly these fields, and the fields alone (no "hex") encode to the octets.
@Suite struct ParameterTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let code: UInt8
        let hex: String
        let fields: JSONObject
        let note: String
        var testDescription: String { "\(ParameterCode(code).name) \(hex)" }
    }

    static let rows: [Row] = [
        Row(code: 0x06, hex: "15", fields: ["satelliteIndicator": .int(1), "continuityCheckIndicator": .int(1),
                                            "echoControlDeviceIndicator": .int(1)], note: "0001 0101: BA=01 DC=01 E=1"),
        Row(code: 0x07, hex: "6001", fields: [
            "nationalInternationalCallIndicator": .int(0), "endToEndMethodIndicator": .int(0),
            "interworkingIndicator": .int(0), "endToEndInformationIndicator": .int(0), "isdnUserPartIndicator": .int(1),
            "isdnUserPartPreferenceIndicator": .int(1), "isdnAccessIndicator": .int(1), "sccpMethodIndicator": .int(0),
            "portedNumberTranslationIndicator": .int(0), "queryOnReleaseAttemptIndicator": .int(0),
        ], note: "isup-q763.md §7.1 octets 5-6"),
        Row(code: 0x08, hex: "83", fields: ["closedUserGroupCallIndicator": .int(3), "simpleSegmentationIndicator": .int(0),
                                            "connectedLineIdentityRequestIndicator": .int(1)], note: "BA=11 C=0 H=1"),
        Row(code: 0x09, hex: "0A", fields: ["value": .int(10)], note: "ordinary calling subscriber"),
        Row(code: 0x02, hex: "03", fields: ["value": .int(3)], note: "3.1 kHz audio"),
        Row(code: 0x3E, hex: "00", fields: ["value": .int(0)], note: "TMR prime: speech"),
        Row(code: 0x35, hex: "03", fields: ["value": .int(3)], note: "TMU: 3.1 kHz audio (vectors.md A8)"),
        Row(code: 0x04, hex: "83 90 79 70 45 26 09", fields: [
            "natureOfAddress": .int(3), "internalNetworkNumber": .int(1), "numberingPlan": .int(1),
            "digits": .string("970754629")], note: "vectors.md A3 called party number"),
        Row(code: 0x04, hex: "04 10 93 6C 10 32 54", fields: [
            "natureOfAddress": .int(4), "internalNetworkNumber": .int(0), "numberingPlan": .int(1),
            "digits": .string("39C6012345")], note: "ST 769 §6.1: routing number digit C = nibble 0xC, NAI 4 (R-GEN-4)"),
        Row(code: 0x04, hex: "04 10 93 1C 72 50" + String(repeating: " 32", count: 11), fields: [
            "natureOfAddress": .int(4), "internalNetworkNumber": .int(0), "numberingPlan": .int(1),
            "digits": .string("39C12705" + String(repeating: "23", count: 11))],
            note: "ST 769 GEN-03: WLR, 30 digits after '+', even indicator"),
        Row(code: 0x0A, hex: "03 13 94 03 42 30 93 20", fields: [
            "natureOfAddress": .int(3), "numberIncomplete": .int(0), "numberingPlan": .int(1), "presentation": .int(0),
            "screening": .int(3), "digits": .string("493024033902")], note: "vectors.md A1 calling party number"),
        Row(code: 0x0A, hex: "00 0B", fields: [
            "natureOfAddress": .int(0), "numberIncomplete": .int(0), "numberingPlan": .int(0), "presentation": .int(2),
            "screening": .int(3), "digits": .string("")], note: "Q.763 §3.10: address not available is exactly 00 0B"),
        Row(code: 0x21, hex: "01 43 83 60 38", fields: [
            "natureOfAddress": .int(1), "numberingPlan": .int(4), "presentation": .int(0), "screening": .int(3),
            "digits": .string("380683")], note: "vectors.md A8 connected number"),
        Row(code: 0x0B, hex: "03 10 09 00 00 00 00", fields: [
            "natureOfAddress": .int(3), "numberingPlan": .int(1), "presentation": .int(0),
            "digits": .string("9000000000")], note: "vectors.md A4 redirecting number"),
        Row(code: 0x0C, hex: "04 10 21 43", fields: [
            "natureOfAddress": .int(4), "internalNetworkNumber": .int(0), "numberingPlan": .int(1),
            "digits": .string("1234")], note: "redirection number: called party number layout"),
        Row(code: 0x28, hex: "83 14 21 43 05", fields: [
            "natureOfAddress": .int(3), "numberingPlan": .int(1), "presentation": .int(1),
            "digits": .string("12345")], note: "original called number: odd, APRI restricted"),
        Row(code: 0x3F, hex: "83 17 17 50 20 03 00", fields: [
            "natureOfAddress": .int(3), "internalNetworkNumber": .int(0), "numberingPlan": .int(1),
            "presentation": .int(1), "screening": .int(3), "digits": .string("710502300")],
            note: "vectors.md A3 location number"),
        Row(code: 0xC0, hex: "06 03 13 21 43", fields: [
            "numberQualifier": .int(6), "natureOfAddress": .int(3), "numberIncomplete": .int(0),
            "numberingPlan": .int(1), "presentation": .int(0), "screening": .int(3), "digits": .string("1234")],
            note: "generic number: additional calling party number"),
        Row(code: 0x05, hex: "80 65 0F", fields: ["digits": .string("56F")], note: "isup-q763.md §7.4 SAM"),
        Row(code: 0x23, hex: "20 21 43", fields: [
            "typeOfNetworkIdentification": .int(2), "networkIdentificationPlan": .int(0), "digits": .string("1234")],
            note: "transit network selection: national network identification 1234"),
        Row(code: 0x12, hex: "82 90", fields: [
            "value": .int(16), "location": .int(2), "codingStandard": .int(0), "diagnostics": .string("")],
            note: "isup-q763.md §7.3"),
        Row(code: 0x12, hex: "02 80 91 8A", fields: [
            "value": .int(17), "location": .int(2), "codingStandard": .int(0), "recommendation": .int(0),
            "diagnostics": .string("8A")], note: "ext 0 in octet 3 → octet 3a (Q.931), cause 17, one diagnostic"),
        Row(code: 0x13, hex: "03 32", fields: [
            "redirectingIndicator": .int(3), "originalRedirectionReason": .int(0), "redirectionCounter": .int(2),
            "redirectingReason": .int(3)], note: "vectors.md A4 redirection information"),
        Row(code: 0x24, hex: "81", fields: ["eventIndicator": .int(1), "eventPresentationRestrictedIndicator": .int(1)],
            note: "ALERTING, presentation restricted"),
        Row(code: 0x22, hex: "01", fields: ["suspendResumeIndicator": .int(1)], note: "network initiated"),
        Row(code: 0x15, hex: "01", fields: ["typeIndicator": .int(1)], note: "hardware failure oriented"),
        Row(code: 0x16, hex: "07 FF", fields: ["range": .int(7), "status": .string("FF")], note: "isup-q763.md §7.4 CGB"),
        Row(code: 0x16, hex: "1E", fields: ["range": .int(30)], note: "isup-q763.md §7.4 GRS: range only"),
        Row(code: 0x3D, hex: "1F", fields: ["hopCounter": .int(31)], note: "hop counter 31"),
        Row(code: 0x0E, hex: "01 00", fields: [
            "callingPartyAddressRequestIndicator": .int(1), "holdingIndicator": .int(0),
            "callingPartysCategoryRequestIndicator": .int(0), "chargeInformationRequestIndicator": .int(0),
            "maliciousCallIdentificationRequestIndicator": .int(0)], note: "A=1"),
        Row(code: 0x0F, hex: "23 00", fields: [
            "callingPartyAddressResponseIndicator": .int(3), "holdProvidedIndicator": .int(0),
            "callingPartysCategoryResponseIndicator": .int(1), "chargeInformationResponseIndicator": .int(0),
            "solicitedInformationIndicator": .int(0)], note: "BA=11 address included, F=1 category included"),
        Row(code: 0x10, hex: "01", fields: ["continuityIndicator": .int(1)], note: "continuity check successful"),
        Row(code: 0x1D, hex: "80 90 A3", fields: [
            "codingStandard": .int(0), "informationTransferCapability": .int(0), "transferMode": .int(0),
            "informationTransferRate": .int(16), "layer1Protocol": .int(3)],
            note: "isup-q763.md §3.2: speech, 64 kbit/s, G.711 A-law"),
        Row(code: 0x03, hex: "1E 02 81 88", fields: [
            "informationElements": .array([.object([
                "identifier": .int(0x1E), "name": .string("progressIndicator"), "hex": .string("8188")])])],
            note: "vectors.md A9: Q.931 progress indicator"),
        Row(code: 0x39, hex: "F2 83", fields: [
            "entries": .array([.object([
                "parameter": .int(0xF2), "name": .string("parameter0xF2"),
                "indicators": .object([
                    "transitAtIntermediateExchangeIndicator": .int(1), "releaseCallIndicator": .int(1),
                    "sendNotificationIndicator": .int(0), "discardMessageIndicator": .int(0),
                    "discardParameterIndicator": .int(0), "passOnNotPossibleIndicator": .int(0), "extension": .int(1)]),
                "instructions": .string("83")])])],
            note: "Q.763 §3.41: end node interpretation, release call, last octet"),
        Row(code: 0x38, hex: "8A", fields: [
            "transitAtIntermediateExchangeIndicator": .int(0), "releaseCallIndicator": .int(1),
            "sendNotificationIndicator": .int(0), "discardMessageIndicator": .int(1), "passOnNotPossibleIndicator": .int(0),
            "broadbandNarrowbandInterworkingIndicator": .int(0), "extension": .int(1)], note: "1000 1010"),
        Row(code: 0x37, hex: "55", fields: [
            "outgoingEchoControlDeviceInformation": .int(1), "incomingEchoControlDeviceInformation": .int(1),
            "outgoingEchoControlDeviceRequest": .int(1), "incomingEchoControlDeviceRequest": .int(1)],
            note: "not included and not available; activation requests"),
        Row(code: 0x31, hex: "00 5A", fields: ["milliseconds": .int(90)], note: "vectors.md A4: 90 ms, MSB first"),
        Row(code: 0x20, hex: "04 41", fields: ["protocolDiscriminator": .int(4), "information": .string("41")],
            note: "IA5 'A'"),
        Row(code: 0x2A, hex: "04", fields: [
            "type": .int(0), "service1": .int(2), "service2": .int(0), "service3": .int(0),
            "networkDiscardIndicator": .int(0)], note: "request, service 1 requested not essential"),
        Row(code: 0x1A, hex: "12 34 00 2A", fields: ["networkIdentity": .string("1234"), "binaryCode": .int(42)],
            note: "Q.763 §3.15: NI digits high nibble first, binary code MSB first"),
        Row(code: 0xC1, hex: "21 21 43 05", fields: [
            "encodingScheme": .int(1), "typeOfDigits": .int(1), "digits": .string("12345")],
            note: "BCD odd, authorisation code 12345"),
        Row(code: 0x01, hex: "00 00 01 E8 03", fields: ["callIdentity": .int(1), "signallingPointCode": .int(1000)],
            note: "call identity 1, SPC 1000 LSB first"),
        Row(code: 0x8D, hex: "83", fields: ["numberPortabilityStatusIndicator": .int(3), "extension": .int(1)],
            note: "query done, ported called subscriber"),
    ]

    @Test(arguments: rows)
    func decodesToFieldsAndBack(_ row: Row) throws {
        let code = ParameterCode(row.code)
        let spec = try #require(code.spec)
        let value = hex(row.hex)
        var decoded = ParameterJSON.object(value[...], spec: spec)
        #expect(decoded["hex"] == .string(Hex.string(value)))
        decoded["hex"] = nil
        #expect(decoded == row.fields, "\(row.note)")
        #expect(try ParameterJSON.value(.object(row.fields), spec: spec, path: "$") == value, "\(row.note)")
    }

    @Test func everyTypedFormatHasARow() {
        let covered = Set(Self.rows.map { ParameterCode($0.code).spec!.format.kind })
        let all = Set(ParameterCatalogue.all.map(\.format.kind)).subtracting(["octets"])
        #expect(all.subtracting(covered).isEmpty, "formats without a test row: \(all.subtracting(covered))")
    }

    @Test func spareBitsSurviveJSONThroughHex() throws {
        // NCI with spare bits HGF = 111: the typed fields cannot say it, "hex" keeps it.
        let spec = try #require(ParameterCode.natureOfConnectionIndicators.spec)
        let json = JSONValue.object(ParameterJSON.object(hex("F5")[...], spec: spec))
        #expect(try ParameterJSON.value(json, spec: spec, path: "$") == hex("F5"))
        // Once a field is edited the typed fields win (and the spare bits go back to 0).
        var edited = try #require(json.object)
        edited["satelliteIndicator"] = .int(0)
        #expect(try ParameterJSON.value(.object(edited), spec: spec, path: "$") == hex("14"))
    }

    @Test func fieldOutOfRangeIsRefusedWithItsPath() throws {
        let spec = try #require(ParameterCode.hopCounter.spec)
        #expect(throws: ISUPJSONError(path: "$.p.hopCounter", reason: "32 is outside 0...31")) {
            try ParameterJSON.value(.object(["hopCounter": .int(32)]), spec: spec, path: "$.p")
        }
    }

    @Test func rangeAndStatusBits() throws {
        // Q.763 §3.43: status bit n (circuit cic + n) is bit n % 8 + 1 of status octet n / 8. Range 9 → 10 circuits,
        // 2 status octets; 0x05 0x02 marks circuits 0, 2 and 9.
        let rs = try RangeAndStatus(decoding: hex("09 05 02")[...])
        #expect((0..<10).filter { rs.isSet($0) } == [0, 2, 9])
        #expect(!rs.isSet(10))
        #expect(!RangeAndStatus(range: 30).isSet(0))  // GRS: no status
        #expect(rs.setStatusBits == [0, 2, 9])
        // Built from offsets: the same octets; offsets past the range are ignored.
        #expect(RangeAndStatus(range: 9, statusBits: [9, 2, 0, 10]).encoded() == hex("09 05 02"))
        #expect(RangeAndStatus(range: 7, statusBits: 0...7).encoded() == hex("07 FF"))
    }

    @Test func rangeAndStatusOfAMessage() throws {
        // Isup-q763.md §7.4: CGB maintenance for CICs 1–8, range 7, status 0xFF.
        var m = try decode("01 00 18 00 01 02 07 FF")
        #expect(m.rangeAndStatus == RangeAndStatus(range: 7, status: [0xFF]))
        m.rangeAndStatus = RangeAndStatus(range: 7, statusBits: [0])
        #expect(try m.encoded() == hex("01 00 18 00 01 02 07 01"))
    }

    @Test func partyNumberAPI() throws {
        var number = PartyNumber(
            layout: ParameterCatalogue.calledLayout, digits: try #require(AddressSignals("0612345678")),
            fields: ["natureOfAddress": 3, "numberingPlan": 1])
        #expect(number.encoded() == hex("03 10 60 21 43 65 87"))
        number.digits = try #require(AddressSignals("390612345678"))
        number.natureOfAddress = PartyNumber.NatureOfAddress.international
        #expect(number.encoded() == hex("04 10 93 60 21 43 65 87"))
        #expect(number["noSuchField"] == nil)
        #expect(AddressSignals("12G") == nil)
        #expect(AddressSignals(String(repeating: "1", count: 33)) == nil)
    }
}

extension ParameterFormat {
    /// The case name, to check that every kind of coding has a test row.
    var kind: String {
        switch self {
        case .indicators: "indicators"
        case .number: "number"
        case .cause: "cause"
        case .rangeAndStatus: "rangeAndStatus"
        case .informationElements: "informationElements"
        case .parameterCompatibility: "parameterCompatibility"
        case .bearerCapability: "bearerCapability"
        case .genericDigits: "genericDigits"
        case .interlockCode: "interlockCode"
        case .callReference: "callReference"
        case .userToUser: "userToUser"
        case .octets: "octets"
        }
    }
}
