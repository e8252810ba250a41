import ISUP
import Interworking
import SIPI
import Testing

/// Overlap to en-bloc at the NNI (ST 769 §7.3.2, RFC 3578 §2, digest D.3), continuity (Q.764 §2.1.8), ENUM.
@Suite struct OverlapAndContinuityTests {
    /// SAMs are collected until the number is complete by the route's length (12 global digits), then one INVITE
    /// with every digit.
    @Test func completeByLength() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 3, called: "0612"))
        s.expectQuiet()
        s.isup(Fixture.sam(cic: 3, digits: "345"))
        s.expectQuiet()
        s.isup(Fixture.sam(cic: 3, digits: "678"))
        let invite = try s.expectSIP("INVITE")
        #expect(Scenario.requestURI(invite) == "sip:+390612345678@olo2.it;user=phone")
        s.isup(Fixture.sam(cic: 3, digits: "9"))
        s.expectQuiet()
    }

    /// ST (digit F) in a SAM ends the number at once.
    @Test func completeByST() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 3, called: "061234"))
        s.isup(Fixture.sam(cic: 3, digits: "5F"))
        let invite = try s.expectSIP("INVITE")
        #expect(Scenario.requestURI(invite) == "sip:+390612345@olo2.it;user=phone")
    }

    /// T10 (4–6 s, RFC 3578 §2.2) after the minimum: the number is taken as it is; each SAM restarts it.
    @Test func completeByTimer() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 3, called: "06123"))
        s.advance(.seconds(4))
        s.isup(Fixture.sam(cic: 3, digits: "45"))
        s.advance(.seconds(4))
        s.expectQuiet()
        s.advance(.seconds(1))
        let invite = try s.expectSIP("INVITE")
        #expect(Scenario.requestURI(invite) == "sip:+390612345@olo2.it;user=phone")
    }

    /// T35 (15–20 s, corrections #47): fewer digits than the minimum and nothing more → REL 28.
    @Test func tooFewDigitsT35() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 3, called: "06"))
        s.advance(.seconds(15))
        try s.expectISUP(.rel, cause: 28)
        s.isup(Fixture.message(.rlc, cic: 3))
        s.expectQuiet()
        try s.expectRecord(isupCause: 28)
    }

    /// Q.764 §2.1.8: continuity check required → no INVITE until COT (success).
    @Test func continuityThenInvite() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 4, called: "0612345678F", continuity: 1))
        s.expectQuiet()
        s.isup(Fixture.message(.cot, cic: 4, [Parameter(code: .continuityIndicators, value: [0x01])]))
        try s.expectSIP("INVITE")
    }

    /// COT failed (continuity indicator 0) → the call is released.
    @Test func continuityFailed() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 4, called: "0612345678F", continuity: 1))
        s.isup(Fixture.message(.cot, cic: 4, [Parameter(code: .continuityIndicators, value: [0x00])]))
        try s.expectISUP(.rel, cause: 41)
        s.expectQuiet()
    }

    /// T8 (10–15 s): no COT → REL; nothing was sent on SIP.
    @Test func noContinuityT8() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 4, called: "0612345678F", continuity: 2))
        s.advance(.seconds(12))
        try s.expectISUP(.rel, cause: 41)
        s.isup(Fixture.message(.rlc, cic: 4))
        s.expectQuiet()
        try s.expectRecord(isupCause: 41)
    }

    static func enumConfiguration() -> EngineConfiguration {
        Fixture.configuration { $0.routes.enumLookup = .init(zone: "e164.arpa", timeout: .seconds(2)) }
    }

    /// RFC 6116: the lookup's URI names a configured peer's domain → the INVITE goes there with that URI.
    @Test func enumAnswer() throws {
        var s = Scenario(Self.enumConfiguration())
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        let lookup = try #require(s.lookups.first)
        #expect(lookup.number == "390612345678")
        s.event(.lookup(lookup.id, .uri("sip:+390612345678;npdi;rn=C123@plain.it;user=phone")))
        let invite = try s.expectSIP("INVITE")
        #expect(Scenario.requestURI(invite)?.hasSuffix("@plain.it;user=phone") == true)
    }

    /// NXDOMAIN and a timeout both fall back to the route table.
    @Test func enumNotFoundAndTimeout() throws {
        var s = Scenario(Self.enumConfiguration())
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        s.event(.lookup(try #require(s.lookups.first).id, .notFound))
        #expect(Scenario.requestURI(try s.expectSIP("INVITE")) == "sip:+390612345678@olo2.it;user=phone")
        s.isup(Fixture.iam(cic: 7, called: "0612345679F"))
        s.advance(.seconds(2))
        // The first INVITE is retransmitted meanwhile (Timer A); the second call's INVITE goes by the table.
        let uris = s.sipSent.map { Scenario.requestURI($0.message) }
        #expect(uris.filter { $0 == "sip:+390612345679@olo2.it;user=phone" }.count == 1)
        s.sipSent.removeAll()
        // A late answer after the timeout changes nothing.
        s.event(.lookup(s.lookups[1].id, .uri("sip:+390612345679@plain.it")))
        s.expectQuiet()
    }
}
