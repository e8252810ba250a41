import Foundation
import ISUP
import SIPI
import Testing

/// TDM (ST 763, national form) ⇄ SIP-I (global form) numbers, and SIP URI user part ⇄ encapsulated ISUP number.
/// ST 769 §6.1.1 R-GEN-4, §6.1.10 CLI-1/CLI-2; st769-2 G7, GEN-01; st769-1 T8, T25, N18. Expected octets are
/// packed by hand from Q.763 §3.9/§3.10 (odd/even + NAI; INN/NI, NPI, APRI, SI; digits two per octet, low nibble
/// first).
@Suite struct TranslationTests {
    let trunk = TrunkNumbering.national

    func tdmCalled(_ digits: String, nature: Int = 3) -> PartyNumber {
        PartyNumber(layout: ParameterCatalogue.calledLayout, digits: AddressSignals(digits)!,
                    fields: ["natureOfAddress": nature, "internalNetworkNumber": 1, "numberingPlan": 1])
    }

    func tdmCalling(_ digits: String, presentation: Int, screening: Int) -> PartyNumber {
        PartyNumber(layout: ParameterCatalogue.callingLayout, digits: AddressSignals(digits)!,
                    fields: ["natureOfAddress": 3, "numberingPlan": 1, "presentation": presentation, "screening": screening])
    }

    @Test func calledNumberToSIPI() throws {
        // GEN-01: dialled 0612345678 → CdPN 390612345678, NAI international; INN kept.
        let sipI = try trunk.sipI(fromTDM: tdmCalled("0612345678"), as: .called)
        #expect(sipI.encoded() == Hex.bytes("04 90 93 60 21 43 65 87"))
        #expect(try trunk.userPart(of: sipI) == "+390612345678")
    }

    @Test func callingNumberToSIPIKeepsPresentationAndScreening() throws {
        // GEN-01 / CLI-2: own CLI 0655512345 → CgPN 390655512345, NAI international; APRI restricted (1) and
        // screening network provided (3) unchanged: octet 2 = NI 0, NPI 001, APRI 01, SI 11.
        let sipI = try trunk.sipI(fromTDM: tdmCalling("0655512345", presentation: 1, screening: 3), as: .calling)
        #expect(sipI.encoded() == Hex.bytes("04 17 93 60 55 15 32 54"))
        #expect(try trunk.userPart(of: sipI) == "+390655512345")
    }

    @Test func callingNumberBackToTDM() throws {
        // T25 backwards: PAI +390612345678 with APRI allowed, user provided verified (1).
        let sipI = try trunk.sipINumber(userPart: "+390612345678", layout: ParameterCatalogue.callingLayout,
                                        indicators: ["presentation": 0, "screening": 1])
        #expect(sipI.encoded() == Hex.bytes("04 11 93 60 21 43 65 87"))
        let tdm = try trunk.tdm(fromSIPI: sipI, as: .calling)
        #expect(tdm.encoded() == Hex.bytes("03 11 60 21 43 65 87"))
    }

    @Test func routingNumberBothWays() throws {
        // T8 on TDM: NAI 3 C80345800123456 (odd: 15 signals, C = nibble 0xC).
        let tdm = tdmCalled("C80345800123456")
        #expect(tdm.encoded() == Hex.bytes("83 90 8C 30 54 08 10 32 54 06"))
        let sipI = try trunk.sipI(fromTDM: tdm, as: .called)
        #expect(sipI.encoded() == Hex.bytes("84 90 93 8C 30 54 08 10 32 54 06"))
        let user = try trunk.userPart(of: sipI)
        #expect(user == "+39C80345800123456")
        #expect(try Fixtures.plan.classify(sipI).kind == .operatorRouted)
        let back = try trunk.tdm(fromSIPI: trunk.sipINumber(userPart: user, layout: ParameterCatalogue.calledLayout),
                                 as: .called)
        #expect(back.natureOfAddress == 3)
        #expect(back.digits.description == "C80345800123456")
    }

    @Test func foreignNumberStaysInternational() throws {
        // NNI-16: +44555666 is NAI 4 on both sides.
        let sipI = try trunk.sipINumber(userPart: "+44555666", layout: ParameterCatalogue.calledLayout)
        let tdm = try trunk.tdm(fromSIPI: sipI, as: .called)
        #expect(tdm.natureOfAddress == 4)
        #expect(tdm.digits.description == "44555666")
        #expect(try trunk.userPart(of: trunk.sipI(fromTDM: tdm, as: .called)) == "+44555666")
    }

    @Test func endOfPulsingIsDroppedTowardsTheNNIAndAddedTowardsTDM() throws {
        // §7.3.2: en bloc at the NNI; a trunk whose switches expect ST gets it back.
        let sipI = try trunk.sipI(fromTDM: tdmCalled("0612345678F"), as: .called)
        #expect(sipI.digits.description == "390612345678")
        var withST = trunk
        withST.calledEndOfPulsing = true
        #expect(try withST.tdm(fromSIPI: sipI, as: .called).digits.description == "0612345678F")
        #expect(try withST.tdm(fromSIPI: sipI, as: .calling).digits.description == "0612345678")
    }

    @Test func addressNotAvailableIsPassedOn() throws {
        // Q.763 §3.10: APRI "address not available" has no digits (octets 00 0B as in ParameterTests).
        let none = try PartyNumber(decoding: [0x00, 0x0B][...], layout: ParameterCatalogue.callingLayout, field: "cgpn")
        #expect(try trunk.sipI(fromTDM: none, as: .calling).encoded() == [0x00, 0x0B])
        #expect(try trunk.tdm(fromSIPI: none, as: .calling).encoded() == [0x00, 0x0B])
    }

    /// Trunk rules are data: a TDM side that writes everything as NAI 2 "unknown", international numbers with 00.
    @Test func rulesFromConfiguration() throws {
        let json = #"{"called": [{"nature": 2, "globalPrefix": "39"}, {"nature": 2, "tdmPrefix": "00"}]}"#
        let unknownNAI = try JSONDecoder().decode(TrunkNumbering.self, from: Data(json.utf8))
        #expect(unknownNAI.calling == TrunkNumbering.national.calling)
        #expect(unknownNAI.sipINature == 4)
        let national = try unknownNAI.sipI(fromTDM: tdmCalled("0612345678", nature: 2), as: .called)
        #expect(national.digits.description == "390612345678")
        let foreign = try unknownNAI.sipI(fromTDM: tdmCalled("00441234567", nature: 2), as: .called)
        #expect(foreign.digits.description == "441234567")
        // Backwards the longest global prefix wins: +39… is national, not 0039….
        #expect(try unknownNAI.tdm(fromSIPI: national, as: .called).digits.description == "0612345678")
        #expect(try unknownNAI.tdm(fromSIPI: foreign, as: .called).digits.description == "00441234567")
    }

    struct Wrong: CustomTestStringConvertible, Sendable {
        let id: String
        let clause: AnnexACase
        let attempt: @Sendable (TrunkNumbering) throws -> Void
        var testDescription: String { id }
    }

    static let wrongForms: [Wrong] = [
        // N18: the encapsulated CdPN says NAI 3 C80345800123456 where the R-URI says +39C80345800123456.
        Wrong(id: "N18", clause: .notGlobal) { trunk in
            _ = try trunk.userPart(of: PartyNumber(
                layout: ParameterCatalogue.calledLayout, digits: AddressSignals("C80345800123456")!,
                fields: ["natureOfAddress": 3, "numberingPlan": 1]))
        },
        // NAI 1 (subscriber number) has no rule on a national trunk.
        Wrong(id: "NAI 1", clause: .notGlobal) { trunk in
            _ = try trunk.sipI(fromTDM: PartyNumber(
                layout: ParameterCatalogue.calledLayout, digits: AddressSignals("12345678")!,
                fields: ["natureOfAddress": 1]), as: .called)
        },
        // ERR-06: a user part without "+".
        Wrong(id: "ERR-06", clause: .notGlobal) { trunk in
            _ = try trunk.sipINumber(userPart: "39C80301800123456", layout: ParameterCatalogue.calledLayout)
        },
        // ERR-03: visual separators.
        Wrong(id: "ERR-03", clause: .invalidSubscriber) { trunk in
            _ = try trunk.sipINumber(userPart: "+39-06-12345678", layout: ParameterCatalogue.calledLayout)
        },
        // Code 11 (nibble B) is no NNI digit.
        Wrong(id: "signal B", clause: .invalidSubscriber) { trunk in
            _ = try trunk.sipI(fromTDM: PartyNumber(
                layout: ParameterCatalogue.calledLayout, digits: AddressSignals("06B2345678")!,
                fields: ["natureOfAddress": 3]), as: .called)
        },
        // More than 32 signals do not fit an ISUP number.
        Wrong(id: "33 digits", clause: .invalidSubscriber) { trunk in
            _ = try trunk.sipINumber(userPart: "+" + Fixtures.digits(33), layout: ParameterCatalogue.calledLayout)
        },
    ]

    @Test(arguments: wrongForms)
    func wrongFormIsRejected(_ row: Wrong) {
        let error = #expect(throws: NumberingError.self) { try row.attempt(trunk) }
        #expect(error?.clause == row.clause)
        #expect(error?.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484))
    }
}
