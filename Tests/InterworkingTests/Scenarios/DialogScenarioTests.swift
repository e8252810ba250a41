import ISUP
import Interworking
import SIPI
import Testing

/// SIP dialog procedures around the calls: RFC 3261 §13.3.1.4 2xx retransmission, RFC 3262 PRACK, RFC 3311
/// UPDATE, RFC 4028 session timers, in-dialog requests, and the answers to requests that match nothing.
@Suite struct DialogScenarioTests {
    /// S→I call answered; returns the 200 the gateway sent (ACKed unless `ack` is false).
    static func answered(_ s: inout Scenario, invite: String = Fixture.invite(supported: "timer"), ack: Bool = true) throws -> SIPMessage {
        _ = try SIPToISUPCallTests.setUp(&s, invite: invite)
        s.isup(Fixture.con(cic: 1))
        let ok = try s.expectSIP("200")
        if ack { s.sip(Scenario.peerRequest("ACK", dialogOf: ok, peerIsCallee: false, cseq: 1)) }
        return ok
    }

    /// §13.3.1.4: the 2xx is retransmitted at T1, 2·T1 … capped at T2 until the ACK; none after it.
    @Test func okRetransmittedUntilACK() throws {
        var s = Scenario()
        let ok = try Self.answered(&s, ack: false)
        s.advance(.milliseconds(500))
        try s.expectSIP("200")
        s.advance(.seconds(1))
        try s.expectSIP("200")
        s.sip(Scenario.peerRequest("ACK", dialogOf: ok, peerIsCallee: false, cseq: 1))
        s.advance(.seconds(10))
        s.expectQuiet()
    }

    /// §13.3.1.4: no ACK within 64·T1 → BYE, and REL toward the switch.
    @Test func noACKEndsTheCall() throws {
        var s = Scenario()
        _ = try Self.answered(&s, ack: false)
        s.advance(.seconds(32))
        s.sipSent.removeAll { $0.message.statusCode == 200 }
        try s.expectSIP("BYE")
        try s.expectISUP(.rel, cause: 41)
    }

    /// RFC 3262 §3: the reliable 180 is retransmitted until PRACK; without PRACK in 64·T1 the INVITE gets a 5xx and
    /// the switch a REL.
    @Test func noPRACK() throws {
        var s = Scenario()
        _ = try SIPToISUPCallTests.setUp(&s)
        s.isup(Fixture.acm(cic: 1))
        try s.expectSIP("180")
        s.advance(.milliseconds(500))
        let again = try s.expectSIP("180")
        #expect(again.header("rseq") != nil)
        s.advance(.seconds(32))
        s.sipSent.removeAll { $0.message.statusCode == 180 }
        try s.expectSIP("504")
        try s.expectISUP(.rel, cause: 41)
    }

    /// RFC 3262 §3: a 200 for the INVITE waits until the reliable 18x before it is PRACKed.
    @Test func answerHeldUntilPRACK() throws {
        var s = Scenario()
        _ = try SIPToISUPCallTests.setUp(&s)
        s.isup(Fixture.acm(cic: 1))
        let ringing = try s.expectSIP("180")
        s.isup(Fixture.message(.anm, cic: 1))
        s.expectQuiet()
        s.sip(Scenario.peerRequest("PRACK", dialogOf: ringing, peerIsCallee: false, cseq: 2,
                                   extra: ["RAck: \(ringing.header("rseq") ?? "") 1 INVITE"]))
        try s.expectSIP("200")
        let ok = try s.expectSIP("200")
        #expect(ok.header("cseq") == "1 INVITE")
    }

    /// A PRACK that matches no reliable provisional → 481 (RFC 3262 §3).
    @Test func unmatchedPRACK() throws {
        var s = Scenario()
        let ok = try Self.answered(&s)
        s.sip(Scenario.peerRequest("PRACK", dialogOf: ok, peerIsCallee: false, cseq: 2, extra: ["RAck: 99 1 INVITE"]))
        try s.expectSIP("481")
    }

    /// RFC 4028 §9: the INVITE asked for 90 s with the UAC refreshing; the 200 says so (Require: timer). No refresh →
    /// BYE and REL before the session expires (§10: 90 − 30 s).
    @Test func sessionTimerExpiry() throws {
        var s = Scenario()
        let ok = try Self.answered(&s, invite: Fixture.invite(extra: ["Session-Expires: 90;refresher=uac"], supported: "timer"))
        #expect(ok.header("session-expires") == "90;refresher=uac")
        #expect(ok.header("require") == "timer")
        s.advance(.seconds(59))
        s.expectQuiet()
        s.advance(.seconds(1))
        try s.expectSIP("BYE", reasonCause: 16)
        try s.expectISUP(.rel, cause: 16)
    }

    /// RFC 4028 §10 / RFC 3311: an UPDATE refreshes the session (200, no ISUP), the expiry moves.
    @Test func sessionRefreshedByUPDATE() throws {
        var s = Scenario()
        let ok = try Self.answered(&s, invite: Fixture.invite(extra: ["Session-Expires: 90;refresher=uac"], supported: "timer"))
        s.advance(.seconds(45))
        s.sip(Scenario.peerRequest("UPDATE", dialogOf: ok, peerIsCallee: false, cseq: 2,
                                   extra: ["Session-Expires: 90;refresher=uac"]))
        let answer = try s.expectSIP("200")
        #expect(answer.header("cseq") == "2 UPDATE")
        s.advance(.seconds(45))
        s.expectQuiet()
    }

    /// RFC 4028: on an I→S call the 200 makes us the refresher (refresher=uac): an UPDATE at half the interval.
    @Test func weRefreshWithUPDATE() throws {
        var s = Scenario()
        let invite = try ISUPToSIPCallTests.setUp(&s)
        #expect(invite.header("session-expires") == "90")
        s.sip(Scenario.response(200, "OK", to: invite, extra: ["Session-Expires: 90;refresher=uac", "Require: timer"],
                                body: Fixture.sdpOffer))
        try s.expectISUP(.con)
        try s.expectSIP("ACK")
        s.advance(.seconds(45))
        let update = try s.expectSIP("UPDATE")
        #expect(update.header("session-expires")?.hasPrefix("90") == true)
    }

    /// RFC 4028 §6/§8: a Session-Expires below our Min-SE (90 s) gets 422 with Min-SE.
    @Test func sessionIntervalTooSmallFromPeer() throws {
        var s = Scenario()
        s.sip(Fixture.invite(extra: ["Session-Expires: 30"]))
        try s.expectSIP("100")
        let refusal = try s.expectSIP("422")
        #expect(refusal.header("min-se") == "90")
        s.expectQuiet()
    }

    /// A re-INVITE in the confirmed dialog is answered 200 with our SDP and causes no ISUP message (B.2.2).
    @Test func reInviteMapsToNothing() throws {
        var s = Scenario()
        let ok = try Self.answered(&s)
        s.sip(Scenario.peerRequest("INVITE", dialogOf: ok, peerIsCallee: false, cseq: 2, body: Fixture.sdpOffer))
        try s.expectSIP("100")
        let answer = try s.expectSIP("200")
        #expect(answer.parts.contains { $0.mediaType == "application/sdp" })
        #expect(s.isupSent.isEmpty)
    }

    /// INFO with an encapsulated ISUP message (digest A.4) → 200, and the message on the circuit.
    @Test func infoFromPeerToISUP() throws {
        var s = Scenario()
        let ok = try Self.answered(&s)
        var info = Scenario.peerRequest("INFO", dialogOf: ok, peerIsCallee: false, cseq: 2)
        try SIPIBody(isup: Fixture.message(.sus, cic: 0, [Parameter(code: .suspendResumeIndicators, value: [0x01])]))
            .apply(to: &info)
        s.sip(info)
        try s.expectSIP("200")
        let sus = try s.expectISUP(.sus)
        #expect(sus.cic == CIC(1))
    }

    /// ST 769 §7.7.1.1.1: in-dialog OPTIONS every interval; a 481 ends the call on both sides.
    @Test func inDialogOptionsSupervision() throws {
        var s = Scenario(Fixture.configuration { $0.policy.inDialogOptionsInterval = .seconds(30) })
        _ = try Self.answered(&s)
        s.advance(.seconds(30))
        let options = try s.expectSIP("OPTIONS")
        s.sip(Scenario.response(481, "Call/Transaction Does Not Exist", to: options))
        try s.expectISUP(.rel, cause: 41)
    }

    /// RFC 3261 §12.2.2 / §8.2.1 / §11.2: a BYE for no dialog → 481, an unknown method → 501, REGISTER → 405,
    /// out-of-dialog OPTIONS → 200 with Allow.
    @Test func requestsThatMatchNothing() throws {
        var s = Scenario()
        let stray = Scenario.parse(Fixture.invite(callID: "nothing@olo2.it"))
        let fakeOK = Scenario.response(200, "OK", to: stray)
        s.sip(Scenario.peerRequest("BYE", dialogOf: fakeOK, peerIsCallee: false, cseq: 2))
        try s.expectSIP("481")
        s.sip(Scenario.peerRequest("FROB", dialogOf: stray, peerIsCallee: false, cseq: 3))
        try s.expectSIP("501")
        s.sip(Scenario.peerRequest("REGISTER", dialogOf: stray, peerIsCallee: false, cseq: 4))
        let notAllowed = try s.expectSIP("405")
        #expect(notAllowed.headers("allow").contains("INVITE"))
        s.sip(Scenario.peerRequest("OPTIONS", dialogOf: stray, peerIsCallee: false, cseq: 5, extra: []))
        let options = try s.expectSIP("200")
        #expect(options.headers("allow").joined(separator: ",").contains("PRACK"))
    }

    /// RFC 3261 §8.2.2.2 / transaction layer: a request without Via gets 400 or nothing, never a crash.
    @Test func malformedRequest() throws {
        var s = Scenario()
        s.sip("""
            INVITE sip:+390612345678@sipigw.it SIP/2.0
            From: <sip:a@olo2.it>;tag=x
            To: <sip:b@sipigw.it>
            Call-ID: broken@olo2.it
            CSeq: 1 INVITE
            Content-Length: 0


            """)
        #expect(s.engine.activeCalls == 0)
        #expect(s.isupSent.isEmpty)
    }

    /// RFC 3204 §3 / digest A.6: an ISUP part that cannot be used with handling=required → 415 with Accept.
    @Test func requiredISUPPartNotUnderstood() throws {
        var s = Scenario()
        var invite = Scenario.parse(Fixture.invite())
        try SIPIBody(isup: Fixture.iam(cic: 0, called: "390612345678"), sdp: Array(Fixture.sdpOffer.utf8), handling: .required).apply(to: &invite)
        invite.parts[1].bytes = [0x01, 0x00]
        s.sip(invite)
        try s.expectSIP("100")
        let refusal = try s.expectSIP("415")
        #expect(refusal.headers("accept").contains("application/ISUP"))
        #expect(s.isupSent.isEmpty)
    }

    /// An encapsulated IAM in the NNI's number form (international, with 39), other fields off the defaults.
    static let template = ISUPMessage(type: .iam, parameters: [
        Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
        Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
        Parameter(code: .callingPartysCategory, value: [0x0F]),
        Parameter(code: .transmissionMediumRequirement, value: [0x00]),
        Parameter(code: .calledPartyNumber, value: Fixture.numberOctets("390699999999", nature: 4)),
        Parameter(code: .callingPartyNumber, value: Fixture.numberOctets("390211111111", nature: 4, octet2: 0x13)),
    ])

    /// Digest A.5: the encapsulated IAM is the template (its calling party category, its CgPN), the Request-URI
    /// gives the called number.
    @Test func encapsulatedIAMIsTheTemplate() throws {
        var s = Scenario()
        var invite = Scenario.parse(Fixture.invite())
        try SIPIBody(isup: Self.template, sdp: Array(Fixture.sdpOffer.utf8)).apply(to: &invite)
        s.sip(invite)
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        #expect(iam.callingPartysCategory == 0x0F)
        #expect(iam.calledPartyNumber?.digits.description == "0612345678")
        #expect(iam.callingPartyNumber?.digits.description == "0211111111")
        #expect(iam.callingPartyNumber?.natureOfAddress == 3)
    }

    /// An encapsulated IAM whose access transport is erroneous (a Q.931 element running past the parameter,
    /// Q.763 §3.3): the call proceeds and the parameter is not passed on to the switch (Q.764 §2.9.5.3).
    @Test func erroneousParameterOfTheTemplateIsNotPassedOn() throws {
        var s = Scenario()
        var invite = Scenario.parse(Fixture.invite())
        let body = try SIPIBody(isup: ISUPMessage(type: .iam, parameters: Self.template.parameters + [
            Parameter(code: .accessTransport, value: [0x7E, 0x05]),
        ]), sdp: Array(Fixture.sdpOffer.utf8))
        #expect(body.isup.erroneousParameters.map(\.parameter.code) == [.accessTransport])
        try body.apply(to: &invite)
        s.sip(invite)
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        #expect(iam[.accessTransport] == nil)
        #expect(iam.erroneousParameters.isEmpty)
        #expect(s.observations.contains { "\($0)".contains("erroneous accessTransport") })
    }

    /// ST 769 Annex A: a tel: Request-URI (A.1.1 b) and a non-numeric user part are refused with their outcomes.
    @Test(arguments: ["tel:+390612345678", "sip:+39061234x678@sipigw.it;user=phone"])
    func annexARequestURI(_ uri: String) throws {
        var s = Scenario()
        let text = Fixture.invite().replacingFirst("sip:+390612345678@sipigw.it;user=phone SIP/2.0", with: "\(uri) SIP/2.0")
        s.sip(text)
        try s.expectSIP("100")
        let refusal = s.sipSent.first?.message
        #expect(refusal.map { $0.statusCode ?? 0 >= 400 } == true)
        #expect(refusal?.header("reason")?.hasPrefix("Q.850;cause=") == true)
        #expect(s.isupSent.isEmpty)
    }
}

/// Dialog requests that go unanswered or cross (RFC 3261 §17.1.2.2 Timer F, RFC 3311 §5.2 glare).
@Suite struct DialogFailureTests {
    /// Our BYE gets no answer: Timer F (64·T1) ends the transaction, the call ends with one record.
    @Test func byeUnansweredTimerF() throws {
        var s = Scenario()
        _ = try DialogScenarioTests.answered(&s)
        s.isup(Fixture.rel(cic: 1, cause: 16))
        try s.expectISUP(.rlc)
        try s.expectSIP("BYE")
        s.advance(.seconds(31))
        #expect(s.records.isEmpty)
        s.advance(.seconds(1))
        try s.expectRecord(isupCause: 16)
    }

    /// RFC 3311 §5.2: an UPDATE from the peer while our refresh UPDATE is pending → 491; after its answer → 200.
    @Test func updateGlare() throws {
        var s = Scenario()
        let invite = try ISUPToSIPCallTests.setUp(&s)
        let ok = Scenario.response(200, "OK", to: invite, extra: ["Session-Expires: 90;refresher=uac"], body: Fixture.sdpOffer)
        s.sip(ok)
        try s.expectISUP(.con)
        try s.expectSIP("ACK")
        s.advance(.seconds(45))
        let ours = try s.expectSIP("UPDATE")
        s.sip(Scenario.peerRequest("UPDATE", dialogOf: ok, peerIsCallee: true, cseq: 2))
        try s.expectSIP("491")
        s.sip(Scenario.response(200, "OK", to: ours))
        s.sip(Scenario.peerRequest("UPDATE", dialogOf: ok, peerIsCallee: true, cseq: 3))
        try s.expectSIP("200")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
