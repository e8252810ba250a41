import ISUP
import Interworking
import SIPI
import Testing

/// The basic calls of digest B.3 (RFC 3398 §8.1.1 flow shapes, Q.1912.5): answered and released by each side.
@Suite struct BasicCallTests {
    @Test func isupToSIPAnsweredReleasedByISUP() throws { _ = try Self.answeredReleasedByISUP() }

    @Test func isupToSIPReleasedBySIP() throws { _ = try Self.answeredReleasedBySIP() }

    /// RFC 3261 §17.1.3 matching when the top Via of a response is not the text the engine wrote: a peer that fills
    /// in `rport` and adds `received` (RFC 3581 §4) still reaches the INVITE's transaction (the Via is then parsed),
    /// and a 180 whose branch the engine never sent reaches none (no ACM).
    @Test func responsesMatchedByBranchWhenThePeerRewritesTheVia() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        let invite = try s.expectSIP("INVITE")
        func withVia(_ response: SIPMessage, _ edit: (String) -> String) -> SIPMessage {
            var response = response
            response.setHeader("via", edit(response.header("via") ?? ""))
            return response
        }
        s.sip(withVia(Scenario.response(180, "Ringing", to: invite)) { $0 + "0" })
        s.expectQuiet()
        let rewritten = { (via: String) in via.replacing(";rport;", with: ";rport=5060;received=192.0.2.9;") }
        #expect(rewritten(invite.header("via") ?? "") != invite.header("via"))
        s.sip(withVia(Scenario.response(180, "Ringing", to: invite), rewritten))
        try s.expectISUP(.acm)
        s.sip(withVia(Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer), rewritten))
        try s.expectISUP(.anm)
        try s.expectSIP("ACK")
    }

    /// B.3 en-bloc I→S: IAM → INVITE (SIP-I, IAM encapsulated), 180 → ACM, 200 → ANM + ACK, REL → BYE, RLC.
    /// Returns the finished scenario (its ladder is also checked by `ScenarioCaptureTests`).
    static func answeredReleasedByISUP() throws -> Scenario {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        let invite = try s.expectSIP("INVITE")
        #expect(Scenario.requestURI(invite) == "sip:+390612345678@olo2.it;user=phone")
        #expect(invite.header("p-asserted-identity") == "<sip:+390298765432@sipigw.it;user=phone>")
        let body = try #require(try SIPIBody(parsing: invite))
        #expect(body.isup.type == .iam)
        #expect(body.isup.calledPartyNumber?.digits.description == "390612345678")
        #expect(body.isup.calledPartyNumber?.natureOfAddress == 4)
        #expect(body.sdp != nil)
        s.sip(Scenario.response(100, "Trying", to: invite, tag: nil))
        s.sip(Scenario.response(180, "Ringing", to: invite))
        let acm = try s.expectISUP(.acm)
        #expect(acm.cic == CIC(5))
        #expect(acm.indicators(.backwardCallIndicators)?["calledPartysStatusIndicator"] == 1)
        s.advance(.seconds(3))
        s.sip(Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer))
        try s.expectISUP(.anm)
        let ack = try s.expectSIP("ACK")
        #expect(ack.header("cseq") == "1 ACK")
        #expect(ack.header("to")?.contains("tag=peer") == true)
        s.advance(.seconds(60))
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        let bye = try s.expectSIP("BYE", reasonCause: 16)
        #expect((try SIPIBody(parsing: bye))?.isup.type == .rel)
        s.sip(Scenario.response(200, "OK", to: bye))
        s.expectQuiet()
        let record = try s.expectRecord(isupCause: 16, releasedBy: .isup)
        #expect(record.duration == .seconds(60))
        #expect(record.cic == 5)
        #expect(record.sipCallID == invite.header("call-id"))
        return s
    }

    /// B.3: the SIP side hangs up: BYE → 200 and REL 16 (location BI), then RLC frees the circuit.
    static func answeredReleasedBySIP() throws -> Scenario {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 7, called: "0612345678F"))
        let invite = try s.expectSIP("INVITE")
        s.sip(Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer))
        try s.expectISUP(.con)
        try s.expectSIP("ACK")
        let ok = Scenario.response(200, "OK", to: invite)
        s.sip(Scenario.peerRequest("BYE", dialogOf: ok, peerIsCallee: true, cseq: 1))
        try s.expectSIP("200")
        let rel = try s.expectISUP(.rel, cause: 16)
        #expect(rel.causeIndicators?.location == 10)
        s.isup(Fixture.message(.rlc, cic: 7))
        s.expectQuiet()
        try s.expectRecord(isupCause: 16, releasedBy: .sip)
        return s
    }
}
