import ISUP
import Interworking
import SIPI
import Testing

/// Identities (digest B.5, ST 769 §7.3.1) and dialog routing (RFC 3261 §12.1.2, §16.12) through the engine.
@Suite struct IdentityAndRouteSetTests {
    /// CgPN presentation restricted (Q.763 §3.10 APRI 01), network provided: PAI kept, `Privacy: id`, anonymous From
    /// (RFC 3323 §4.1.1.3).
    @Test func restrictedCallingNumber() throws {
        var s = Scenario()
        var iam = Fixture.iam(cic: 5, called: "0612345678F", calling: nil)
        iam.set(.callingPartyNumber, Fixture.numberOctets("0298765432", octet2: 0x17))
        s.isup(iam)
        let invite = try s.expectSIP("INVITE")
        #expect(invite.header("privacy") == "id")
        #expect(invite.header("from")?.hasPrefix("<sip:anonymous@anonymous.invalid>") == true)
        #expect(invite.header("p-asserted-identity") == "<sip:+390298765432@sipigw.it;user=phone>")
    }

    /// No calling number at all: anonymous From, no PAI.
    @Test func noCallingNumber() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F", calling: nil))
        let invite = try s.expectSIP("INVITE")
        #expect(invite.header("p-asserted-identity") == nil)
        #expect(invite.header("from")?.contains("anonymous.invalid") == true)
    }

    /// S→I: `Privacy: id` on the PAI → CgPN presentation restricted, screening network provided (B.5).
    @Test func privacyToPresentationRestricted() throws {
        var s = Scenario()
        s.sip(Fixture.invite(extra: ["Privacy: id"]))
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        #expect(iam.callingPartyNumber?.presentation == 1)
        #expect(iam.callingPartyNumber?.screening == 3)
    }

    /// RFC 3261 §12.1.2: the UAC's route set is the 2xx's Record-Route reversed; in-dialog requests carry it as
    /// Route and go to the remote target (Contact).
    @Test func routeSetFromRecordRoute() throws {
        var s = Scenario()
        let invite = try ISUPToSIPCallTests.setUp(&s)
        s.sip(Scenario.response(200, "OK", to: invite,
                                extra: ["Record-Route: <sip:p2.olo2.it;lr>, <sip:p1.olo2.it;lr>"], body: Fixture.sdpOffer))
        try s.expectISUP(.con)
        let ack = try s.expectSIP("ACK")
        #expect(ack.headers("route") == ["<sip:p1.olo2.it;lr>", "<sip:p2.olo2.it;lr>"])
        #expect(Scenario.requestURI(ack) == "sip:peer@127.0.0.2:5060")
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        let bye = try s.expectSIP("BYE")
        #expect(bye.headers("route") == ["<sip:p1.olo2.it;lr>", "<sip:p2.olo2.it;lr>"])
    }
}
