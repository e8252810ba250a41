import ISUP
import Testing
@testable import SIPI

/// Calling identity ⇄ PAI/Privacy/From (digest sipi-m3ua.md B.5, RFC 3323/3325) and the ST 769 §7.3.1 host rules,
/// with vectors from the ST 769 test cases named per test.
@Suite struct CallingIdentityTests {
    let numbering = TrunkNumbering.national
    let domains = IdentityDomains(own: "olo1.it", peer: "olo2.it")

    func calling(_ digits: String, nai: Int = 4, presentation: Int = 0, screening: Int = 3) -> PartyNumber {
        PartyNumber(layout: ParameterCatalogue.callingLayout, digits: AddressSignals(digits)!,
                    fields: ["natureOfAddress": nai, "numberingPlan": 1, "presentation": presentation, "screening": screening])
    }

    @Test func t25CallerOnOLO1() throws {
        // st769-1 T25: caller DN 0612345678 on olo1, direct to olo2 → PAI sip:+390612345678@olo1.it;user=phone,
        // ISUP CgPN digits 390612345678 (NAI 4).
        let tdm = calling("0612345678", nai: 3)
        let sipI = try numbering.sipI(fromTDM: tdm, as: .calling)
        #expect(sipI.digits.description == "390612345678")
        #expect(sipI.natureOfAddress == 4)
        let identity = try CallingIdentity(callingParty: sipI, numbering: numbering, domains: domains)
        #expect(identity.assertedIdentity?.description == "sip:+390612345678@olo1.it;user=phone")
        #expect(identity.from == "sip:+390612345678@olo1.it;user=phone")
        #expect(identity.privacy == nil)
        #expect(identity.headers(fromTag: "t1").map(\.name) == ["From", "P-Asserted-Identity"])
    }

    @Test func restrictedPresentationGivesPrivacyID() throws {
        let identity = try CallingIdentity(callingParty: calling("390612345678", presentation: 1), numbering: numbering, domains: domains)
        #expect(identity.assertedIdentity?.user == "+390612345678")
        #expect(identity.privacy == "id")
        #expect(identity.from == CallingIdentity.anonymousFrom)
    }

    @Test func unscreenedNumberIsNotAsserted() throws {
        let identity = try CallingIdentity(callingParty: calling("390612345678", screening: 0), numbering: numbering, domains: domains)
        #expect(identity.assertedIdentity == nil)
        #expect(identity.from == "sip:+390612345678@olo1.it;user=phone")
    }

    @Test func addressNotAvailable() throws {
        let none = PartyNumber(layout: ParameterCatalogue.callingLayout, digits: AddressSignals(),
                               fields: ["presentation": 2, "screening": 3])
        #expect(none.encoded() == [0x00, 0x0B])  // Q.763 §3.10
        let identity = try CallingIdentity(callingParty: none, numbering: numbering, domains: domains)
        #expect(identity == CallingIdentity(assertedIdentity: nil, privacy: nil, from: CallingIdentity.anonymousFrom))
        #expect(try CallingIdentity(callingParty: nil, numbering: numbering, domains: domains).assertedIdentity == nil)
    }

    @Test func paiAndPrivacyToCallingPartyNumber() throws {
        let number = try CallingIdentity.callingPartyNumber(
            assertedIdentity: "<sip:+390655512345@olo2.it;user=phone>", privacy: "id;critical", numbering: numbering)
        // Derived by hand (Q.763 §3.10): even, NAI 4 → 04; NI 0, NPI 001, APRI 01, SI 11 → 17; digits 39 06 55 51 23 45.
        #expect(number.encoded() == [0x04, 0x17, 0x93, 0x60, 0x55, 0x15, 0x32, 0x54])
        let open = try CallingIdentity.callingPartyNumber(
            assertedIdentity: "\"Rossi\" <sip:+390655512345@olo2.it;user=phone>", privacy: "none", numbering: numbering)
        #expect(open.presentation == 0)
        let absent = try CallingIdentity.callingPartyNumber(assertedIdentity: nil, privacy: nil, numbering: numbering)
        #expect(absent.encoded() == [0x00, 0x0B])
    }

    @Test func telURIInPAIIsAnAnnexAError() {
        // st769-3 §4.1: the tel URI is not supported; Annex A case (a).
        #expect(throws: NumberingError.self) {
            try CallingIdentity.callingPartyNumber(assertedIdentity: "<tel:+390655512345>", privacy: nil, numbering: numbering)
        }
    }

    @Test func fromThatDiffersFromPAIIsAnAdditionalCallingNumber() throws {
        let extra = try #require(CallingIdentity.additionalCallingNumber(
            from: "<sip:+390611111111@olo2.it;user=phone>;tag=x", assertedIdentity: "<sip:+390655512345@olo2.it;user=phone>",
            numbering: numbering))
        #expect(extra.numberQualifier == 6)
        #expect(extra.screening == 0)
        #expect(extra.digits.description == "390611111111")
        #expect(CallingIdentity.additionalCallingNumber(
            from: "<sip:+390655512345@olo2.it;user=phone>;tag=x", assertedIdentity: "<sip:+390655512345@olo9.it;user=phone>",
            numbering: numbering) == nil)
        #expect(CallingIdentity.additionalCallingNumber(
            from: "\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=y", assertedIdentity: nil, numbering: numbering) == nil)
    }

    @Test func transitHostRules() throws {
        // st769-2 NP0-09 (transit tra.it between opa.it and opb.it): R-URI host opb.it with the user part unchanged,
        // PAI and From host tra.it, CLI unchanged.
        let transit = IdentityDomains(own: "tra.it", peer: "opb.it")
        let rURI = try NNIPhoneURI(parsing: "sip:+39C600651230612345678@tra.it;user=phone")
        #expect(transit.transitRequestURI(rURI).description == "sip:+39C600651230612345678@opb.it;user=phone")
        let pai = try NNIPhoneURI(parsing: "sip:+390655512345@opa.it;user=phone")
        #expect(transit.transitIdentity(pai).description == "sip:+390655512345@tra.it;user=phone")
        let keep = IdentityDomains(own: "tra.it", peer: "opb.it", replaceOriginatingDomainInTransit: false)
        #expect(keep.transitIdentity(pai) == pai)
        // Table 2: INVITE OLO1 → OLO2 has the Request-URI at olo2.it.
        #expect(domains.requestURI(userPart: "+390612345678").description == "sip:+390612345678@olo2.it;user=phone")
    }
}
