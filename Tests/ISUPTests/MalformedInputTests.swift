import ISUP
import OracleSupport
import Testing

/// Every format error of isup-q763.md §1.4 ("Format errors to detect") and §4.1 gives a typed error naming the
/// byte offset (from the first octet given, CIC included) and the field. Each input is a valid vector from
/// MessageTypeVectors/SpecVectors with one octet changed or removed, so a wrong offset or field fails the test.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let hex: String
        let offset: Int
        let field: String
        let reason: ISUPDecodingError.Reason
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty", hex: "", offset: 0, field: "cic", reason: .truncated(needed: 2, available: 0)),
        Case(name: "half a CIC", hex: "01", offset: 0, field: "cic", reason: .truncated(needed: 2, available: 1)),
        Case(name: "no message type", hex: "01 00", offset: 2, field: "messageType", reason: .truncated(needed: 1, available: 0)),
        Case(name: "IAM cut in the forward call indicators", hex: "01 00 01 00 60", offset: 4,
             field: "forwardCallIndicators", reason: .truncated(needed: 2, available: 1)),
        Case(name: "IAM without pointers", hex: "01 00 01 00 60 01 0A 00", offset: 8,
             field: "pointer to calledPartyNumber", reason: .truncated(needed: 2, available: 0)),
        Case(name: "IAM called-party pointer 0", hex: "01 00 01 00 60 01 0A 00 00 00", offset: 8,
             field: "pointer to calledPartyNumber", reason: .zeroPointer),
        Case(name: "IAM called-party pointer past the end", hex: "01 00 01 00 60 01 0A 00 20 00", offset: 8,
             field: "pointer to calledPartyNumber", reason: .pointerOutOfRange(target: 40, messageLength: 10)),
        Case(name: "REL cause length past the end", hex: "01 00 0C 02 00 05 82 90", offset: 5,
             field: "causeIndicators", reason: .lengthOverrun(length: 5, available: 2)),
        Case(name: "REL cause shorter than its minimum", hex: "01 00 0C 02 00 01 82", offset: 5,
             field: "causeIndicators", reason: .tooShort(minimum: 2, actual: 1)),
        Case(name: "REL cause with octet 3a but no cause value", hex: "01 00 0C 02 00 02 02 80", offset: 8,
             field: "causeIndicators", reason: .tooShort(minimum: 3, actual: 2)),
        Case(name: "ACM optional part not closed", hex: "01 00 06 16 14 01 29 01 01", offset: 9,
             field: "optional part", reason: .missingEndOfOptionalParameters),
        Case(name: "ACM optional pointer past the end", hex: "01 00 06 16 14 09 29 01 01 00", offset: 5,
             field: "pointer to optional part", reason: .pointerOutOfRange(target: 14, messageLength: 10)),
        Case(name: "ACM optional parameter length past the end", hex: "01 00 06 16 14 01 29 05 01 00", offset: 7,
             field: "optionalBackwardCallIndicators", reason: .lengthOverrun(length: 5, available: 2)),
        Case(name: "ACM fixed-length optional parameter with LI 2", hex: "01 00 06 16 14 01 29 02 01 00 00", offset: 7,
             field: "optionalBackwardCallIndicators", reason: .wrongLength(expected: 1, actual: 2)),
        Case(name: "ACM optional name without length", hex: "01 00 06 16 14 01 29", offset: 7,
             field: "optionalBackwardCallIndicators", reason: .truncated(needed: 1, available: 0)),
        Case(name: "called number odd with a non-zero filler", hex: "01 00 01 00 60 01 0A 00 02 00 04 81 10 21 F3",
             offset: 14, field: "calledPartyNumber", reason: .fillerNotZero(nibble: 0xF)),
        Case(name: "called number odd with no digits", hex: "01 00 01 00 60 01 0A 00 02 00 02 81 10", offset: 13,
             field: "calledPartyNumber", reason: .invalid("odd indicator set but no address signals")),
        Case(name: "called number with 34 address signals",
             hex: "01 00 01 00 60 01 0A 00 02 00 13 03 10" + String(repeating: " 11", count: 17), offset: 13,
             field: "calledPartyNumber", reason: .digitsOverflow(count: 34, maximum: 32)),
        Case(name: "BLO with a trailing octet", hex: "01 00 13 FF", offset: 3, field: "BLO",
             reason: .invalid("1 trailing octet(s) after the last parameter")),
        Case(name: "ANM with octets after the empty optional pointer", hex: "01 00 09 00 00", offset: 4, field: "ANM",
             reason: .invalid("1 trailing octet(s) after the last parameter")),
        Case(name: "GRA status length not matching the range", hex: "01 00 29 01 03 1E 00 00", offset: 6,
             field: "rangeAndStatus",
             reason: .invalid("range 30 needs 4 status octet(s), found 2 (Q.763 §3.43)")),
        Case(name: "access transport element overrun", hex: "04 00 2C 02 01 03 04 1E 05 81 88 00", offset: 8,
             field: "accessTransport", reason: .lengthOverrun(length: 5, available: 2)),
        Case(name: "parameter compatibility not closed", hex: "01 00 34 01 39 02 F2 03 00", offset: 8,
             field: "parameterCompatibilityInformation",
             reason: .invalid("instruction indicators for parameter0xF2 not closed by an octet with bit 8 = 1")),
        Case(name: "CQR two pointers to the same parameter", hex: "01 00 2B 02 01 01 03", offset: 0, field: "CQR",
             reason: .invalid("parameters overlap (2 octet(s) referenced twice)")),
    ]

    @Test(arguments: cases)
    func reportsOffsetAndField(_ c: Case) {
        do {
            let m = try ISUPMessage(decoding: hex(c.hex), strict: true)
            Issue.record("decoded malformed input as \(m)")
        } catch {
            #expect(error.offset == c.offset)
            #expect(error.field == c.field)
            #expect(error.reason == c.reason)
            #expect(error.description.hasPrefix("offset \(c.offset), \(c.field): "))
        }
    }

    /// The cases whose only fault is the contents of an optional parameter: Q.764 §2.9.5 handles such a parameter
    /// like an unrecognised one, so without `strict` the message decodes, the parameter is kept as octets and
    /// `erroneousParameters` reports the very error `strict` throws; the message re-encodes to the same octets.
    static let optionalContentCases = [
        "ACM fixed-length optional parameter with LI 2", "access transport element overrun",
        "parameter compatibility not closed",
    ]

    @Test(arguments: cases)
    func withoutStrictOnlyOptionalContentsAreForgiven(_ c: Case) throws {
        let bytes = hex(c.hex)
        guard Self.optionalContentCases.contains(c.name) else {
            #expect(throws: ISUPDecodingError(offset: c.offset, field: c.field, reason: c.reason)) {
                try ISUPMessage(decoding: bytes)
            }
            return
        }
        let m = try ISUPMessage(decoding: bytes)
        let erroneous = m.erroneousParameters
        #expect(erroneous.map(\.error) == [ISUPDecodingError(offset: c.offset, field: c.field, reason: c.reason)])
        #expect(erroneous.first.map { m.optionalParameters[$0.index] } == erroneous.first?.parameter)
        #expect(try m.encoded() == bytes)
        #expect(throws: ISUPEncodingError.self) { try m.encoded(strict: true) }
        var cleaned = m
        #expect(cleaned.removeErroneousParameters() == erroneous)
        #expect(cleaned.erroneousParameters.isEmpty)
        #expect(cleaned.optionalParameters.count == m.optionalParameters.count - 1)
    }

    @Test func emptyOptionalPartThroughANonZeroPointerIsAccepted() throws {
        // isup-q763.md §1.4 decoder leniency: a non-zero optional pointer to a lone end-of-optional octet.
        let m = try decode("01 00 09 01 00")
        #expect(m.optionalParameters.isEmpty)
        #expect(try m.encoded() == hex("01 00 09 00"))
    }

    @Test func encoderRefusesOversizedValues() {
        let tooLong = ISUPMessage(
            type: .anm, cic: 1, parameters: [Parameter(code: .accessTransport, value: [UInt8](repeating: 0x1E, count: 256))])
        #expect(throws: ISUPEncodingError.self) { try tooLong.encoded() }
        let noCIC = ISUPMessage(type: .anm, parameters: [])
        #expect(throws: ISUPEncodingError.self) { try noCIC.encoded(framing: .withCIC) }
    }
}
