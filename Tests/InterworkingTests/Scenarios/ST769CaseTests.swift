import ISUP
import Interworking
import SIPI
import Testing

/// The call-handling test cases of `shared/spec/st769-2-scenarios.md` §6.1–§6.9, run through the engine with the
/// networks of §6.0 (`ST769Network`).
///
/// As originating, Donor or Initiating BG the NP/MNP database look-up, carrier and WLR subscriptions and the caller's
/// area are the switch's (st769-2 §3.1 "the DB lookup itself is in the switch"): its IAM carries the number it built,
/// national form (NAI 3, no "39", ST 763), and the case checks the INVITE. As receiving BG (Recipient, Serving,
/// Donor, Carrier, WLR) the case sends the INVITE and checks the IAM or the Annex A refusal; the DB mismatch of A.2.2
/// is decided by the switch's subscriber data (it releases with cause 63). Transit cases run through the switch: an
/// INVITE in, the IAM out, the switch's IAM back, the INVITE to the next network.
///
/// Not run: GEN-07 ([OPEN], no action defined); MNP-10 and CS-08 (barring and CS applicability are the originating
/// switch's policy: the gateway gets the same IAM as for MNP-02 or a plain call); EM-10 and EM-11 (the area of the
/// terminal or NTP is the switch's knowledge; the number format is EM-02's); §6.10 (trace conversion).
@Suite struct ST769CaseTests {
    // MARK: Originating / Donor / Initiating BG: the switch's number → the INVITE (ISUP → SIP)

    /// One I→S case: the switch's called (and calling) digits and the Request-URI expected, whole or its user part.
    struct Originating: Sendable, CustomTestStringConvertible {
        let id: String
        let called: String
        let calling: String
        let expected: String
        init(_ id: String, _ called: String, _ expected: String, calling: String = "0655512345") {
            self.id = id
            self.called = called
            self.calling = calling
            self.expected = expected
        }
        var testDescription: String { "\(id): \(called) → \(expected)" }
    }

    /// st769-2 §6.1–§6.8 tables, the "Expected output" column.
    static let originating: [Originating] = [
        .init("NP0-01", "0612345678", "sip:+390612345678@opa.it;user=phone"),
        .init("NP0-02", "C600651230612345678", "sip:+39C600651230612345678@opb.it;user=phone"),
        .init("NP0-05", "C600325120287654321", "sip:+39C600325120287654321@opb.it;user=phone"),
        .init("MNP-01", "3913351234567", "sip:+393913351234567@mob1.it;user=phone"),
        .init("MNP-02", "3923351234567", "sip:+393923351234567@mob2.it;user=phone"),
        .init("MNP-07", "393351234567", "sip:+39393351234567@mob1.it;user=phone"),
        .init("MNP-08", "3953351234567", "sip:+393953351234567@mob2.it;user=phone"),
        .init("MNP-11", "10553351234567", "sip:+3910553351234567@car.it;user=phone"),
        .init("N55-01", "C594025512345678", "sip:+39C594025512345678@opb.it;user=phone"),
        .init("N55-03", "C505035512345678", "sip:+39C505035512345678@opc.it;user=phone"),
        .init("NG-01", "C80301800123456", "sip:+39C80301800123456@opa.it;user=phone"),
        .init("NG-01 (0180)", "0180301800123456", "sip:+390180301800123456@opa.it;user=phone"),
        .init("NG-02", "C80503199123456", "sip:+39C80503199123456@opc.it;user=phone"),
        .init("NG-03", "C82301894123", "sip:+39C82301894123@opa.it;user=phone"),
        .init("NG-04 (per minute)", "C703017021234567", "+39C703017021234567"),
        .init("NG-04 (flat rate)", "C723017021234567", "+39C723017021234567"),
        .init("NG-05", "C98301186402", "sip:+39C98301186402@opa.it;user=phone"),
        .init("ABR-03", "3923351234567", "sip:+393923351234567@mob2.it"),
        .init("CS-01", "10550612345678", "sip:+3910550612345678@car.it;user=phone"),
        .init("CS-02", "1012300" + "441234567890123", "+39101230044" + "1234567890123"),
        .init("CS-04", "C10550612345678", "sip:+39C10550612345678@car.it;user=phone"),
        .init("CS-05", "101230612345678", "+39101230612345678"),
        .init("CS-06 (agreement)", "C11550612345678", "+39C11550612345678"),
        .init("CS-06 (no agreement)", "10550612345678", "+3910550612345678"),
        .init("RPV-01", "148212345", "sip:+39148212345@vpn.it;user=phone"),
        .init("WLR-01", "C127050612345678", "sip:+39C127050612345678@wlr.it;user=phone"),
        .init("WLR-02", "C127050999", "+39C127050999"),
        .init("WLR-03", "C97061129402", "sip:+39C97061129402@opa.it;user=phone"),
        .init("WLR-04", "C12705105500441234567890", "+39C12705105500441234567890"),
        .init("EM-01", "C97061129402", "sip:+39C97061129402@opa.it;user=phone"),
        .init("EM-02", "C9703311129402", "+39C9703311129402"),
        .init("EM-03", "C99011115", "+39C99011115"),
    ]

    /// ST769-2 §6.1–§6.8 originating cases (G1, G2, G5, G7): the Request-URI as the case gives it (its host is the
    /// network the RgN names), `user=phone`; the encapsulated CdPN is the user part without "+", NAI international
    /// (§6.0 notation); the PAI user part is the caller's number unchanged.
    @Test("ST769-2 originating BG", arguments: originating)
    func originatingBG(_ c: Originating) throws {
        var s = Scenario(ST769Network.configuration(own: "opb.it"))
        let invite = try s.originate(called: c.called, calling: c.calling)
        let uri = try #require(Scenario.requestURI(invite))
        if c.expected.hasPrefix("sip:") {
            if c.expected.hasSuffix(";user=phone") {
                #expect(uri == c.expected)
            } else {
                #expect(uri.hasPrefix(c.expected + ";") || uri == c.expected)
            }
        } else {
            #expect(ST769Network.user(uri) == c.expected)
        }
        let user = try #require(ST769Network.user(c.expected.hasPrefix("sip:") ? c.expected : "sip:\(c.expected)@x"))
        let cdpn = ST769Network.encapsulated(invite)?.calledPartyNumber
        #expect(cdpn?.digits.description == String(user.dropFirst()))
        #expect(cdpn?.natureOfAddress == 4)
        #expect(cdpn?.numberingPlan == 1)
        #expect(ST769Network.user(invite.header("p-asserted-identity")) == "+39" + c.calling)
        #expect(s.sipSent.isEmpty)
    }

    /// ST769-2 GEN-01: TDM CdPN `0612345678`, own CLI `0655512345`, toward A → R-URI and To
    /// `sip:+390612345678@opa.it;user=phone`, PAI `sip:+390655512345@<own>.it;user=phone`, CdPN `390612345678` and
    /// CgPN `390655512345`, both NAI international.
    @Test("ST769-2 GEN-01: TDM IAM → INVITE, Request-URI, To, PAI and the encapsulated numbers")
    func gen01() throws {
        var s = Scenario(ST769Network.configuration(own: "opb.it"))
        let invite = try s.originate(called: "0612345678")
        #expect(Scenario.requestURI(invite) == "sip:+390612345678@opa.it;user=phone")
        #expect(invite.header("to") == "<sip:+390612345678@opa.it;user=phone>")
        #expect(invite.header("p-asserted-identity")?.contains("sip:+390655512345@opb.it;user=phone") == true)
        let iam = try #require(ST769Network.encapsulated(invite))
        #expect(iam.calledPartyNumber?.digits.description == "390612345678")
        #expect(iam.calledPartyNumber?.natureOfAddress == 4)
        #expect(iam.callingPartyNumber?.digits.description == "390655512345")
        #expect(iam.callingPartyNumber?.natureOfAddress == 4)
    }

    /// ST769-2 GEN-03: the WLR maximum, `+39C12705` + 22 digits (30 after "+"): the CdPN holds 30 digits, even.
    @Test("ST769-2 GEN-03: 30-digit WLR number, CdPN even and not truncated")
    func gen03() throws {
        var s = Scenario(ST769Network.configuration(own: "opb.it"))
        let selection = "0612345678901234567890"
        let invite = try s.originate(called: "C12705" + selection)
        #expect(ST769Network.user(Scenario.requestURI(invite)) == "+39C12705" + selection)
        let cdpn = try #require(ST769Network.encapsulated(invite)?.calledPartyNumber)
        #expect(cdpn.digits.description == "39C12705" + selection)
        #expect(cdpn.digits.count == 30)
        #expect(cdpn.encoded().first.map { $0 & 0x80 } == 0, "odd/even indicator: even")
    }

    /// ST769-2 GEN-05 (G2): overlap on TDM (IAM + SAMs) → exactly one INVITE, en bloc, once the number is complete.
    @Test("ST769-2 GEN-05: IAM + SAMs → one INVITE en bloc")
    func gen05() throws {
        var s = Scenario(ST769Network.configuration(own: "opb.it"))
        s.isup(Fixture.iam(cic: 6, called: "06", calling: "0655512345"))
        s.isup(Fixture.sam(cic: 6, digits: "1234"))
        s.expectQuiet()
        s.isup(Fixture.sam(cic: 6, digits: "5678F"))
        let invite = try s.expectSIP("INVITE")
        #expect(Scenario.requestURI(invite) == "sip:+390612345678@opa.it;user=phone")
        s.advance(.seconds(10))
        // Timer A retransmits the same INVITE (same Call-ID and CSeq); no second INVITE, no INFO.
        #expect(s.sipSent.allSatisfy { $0.message.method != "INFO" && ($0.message.method != "INVITE"
                || ($0.message.header("call-id") == invite.header("call-id") && $0.message.header("cseq") == "1 INVITE")) })
    }

    /// ST769-2 NP0-08: a ported-in user (DN `0612345678`) of B calls out: PAI `sip:+390612345678@opb.it;user=phone`,
    /// CgPN `390612345678`; the CLI never carries C60 or a DCM.
    @Test("ST769-2 NP0-08: ported-in caller → PAI and CgPN carry the DN")
    func np008() throws {
        var s = Scenario(ST769Network.configuration(own: "opb.it"))
        let invite = try s.originate(called: "0287650000", calling: "0612345678")
        #expect(invite.header("p-asserted-identity")?.contains("sip:+390612345678@opb.it;user=phone") == true)
        #expect(ST769Network.encapsulated(invite)?.callingPartyNumber?.digits.description == "390612345678")
    }

    // MARK: Receiving BG: the INVITE → the IAM or the Annex A refusal (SIP → ISUP)

    /// One S→I case: the gateway's network (nil: any receiving BG checking formats only), the Request-URI, and
    /// the outcome.
    struct Receiving: Sendable, CustomTestStringConvertible {
        let id: String
        let own: OperatorIdentity?
        let uri: String
        let outcome: ReceivingOutcome
        var fromISC = false
        var enabledServices: [String: [NumberKind]]? = nil
        var testDescription: String { "\(id): \(uri)" }
    }

    /// Any receiving BG with a domain: A's (§6.0), checking formats and the domain.
    static func any(_ user: String) -> String { "sip:\(user)@opa.it;user=phone" }

    /// st769-2 §6.1–§6.9, the "Expected output" column (484 / #28: E-classes of §4; 500 / #63: E13, E15, E16).
    static let receiving: [Receiving] = [
        .init(id: "GEN-06", own: ST769Network.a, uri: "sip:+39C80503199123456@opa.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "NP0-03", own: ST769Network.b, uri: "sip:+39C600651230612345678@opb.it;user=phone",
              outcome: .accepted("C600651230612345678")),
        .init(id: "NP0-04", own: ST769Network.b, uri: "sip:+39C600657770612345678@opb.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "NP0-06", own: ST769Network.a, uri: any("+39C605651230612345678"), outcome: .refused(484, 28)),
        .init(id: "NP0-07", own: ST769Network.a, uri: any("+39C6006512"), outcome: .refused(484, 28)),
        .init(id: "MNP-03", own: ST769Network.m2, uri: "sip:+393923351234567@mob2.it;user=phone",
              outcome: .accepted("3923351234567")),
        .init(id: "MNP-04", own: ST769Network.m2, uri: "sip:+393913351234567@mob2.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "MNP-05", own: ST769Network.m1, uri: "sip:+393913351234567@mob1.it;user=phone",
              outcome: .releasedBySwitch(63, 500)),
        .init(id: "MNP-06", own: ST769Network.m2, uri: "sip:+393923479999999@mob2.it;user=phone",
              outcome: .releasedBySwitch(63, 500)),
        .init(id: "MNP-09", own: ST769Network.m2, uri: "sip:+39393351234567@mob2.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "N55-02", own: ST769Network.b, uri: "sip:+39C594025512345679@opb.it;user=phone",
              outcome: .accepted("C594025512345679")),
        .init(id: "N55-04", own: ST769Network.c, uri: "sip:+39C505035512345678@opc.it;user=phone",
              outcome: .accepted("C505035512345678")),
        .init(id: "N55-05", own: ST769Network.c, uri: "sip:+39C504025512345678@opc.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "N55-06", own: ST769Network.b, uri: "sip:+39C595035512345678@opb.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "N55-07", own: ST769Network.c, uri: "sip:+39C505035512345670@opc.it;user=phone",
              outcome: .releasedBySwitch(63, 500)),
        .init(id: "N55-08", own: ST769Network.b, uri: "sip:+395512345678@opb.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "N55-09", own: ST769Network.b, uri: "sip:+395512345678@opb.it;user=phone",
              outcome: .accepted("5512345678"), fromISC: true),
        .init(id: "N55-10", own: ST769Network.a, uri: any("+39C5940255123456"), outcome: .refused(484, 28)),
        .init(id: "NG-06", own: ST769Network.c, uri: "sip:+39C80301199123456@opc.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "NG-07 (OP_ID 0XY)", own: ST769Network.a, uri: any("+39C80099800123456"), outcome: .refused(484, 28)),
        .init(id: "NG-07 (OP_ID 1XY)", own: ST769Network.a, uri: any("+39C80150800123456"), outcome: .refused(484, 28)),
        .init(id: "NG-08", own: ST769Network.a, uri: any("+39C8030180"), outcome: .refused(484, 28)),
        .init(id: "NG-09", own: ST769Network.a, uri: any("+39C80301800123456"), outcome: .refused(500, 63),
              enabledServices: ["olo2.it": []]),
        .init(id: "NG-10", own: ST769Network.a, uri: any("+39C98301186402"), outcome: .accepted("C98301186402")),
        .init(id: "CS-03", own: ST769Network.k2, uri: "sip:+3910123" + "004412345678901234" + "@car2.it;user=phone",
              outcome: .refused(484, 28)),
        .init(id: "CS-09", own: ST769Network.k, uri: "sip:+39C10990612345678@car.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "CS-10", own: ST769Network.k, uri: "sip:+39C10550612345678@car.it;user=phone", outcome: .refused(500, 63),
              enabledServices: ["olo2.it": []]),
        .init(id: "RPV-03", own: ST769Network.v, uri: "sip:+391482" + "123456789012345678901" + "@vpn.it;user=phone",
              outcome: .refused(484, 28)),
        .init(id: "WLR-05", own: ST769Network.w, uri: "sip:+39C124020612345678@wlr.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "EM-06", own: ST769Network.a, uri: any("+39C97061319402"), outcome: .accepted("C97061319402")),
        .init(id: "EM-07", own: ST769Network.a, uri: any("+39C97061128402"), outcome: .refused(484, 28)),
        .init(id: "EM-08", own: ST769Network.a, uri: any("+39C97061149402"), outcome: .refused(484, 28)),
        .init(id: "EM-09", own: ST769Network.a, uri: any("+39C996112"), outcome: .refused(484, 28)),
        .init(id: "ERR-01", own: ST769Network.a, uri: "tel:+390612345678", outcome: .refused(484, 28)),
        .init(id: "ERR-03", own: ST769Network.a, uri: "sip:+39-06-12345678@opa.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "ERR-04", own: ST769Network.a, uri: "sip:+390612345678;user=phone", outcome: .refused(484, 28)),
        .init(id: "ERR-05", own: ST769Network.a, uri: "sip:+390612345678@unknown.example;user=phone", outcome: .refused(484, 28)),
        .init(id: "ERR-06", own: ST769Network.a, uri: "sip:39C80301800123456@opa.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "ERR-07", own: ST769Network.a, uri: "sip:+33C80301800123456@opa.it;user=phone", outcome: .refused(484, 28)),
        .init(id: "ERR-08", own: ST769Network.a, uri: any("+39D80301800123456"), outcome: .refused(484, 28)),
        .init(id: "ERR-09 (AB 05)", own: ST769Network.a, uri: any("+39C050612345678"), outcome: .refused(484, 28)),
        .init(id: "ERR-09 (AB 23)", own: ST769Network.a, uri: any("+39C230612345678"), outcome: .refused(484, 28)),
        .init(id: "ERR-10", own: ST769Network.a, uri: any("+39C450612345678"), outcome: .refused(484, 28)),
    ]

    /// ST769-2 §6.2–§6.9 receiving cases: the Request-URI classified with the §6.0 plan and checked against the
    /// gateway's own network (Annex A.1.1, A.1.2, A.2.1: 484 + cause 28; "not enabled": 500 + cause 63); accepted
    /// numbers reach the switch in the trunk's national form; DB mismatches (A.2.2) come back from the switch as
    /// REL 63 → 500.
    @Test("ST769-2 receiving BG", arguments: receiving)
    func receivingBG(_ c: Receiving) throws {
        var s = Scenario(ST769Network.configuration(destination: c.own, enabledServices: c.enabledServices,
                                                    fromISC: c.fromISC))
        try s.receive(ST769Network.invite(c.uri), expecting: c.outcome)
    }

    /// ST769-2 ERR-02: a space in the user part (`sip:+39 0612345678@opa.it;user=phone`) → 484 / #28 (E3). Written
    /// on the request line the space splits it, so libosip2 refuses the request before the engine sees it.
    @Test("ST769-2 ERR-02: space in the Request-URI user part → 484 / #28")
    func err02() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.a))
        try s.receive(ST769Network.invite("sip:+39 0612345678@opa.it;user=phone"), expecting: .refused(484, 28))
    }

    /// ST769-2 GEN-02: an INVITE with R-URI user `+39C594025512345678` and the encapsulated CdPN
    /// `39C594025512345678` at the Donor B: Fig. 11, AB 59, OP_ID 402 (B's own), number 5512345678: no alignment
    /// error, the call reaches the switch.
    @Test("ST769-2 GEN-02: SIP-I INVITE with a C59 RgN in R-URI and CdPN → accepted")
    func gen02() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.b))
        var invite = Scenario.parse(ST769Network.invite("sip:+39C594025512345678@opb.it;user=phone"))
        let template = ISUPMessage(type: .iam, parameters: [
            Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
            Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
            Parameter(code: .callingPartysCategory, value: [0x0A]),
            Parameter(code: .transmissionMediumRequirement, value: [0x00]),
            Parameter(code: .calledPartyNumber, value: Fixture.numberOctets("39C594025512345678", nature: 4)),
            Parameter(code: .callingPartyNumber, value: Fixture.numberOctets("390655512345", nature: 4, octet2: 0x13)),
        ])
        try SIPIBody(isup: template, sdp: Array(Fixture.sdpOffer.utf8)).apply(to: &invite)
        s.sip(invite)
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        #expect(iam.calledPartyNumber?.digits.description == "C594025512345678")
        #expect(iam.callingPartyNumber?.digits.description == "0655512345")
    }

    /// ST769-2 GEN-04 [OPEN]: lower-case `c` is a configurable leniency; with it on, the RgN is accepted and
    /// emitted upper-case only (the ISUP routing digit C, nibble 0xC).
    @Test("ST769-2 GEN-04: lower-case c accepted when configured, emitted upper-case")
    func gen04() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.b) { $0.numbering?.acceptsLowercaseC = true })
        try s.receive(ST769Network.invite("sip:+39c600651230612345678@opb.it;user=phone"),
                      expecting: .accepted("C600651230612345678"))
    }

    /// ST769-2 EM-04: the Serving network receives a NUE call in C99 form (`+39C9906112`) during the transition: it
    /// goes to the PSAP of area 06 with `000` appended as OP_IDorig (§3.8, §5.1).
    @Test("ST769-2 EM-04: C99 NUE call → toward the PSAP with OP_IDorig 000")
    func em04() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.a))
        s.sip(ST769Network.invite(Self.any("+39C9906112")))
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        #expect(iam.calledPartyNumber?.digits.description == "C97061129000")
    }

    /// ST769-2 ERR-15 (G4, Annex A principle): a formal error while the destination is unambiguous — To in a
    /// non-"+" format — does not release the call.
    @Test("ST769-2 ERR-15: To without + → the call continues")
    func err15() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.a))
        try s.receive(ST769Network.invite(Self.any("+390612345678"), to: "sip:0612345678@opa.it"),
                      expecting: .accepted("0612345678"))
    }

    // MARK: Two legs through the switch: Donor, Carrier, WLR and transit roles

    /// The S→I leg at the gateway, then the switch's IAM for the next network → the INVITE toward it.
    static func twoLegs(_ s: inout Scenario, in uri: String, pai: String = "sip:+390655512345@opa.it;user=phone",
                        tdmIn: String, tdmOut: String) throws -> (inLeg: ISUPMessage, invite: SIPMessage) {
        s.sip(ST769Network.invite(uri, pai: pai))
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        #expect(iam.calledPartyNumber?.digits.description == tdmIn)
        let invite = try s.originate(called: tdmOut, calling: iam.callingPartyNumber?.digits.description)
        return (iam, invite)
    }

    /// ST769-2 NP0-09 (G6, G8): transit T, in `sip:+39C600651230612345678@tra.it`, PAI `sip:+390655512345@opa.it` →
    /// out R-URI `sip:+39C600651230612345678@opb.it`, To host `opb.it`, PAI `sip:+390655512345@tra.it`, From host
    /// `tra.it`; the encapsulated ISUP byte-identical.
    @Test("ST769-2 NP0-09: transit → host rewrite, user parts unchanged")
    func np009() throws {
        var s = Scenario(ST769Network.configuration(own: "tra.it"))
        var message = Scenario.parse(ST769Network.invite("sip:+39C600651230612345678@tra.it;user=phone",
                                                          pai: "sip:+390655512345@opa.it;user=phone"))
        let template = ISUPMessage(type: .iam, parameters: [
            Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
            Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
            Parameter(code: .callingPartysCategory, value: [0x0A]),
            Parameter(code: .transmissionMediumRequirement, value: [0x00]),
            Parameter(code: .calledPartyNumber, value: Fixture.numberOctets("39C600651230612345678", nature: 4)),
            Parameter(code: .callingPartyNumber, value: Fixture.numberOctets("390655512345", nature: 4, octet2: 0x13)),
        ])
        try SIPIBody(isup: template, sdp: Array(Fixture.sdpOffer.utf8)).apply(to: &message)
        s.sip(message)
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        let invite = try s.originate(called: try #require(iam.calledPartyNumber?.digits.description),
                                     calling: iam.callingPartyNumber?.digits.description)
        #expect(Scenario.requestURI(invite) == "sip:+39C600651230612345678@opb.it;user=phone")
        #expect(ST769Network.host(invite.header("to")) == "opb.it")
        #expect(invite.header("p-asserted-identity")?.contains("sip:+390655512345@tra.it") == true)
        #expect(ST769Network.host(invite.header("from")) == "tra.it")
        #expect(ST769Network.encapsulated(invite).map { try? $0.encoded(framing: .withoutCIC) } == (try? template.encoded(framing: .withoutCIC)))
    }

    /// Transit cases whose outgoing Request-URI user part and CLI must be the incoming ones (G6, G8): N55-11 (routed
    /// on OP_ID 402 to `opb.it`), EM-05 (on `06` + `112` to the Serving A, OP_IDorig ignored), RPV-02 (called number
    /// exactly as received).
    @Test("ST769-2 N55-11, EM-05, RPV-02: transit → user parts unchanged, host of the RgN's network",
          arguments: [("N55-11", "+39C594025512345678", "opb.it"), ("EM-05", "+39C97061129402", "opa.it"),
                      ("RPV-02", "+39148212345", "vpn.it")])
    func transit(id: String, user: String, host: String) throws {
        var s = Scenario(ST769Network.configuration(own: "tra.it"))
        let tdm = String(user.dropFirst(3))
        let (_, invite) = try Self.twoLegs(&s, in: "sip:\(user)@tra.it;user=phone", tdmIn: tdm, tdmOut: tdm)
        #expect(Scenario.requestURI(invite) == "sip:\(user)@\(host);user=phone", "\(id)")
        #expect(ST769Network.user(invite.header("p-asserted-identity")) == "+390655512345", "\(id)")
    }

    /// ST769-2 CS-07: carrier K outgoing, in `+3910550612345678` with PAI `+390655512345` → out
    /// `sip:+390612345678@opa.it`, PAI user part unchanged. WLR-06: WLR network outgoing, in `+39C127050612345678` →
    /// out `sip:+390612345678@opa.it`, CLI unchanged. MNP-12: carrier K as Initiating, in `+3910553351234567`, MNP DB
    /// → M2: out `sip:+393923351234567@mob2.it`, PAI unchanged. ABR-01: Donor A, ISC peer, plain
    /// `+390612345678` (ported to B) → out as NP0-02. ABR-02: mobile Donor M1, ISC peer, plain `+393351234567` →
    /// out `sip:+393923351234567@mob2.it`.
    @Test("ST769-2 CS-07, WLR-06, MNP-12, ABR-01, ABR-02: in at the network, out after the switch's look-up",
          arguments: [
              ("CS-07", ST769Network.k, false, "sip:+3910550612345678@car.it;user=phone", "10550612345678",
               "0612345678", "sip:+390612345678@opa.it"),
              ("WLR-06", ST769Network.w, false, "sip:+39C127050612345678@wlr.it;user=phone", "C127050612345678",
               "0612345678", "sip:+390612345678@opa.it"),
              ("MNP-12", ST769Network.k, false, "sip:+3910553351234567@car.it;user=phone", "10553351234567",
               "3923351234567", "sip:+393923351234567@mob2.it"),
              ("ABR-01", ST769Network.a, true, "sip:+390612345678@opa.it;user=phone", "0612345678",
               "C600651230612345678", "sip:+39C600651230612345678@opb.it"),
              ("ABR-02", ST769Network.m1, true, "sip:+393351234567@mob1.it;user=phone", "3351234567",
               "3923351234567", "sip:+393923351234567@mob2.it"),
          ])
    func throughTheSwitch(id: String, own: OperatorIdentity, isc: Bool, in uri: String, tdmIn: String,
                          tdmOut: String, out expected: String) throws {
        var s = Scenario(ST769Network.configuration(destination: own, fromISC: isc))
        let (_, invite) = try Self.twoLegs(&s, in: uri, tdmIn: tdmIn, tdmOut: tdmOut)
        #expect(Scenario.requestURI(invite) == expected + ";user=phone", "\(id)")
        #expect(ST769Network.user(invite.header("p-asserted-identity")) == "+390655512345", "\(id)")
    }

    // MARK: Cause mapping (ST 769 Annex A, st769-2 §4 handling rules)

    /// ST769-2 ERR-11 / ERR-12 / MNP-13: the switch releases a call that came in over SIP-I with REL 28 → 484 with
    /// the REL encapsulated (and Reason), REL 63 → 500, not 503, with REL 63 — passed upstream unchanged.
    @Test("ST769-2 ERR-11, ERR-12, MNP-13: TDM REL 28 / 63 → SIP 484 / 500 with the REL encapsulated",
          arguments: [("ERR-11", UInt8(28), 484), ("ERR-12", 63, 500), ("MNP-13", 63, 500)])
    func tdmRelease(id: String, cause: UInt8, status: Int) throws {
        var s = Scenario(ST769Network.configuration())
        try s.receive(ST769Network.invite("sip:+390612345678@sipigw.it;user=phone"),
                      expecting: .releasedBySwitch(cause, status))
    }

    /// ST769-2 MNP-14: 500 with an encapsulated REL 63 → TDM REL 63 (not 41). ERR-13: plain 484 (no ISUP body) →
    /// REL 28. ERR-14 [OPEN]: plain 500, no body, no Reason → REL 63 in the ST 769 profile.
    @Test("ST769-2 MNP-14, ERR-13, ERR-14: SIP 500 / 484 → TDM REL 63 / 28",
          arguments: [("MNP-14", 500, true, UInt8(63)), ("ERR-13", 484, false, 28), ("ERR-14", 500, false, 63)])
    func sipFailure(id: String, status: Int, withREL: Bool, cause: UInt8) throws {
        var s = Scenario()
        let invite = try s.originate(cic: 5, called: "0612345678")
        var response = Scenario.response(status, "Failure", to: invite)
        if withREL { try SIPIBody(isup: Fixture.rel(cic: 0, cause: 63).withoutCIC, sdp: nil).apply(to: &response) }
        s.sip(response)
        try s.expectSIP("ACK")
        try s.expectISUP(.rel, cause: cause)
    }

    /// ST769-2 ERR-14 [OPEN], "make it configurable": the generic default (profile rfc3398, RFC 3398 §8.2.6.1;
    /// st769-3 §11.4) maps the same plain 500 to cause 41.
    @Test("ST769-2 ERR-14: plain 500 → REL 41 under the generic profile")
    func err14Generic() throws {
        var s = Scenario(Fixture.configuration { $0.peers[0].causeProfile = "rfc3398" })
        let invite = try s.originate(cic: 5, called: "0612345678")
        s.sip(Scenario.response(500, "Server Internal Error", to: invite))
        try s.expectSIP("ACK")
        try s.expectISUP(.rel, cause: 41)
    }
}

extension ISUPMessage {
    /// The message as SIP-I carries it (RFC 3204: no CIC).
    var withoutCIC: ISUPMessage {
        var message = self
        message.cic = nil
        return message
    }
}
