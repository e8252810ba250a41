import ISUP
import OracleSupport
import Testing

/// One vector per message type of the catalogue, each derived by hand from the Q.763 message tables as summarised
/// in isup-q763.md §2.2 (CIC 1 = `01 00`): the derivation is given per row.
enum MessageTypeVectors {
    struct Row: CustomTestStringConvertible, Sendable {
        let type: MessageType
        let hex: String
        /// Parameter codes expected in the mandatory part, then in the optional part.
        let mandatory: [UInt8]
        let optional: [UInt8]
        let derivation: String
        var testDescription: String { type.acronym }
    }

    static let rows: [Row] = [
        Row(type: .iam, hex: SpecVectors.iam71.hex, mandatory: [0x06, 0x07, 0x09, 0x02, 0x04], optional: [0x0A],
            derivation: "isup-q763.md §7.1"),
        Row(type: .sam, hex: "01 00 02 02 00 03 80 65 0F", mandatory: [0x05], optional: [],
            derivation: "§7.4: pointer 02, optional pointer 00, LI 3, O/E 1, digits 5 6 ST"),
        Row(type: .inr, hex: "01 00 03 01 00 00", mandatory: [0x0E], optional: [],
            derivation: "F: information request indicators 0x0001 (calling party address requested); optional pointer 0"),
        Row(type: .inf, hex: "01 00 04 23 00 00", mandatory: [0x0F], optional: [],
            derivation: "F: information indicators BA=11 address included, F=1 category included; optional pointer 0"),
        Row(type: .cot, hex: "01 00 05 01", mandatory: [0x10], optional: [], derivation: "§7.4 COT success, no optional part"),
        Row(type: .acm, hex: SpecVectors.acm72.hex, mandatory: [0x11], optional: [0x29], derivation: "isup-q763.md §7.2"),
        Row(type: .con, hex: "01 00 07 16 14 00", mandatory: [0x11], optional: [],
            derivation: "F: backward call indicators 16 14 as in §7.2; optional pointer 0"),
        Row(type: .fot, hex: "01 00 08 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .anm, hex: "01 00 09 00", mandatory: [], optional: [], derivation: "§7.4 ANM, nothing optional"),
        Row(type: .rel, hex: "01 00 0C 02 00 02 82 90", mandatory: [0x12], optional: [], derivation: "§7.3 with CIC 1"),
        Row(type: .sus, hex: "01 00 0D 01 00", mandatory: [0x22], optional: [],
            derivation: "F: suspend/resume indicator A=1 network initiated; optional pointer 0"),
        Row(type: .res, hex: "01 00 0E 00 00", mandatory: [0x22], optional: [],
            derivation: "F: suspend/resume indicator A=0 subscriber initiated; optional pointer 0"),
        Row(type: .rlc, hex: "01 00 10 01 12 02 80 90 00", mandatory: [], optional: [0x12],
            derivation: "optional pointer 1 → cause indicators (location user, cause 16), end of optional parameters"),
        Row(type: .ccr, hex: "01 00 11", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .rsc, hex: "01 00 12", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .blo, hex: "01 00 13", mandatory: [], optional: [], derivation: "§7.4 BLO"),
        Row(type: .ubl, hex: "01 00 14", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .bla, hex: "01 00 15", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .uba, hex: "01 00 16", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .grs, hex: "01 00 17 01 01 1E", mandatory: [0x16], optional: [], derivation: "§7.4 GRS CICs 1–31"),
        Row(type: .cgb, hex: "01 00 18 00 01 02 07 FF", mandatory: [0x15, 0x16], optional: [],
            derivation: "§7.4 CGB maintenance CICs 1–8"),
        Row(type: .cgu, hex: "01 00 19 01 01 02 07 0F", mandatory: [0x15, 0x16], optional: [],
            derivation: "CGSMT 01 hardware failure; range 7, status 0x0F = CICs 1–4 unblocked"),
        Row(type: .cgba, hex: "01 00 1A 00 01 02 07 FF", mandatory: [0x15, 0x16], optional: [],
            derivation: "acknowledgement echoing the §7.4 CGB"),
        Row(type: .cgua, hex: "01 00 1B 01 01 02 07 0F", mandatory: [0x15, 0x16], optional: [],
            derivation: "acknowledgement echoing the CGU row"),
        Row(type: .far, hex: "01 00 1F 02 00", mandatory: [0x18], optional: [],
            derivation: "F: facility indicator 0x02 user-to-user service; optional pointer 0"),
        Row(type: .faa, hex: "01 00 20 02 00", mandatory: [0x18], optional: [], derivation: "as FAR"),
        Row(type: .frj, hex: "01 00 21 02 02 00 02 80 95", mandatory: [0x18, 0x12], optional: [],
            derivation: "F: facility indicator 02; pointer 2 → cause (user, 21 call rejected); optional pointer 0"),
        Row(type: .lpa, hex: "01 00 24", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .pam, hex: "01 00 28 09 00", mandatory: [], optional: [],
            derivation: "pass-along carrying an ANM from its message type on (Q.763 PAM)"),
        Row(type: .gra, hex: "01 00 29 01 05 1E 00 00 00 00", mandatory: [0x16], optional: [],
            derivation: "§7.4 GRA, none blocked"),
        Row(type: .cqm, hex: "01 00 2A 01 01 03", mandatory: [0x16], optional: [],
            derivation: "pointer 1 → range and status, range 3 (CICs 1–4), no status"),
        Row(type: .cqr, hex: "01 00 2B 02 03 01 03 04 0C 0C 0C 0C", mandatory: [0x16, 0x26], optional: [],
            derivation: "two pointers: range 3; circuit state indicator 4 × 0x0C (DC=11 idle, no blocking)"),
        Row(type: .cpg, hex: "01 00 2C 01 00", mandatory: [0x24], optional: [],
            derivation: "F: event information 1 ALERTING; optional pointer 0"),
        Row(type: .usr, hex: "01 00 2D 02 00 02 04 41", mandatory: [0x20], optional: [],
            derivation: "pointer 2 → user-to-user information (protocol discriminator 04 IA5, 'A'); optional pointer 0"),
        Row(type: .ucic, hex: "01 00 2E", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .cfn, hex: "01 00 2F 02 00 03 80 E1 FE", mandatory: [0x12], optional: [],
            derivation: "cause 97 (message type non-existent), diagnostic = the message type 0xFE"),
        Row(type: .olm, hex: "01 00 30", mandatory: [], optional: [], derivation: "message type only"),
        Row(type: .crg, hex: "01 00 31 01 02 03", mandatory: [], optional: [],
            derivation: "national format: body kept as octets"),
        Row(type: .nrm, hex: "01 00 32 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .fac, hex: "01 00 33 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .upt, hex: "01 00 34 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .upa, hex: "01 00 35 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .idr, hex: "01 00 36 01 3B 01 01 00", mandatory: [], optional: [0x3B],
            derivation: "optional pointer 1 → MCID request indicators A=1, end"),
        Row(type: .irs, hex: "01 00 37 01 3C 01 01 00", mandatory: [], optional: [0x3C],
            derivation: "optional pointer 1 → MCID response indicators A=1, end"),
        Row(type: .sgm, hex: "01 00 38 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .lop, hex: "01 00 40 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .apm, hex: "01 00 41 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .pri, hex: "01 00 42 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
        Row(type: .sdm, hex: "01 00 43 00", mandatory: [], optional: [], derivation: "optional part only, empty"),
    ]
}

@Suite struct MessageTypeTests {
    @Test func everyCatalogueEntryHasAVector() {
        let covered = Set(MessageTypeVectors.rows.map(\.type))
        let missing = MessageCatalogue.all.filter { !covered.contains($0.type) }.map(\.acronym)
        #expect(missing.isEmpty, "message types without a vector: \(missing)")
    }

    @Test(arguments: MessageTypeVectors.rows)
    func decodesAndReencodes(_ row: MessageTypeVectors.Row) throws {
        let bytes = hex(row.hex)
        let m = try ISUPMessage(decoding: bytes)
        #expect(m.type == row.type, "\(row.derivation)")
        #expect(m.cic != nil)
        #expect(m.mandatoryParameters.map(\.code.rawValue) == row.mandatory, "\(row.derivation)")
        #expect(m.optionalParameters.map(\.code.rawValue) == row.optional, "\(row.derivation)")
        #expect(try m.encoded() == bytes, "\(row.derivation)")
        // The same message without the CIC (SIP-I framing) differs only by the two CIC octets.
        let noCIC = try ISUPMessage(decoding: bytes.dropFirst(2), framing: .withoutCIC)
        #expect(noCIC.cic == nil)
        #expect(try noCIC.encoded(framing: .withoutCIC) == Array(bytes.dropFirst(2)))
    }

    @Test func unknownMessageTypeIsKeptRaw() throws {
        // 0xFE is national use / unknown to this catalogue: the body must survive unchanged.
        let bytes = hex("05 00 FE 01 0A 02 33 44 00")
        let m = try ISUPMessage(decoding: bytes)
        #expect(m.type.rawValue == 0xFE)
        #expect(m.spec == nil)
        #expect(m.body == .raw(hex("01 0A 02 33 44 00")[...]))
        #expect(try m.encoded() == bytes)
    }

    @Test func passAlongValidatesTheEmbeddedMessage() throws {
        // A PAM whose embedded REL is truncated is malformed at the embedded cause's length octet.
        #expect(throws: ISUPDecodingError.self) { try decode("01 00 28 0C 02 00 05 82") }
        let pam = try decode("01 00 28 09 00")
        #expect(pam.json["embedded"]?.object?["type"] == .string("ANM"))
    }

    @Test func messagesWithoutOptionalPartRejectOptionalParameters() {
        let cot = ISUPMessage(
            type: .cot, cic: 1,
            body: .parameters(mandatory: [Parameter(code: .continuityIndicators, value: [1])],
                              optional: [Parameter(code: .hopCounter, value: [5])]))
        #expect(throws: ISUPEncodingError.self) { try cot.encoded() }
    }

    @Test func acronymLookup() {
        #expect(MessageType(acronym: "iam") == .iam)
        #expect(MessageType(acronym: "CGUA") == .cgua)
        #expect(MessageType(acronym: "0xF5") == MessageType(0xF5))
        #expect(MessageType(acronym: "XYZ") == nil)
    }
}
