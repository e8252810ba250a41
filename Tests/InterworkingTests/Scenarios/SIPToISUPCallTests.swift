import ISUP
import Interworking
import SIPI
import Testing

/// SIP → ISUP calls (digest B.2, B.3 second flow): the gateway answers INVITEs as UAS and seizes circuits.
@Suite struct SIPToISUPCallTests {
    /// Brings an S→I call to the IAM: returns the INVITE sent and the IAM the switch got.
    static func setUp(_ s: inout Scenario, invite text: String = Fixture.invite()) throws -> (invite: SIPMessage, iam: ISUPMessage) {
        s.sip(text)
        let trying = try s.expectSIP("100")
        #expect(trying.header("to")?.contains("tag=") == false)
        let iam = try s.expectISUP(.iam)
        return (Scenario.parse(text), iam)
    }

    /// B.2.1 defaults and B.3 second flow: ACM → 180 (reliable: the INVITE supports 100rel), PRACK, ANM → 200 with
    /// the SDP answer, ACK, BYE → REL 16 (location BI, RFC 3398 §8.2.6) and RLC.
    @Test func answeredReleasedBySIP() throws {
        var s = Scenario()
        let (invite, iam) = try Self.setUp(&s)
        // The national trunk writes the called number NAI 3 without "39" (ST 769 §6.1.1); INN not allowed.
        #expect(iam.calledPartyNumber?.digits.description == "0612345678")
        #expect(iam.calledPartyNumber?.natureOfAddress == 3)
        #expect(iam.calledPartyNumber.flatMap { $0["internalNetworkNumber"] } == 1)
        let calling = try #require(iam.callingPartyNumber)
        #expect(calling.digits.description == "0298765432")
        #expect(calling.screening == 3)
        #expect(calling.presentation == 0)
        #expect(iam[.forwardCallIndicators]?.value == [0x48, 0x00])
        #expect(iam.callingPartysCategory == 0x0A)
        #expect(iam.cic == CIC(1))
        s.isup(Fixture.acm(cic: 1))
        let ringing = try s.expectSIP("180")
        #expect(ringing.header("require") == "100rel")
        let rseq = try #require(ringing.header("rseq"))
        #expect(ringing.header("to")?.contains("tag=") == true)
        s.sip(Scenario.peerRequest("PRACK", dialogOf: ringing, peerIsCallee: false, cseq: 2, extra: ["RAck: \(rseq) 1 INVITE"]))
        try s.expectSIP("200")
        s.isup(Fixture.message(.anm, cic: 1))
        let ok = try s.expectSIP("200")
        #expect(ok.header("cseq") == "1 INVITE")
        #expect(ok.parts.contains { $0.mediaType == "application/sdp" })
        let answer = String(decoding: ok.parts.first { $0.mediaType == "application/sdp" }?.bytes ?? [], as: UTF8.self)
        #expect(answer.contains("c=IN IP4 127.0.0.9"))
        s.sip(Scenario.peerRequest("ACK", dialogOf: ok, peerIsCallee: false, cseq: 1))
        s.advance(.seconds(30))
        s.expectQuiet()
        s.sip(Scenario.peerRequest("BYE", dialogOf: ok, peerIsCallee: false, cseq: 3))
        try s.expectSIP("200")
        let rel = try s.expectISUP(.rel, cause: 16)
        #expect(rel.causeIndicators?.location == 10)
        s.isup(Fixture.message(.rlc, cic: 1))
        let record = try s.expectRecord(isupCause: 16, releasedBy: .sip)
        #expect(record.duration == .seconds(30))
        #expect(record.sipCallID == invite.header("call-id"))
        #expect(s.engine.circuitGroup("switch-a")?.idleCount == 31)
    }

    /// Digest B.1.2 (confirmed): REL from the switch → RLC at once, BYE with Reason and the REL encapsulated.
    @Test func answeredReleasedByISUP() throws {
        var s = Scenario()
        _ = try Self.setUp(&s, invite: Fixture.invite(supported: "timer"))
        s.isup(Fixture.acm(cic: 1))
        let ringing = try s.expectSIP("180")
        #expect(ringing.header("rseq") == nil)
        s.isup(Fixture.message(.anm, cic: 1))
        let ok = try s.expectSIP("200")
        s.sip(Scenario.peerRequest("ACK", dialogOf: ok, peerIsCallee: false, cseq: 1))
        s.isup(Fixture.rel(cic: 1, cause: 16))
        try s.expectISUP(.rlc)
        let bye = try s.expectSIP("BYE", reasonCause: 16)
        #expect(Scenario.requestURI(bye) == "sip:caller@127.0.0.2:5060")
        #expect(bye.header("to")?.contains("tag=caller") == true)
        #expect((try SIPIBody(parsing: bye))?.isup.type == .rel)
        s.sip(Scenario.response(200, "OK", to: bye, tag: nil))
        s.expectQuiet()
        try s.expectRecord(isupCause: 16, sipStatus: 200, releasedBy: .isup)
    }

    /// Digest B.3 "early release S→I": REL 17 before answer → RLC, 486 with Reason cause 17 and the REL inside
    /// (RFC 3398 §7.2.4.1: 17 → 486); the ACK goes to the transaction.
    @Test(arguments: [(UInt8(17), 486), (1, 404), (34, 503), (19, 480), (21, 403), (28, 484)])
    func releasedBeforeAnswer(cause: UInt8, status: Int) throws {
        var s = Scenario()
        _ = try Self.setUp(&s)
        s.isup(Fixture.rel(cic: 1, cause: cause))
        try s.expectISUP(.rlc)
        let response = try s.expectSIP("\(status)", reasonCause: cause)
        #expect((try SIPIBody(parsing: response))?.isup.causeIndicators?.value == cause)
        try s.expectRecord(isupCause: cause, sipStatus: status, releasedBy: .isup)
    }

    /// Q.764 T9 (digest D.1, RFC 3666 §2.7): ACM but no ANM in 90 s → REL 19 toward the switch and 480.
    @Test func noAnswerT9() throws {
        var s = Scenario()
        _ = try Self.setUp(&s, invite: Fixture.invite(supported: ""))
        s.isup(Fixture.acm(cic: 1))
        try s.expectSIP("180")
        s.advance(.seconds(89))
        s.expectQuiet()
        s.advance(.seconds(1))
        try s.expectISUP(.rel, cause: 19)
        try s.expectSIP("480", reasonCause: 19)
        s.isup(Fixture.message(.rlc, cic: 1))
        try s.expectRecord(isupCause: 19, sipStatus: 480)
    }

    /// Q.764 T7 (digest D.1): no ACM within 20 s → REL 102 and 504 (RFC 3398: 102 → 504).
    @Test func noACMT7() throws {
        var s = Scenario()
        _ = try Self.setUp(&s)
        s.advance(.seconds(20))
        try s.expectISUP(.rel, cause: 102)
        try s.expectSIP("504", reasonCause: 102)
        s.isup(Fixture.message(.rlc, cic: 1))
        try s.expectRecord(isupCause: 102, sipStatus: 504, releasedBy: .gateway)
    }

    /// Q.764 §2.3.1: REL unanswered → repeated every T1 (15 s); T5 (5 min) → RSC, the circuit reset procedure.
    @Test func relWithoutRLCRepeatsThenResets() throws {
        var s = Scenario()
        _ = try Self.setUp(&s)
        s.advance(.seconds(20))
        try s.expectISUP(.rel, cause: 102)
        try s.expectSIP("504")
        s.advance(.seconds(15))
        try s.expectISUP(.rel, cause: 102)
        s.advance(.seconds(15))
        try s.expectISUP(.rel, cause: 102)
        s.isupSent.removeAll()
        s.advance(.seconds(270))
        #expect(s.isupSent.last?.type == .rsc)
        #expect(s.observations.contains { if case .alert = $0 { true } else { false } })
        try s.expectRecord(isupCause: 102)
    }

    /// RFC 3261 §9.2 and digest B.2.2: CANCEL before answer → 200 (CANCEL), 487 (INVITE), REL (cause of the
    /// st769 profile's CANCEL row), then RLC.
    @Test func cancelBeforeAnswer() throws {
        var s = Scenario()
        _ = try Self.setUp(&s)
        s.isup(Fixture.acm(cic: 1))
        try s.expectSIP("180")
        s.sip("""
            CANCEL sip:+390612345678@sipigw.it;user=phone SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKinvcall-1
            Max-Forwards: 70
            From: <sip:+390298765432@olo2.it;user=phone>;tag=caller
            To: <sip:+390612345678@sipigw.it;user=phone>
            Call-ID: call-1@olo2.it
            CSeq: 1 CANCEL
            Reason: Q.850;cause=16
            Content-Length: 0


            """)
        try s.expectSIP("200")
        try s.expectSIP("487")
        let rel = try s.expectISUP(.rel)
        #expect(rel.causeIndicators?.value == 16)
        s.isup(Fixture.message(.rlc, cic: 1))
        try s.expectRecord(isupCause: 16, sipStatus: 487, releasedBy: .sip)
    }

    /// Digest B.2.1: no route for the Request-URI → 404 with Reason cause 1, nothing on ISUP.
    @Test func noRoute() throws {
        var s = Scenario()
        s.sip(Fixture.invite(to: "+441234567890"))
        try s.expectSIP("100")
        try s.expectSIP("404", reasonCause: 1)
        s.expectQuiet()
        #expect(s.records.isEmpty)
    }

    /// Only configured peers are served (issue, Transports): an INVITE from elsewhere gets 403 and no dialog.
    @Test func unknownSourceRefused() throws {
        var s = Scenario()
        s.sip(Fixture.invite(), from: SIPEndpoint(host: "127.0.0.66"))
        try s.expectSIP("100")
        try s.expectSIP("403")
        #expect(s.engine.activeCalls == 0)
    }

    /// Issue 8: with `unknownSource: drop` a stranger's INVITE gets nothing at all (no 100, no transaction); a host
    /// of the peer's `sources` allowlist is the peer; a response from a stranger never reaches a transaction.
    @Test func sourceAllowlist() throws {
        var s = Scenario(Fixture.configuration {
            $0.policy.unknownSource = .drop
            $0.peers[0].sources = ["127.0.0.20"]
        })
        s.sip(Fixture.invite(callID: "stranger@x"), from: SIPEndpoint(host: "127.0.0.66"))
        s.expectQuiet()
        #expect(s.engine.activeTransactions == 0)
        s.sip(Fixture.invite(), from: SIPEndpoint(host: "127.0.0.20"))
        try s.expectSIP("100")
        try s.expectISUP(.iam)

        var t = Scenario()
        t.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        let invite = try t.expectSIP("INVITE")
        t.sip(Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer), from: SIPEndpoint(host: "127.0.0.66"))
        t.expectQuiet()
        #expect(t.engine.activeCalls == 1)
    }

    /// DUNA (RFC 4666 §3.4.1) for the trunk's DPC refuses SIP calls: 503 + Reason cause 34; DAVA brings GRS.
    @Test func unavailableDestinationRefuses() throws {
        var s = Scenario()
        s.event(.destination(pointCode: Fixture.switchPointCode, available: false))
        s.sip(Fixture.invite())
        try s.expectSIP("100")
        try s.expectSIP("503", reasonCause: 34)
        s.expectQuiet()
        s.event(.destination(pointCode: Fixture.switchPointCode, available: true))
        #expect(s.isupSent.first?.type == .grs)
    }

    /// A trunk with no idle circuit refuses with 503 + cause 34 (issue, Circuits).
    @Test func noIdleCircuit() throws {
        var s = Scenario(Fixture.configuration { $0.trunks[0].circuits.cics = [CICRange(1, 1)!] })
        _ = try Self.setUp(&s)
        s.sip(Fixture.invite(callID: "call-2@olo2.it"))
        try s.expectSIP("100")
        try s.expectSIP("503", reasonCause: 34)
    }

    /// Limits: a trunk's concurrent-call limit refuses beyond it with 503 + cause 42.
    @Test func concurrentCallLimit() throws {
        var s = Scenario(Fixture.configuration { $0.trunks[0].limits = Limits(maxCalls: 1) })
        _ = try Self.setUp(&s)
        s.sip(Fixture.invite(callID: "call-2@olo2.it"))
        try s.expectSIP("100")
        try s.expectSIP("503", reasonCause: 42)
    }

    /// Limits: call attempts per second per peer.
    @Test func callRateLimit() throws {
        var s = Scenario(Fixture.configuration { $0.peers[0].limits = Limits(maxCallsPerSecond: 2) })
        for n in 1...2 { _ = try Self.setUp(&s, invite: Fixture.invite(callID: "rate-\(n)@olo2.it")) }
        s.sip(Fixture.invite(callID: "rate-3@olo2.it"))
        try s.expectSIP("100")
        let refusal = try s.expectSIP("503", reasonCause: 42)
        s.sip(Scenario.ack(refusal, toInvite: Scenario.parse(Fixture.invite(callID: "rate-3@olo2.it"))))
        s.advance(.seconds(1))
        _ = try Self.setUp(&s, invite: Fixture.invite(callID: "rate-4@olo2.it"))
    }

    /// Late offer (digest B.2.1, RFC 3261 §13.2.1): no SDP in the INVITE → TMR 3.1 kHz, the 200 carries our offer.
    @Test func lateOffer() throws {
        var s = Scenario()
        let (_, iam) = try Self.setUp(&s, invite: Fixture.invite(sdp: false, supported: ""))
        #expect(iam[.transmissionMediumRequirement]?.value == [0x03])
        s.isup(Fixture.con(cic: 1))
        let ok = try s.expectSIP("200")
        let sdp = String(decoding: ok.parts.first { $0.mediaType == "application/sdp" }?.bytes ?? [], as: UTF8.self)
        #expect(sdp.contains("m=audio 40000"))
        #expect(sdp.contains("PCMA"))
    }

    /// Digest B.1.3: ACM with in-band information → 183 with the SDP answer (early media); CPG alerting → 180;
    /// CPG forwarded → 181; CON without ACM → 200.
    @Test func provisionalMapping() throws {
        var s = Scenario()
        _ = try Self.setUp(&s, invite: Fixture.invite(supported: ""))
        s.isup(Fixture.acm(cic: 1, subscriberFree: false, inBand: true))
        let progress = try s.expectSIP("183")
        #expect(progress.parts.contains { $0.mediaType == "application/sdp" })
        #expect((try SIPIBody(parsing: progress))?.isup.type == .acm)
        s.isup(Fixture.cpg(cic: 1, event: 6))
        try s.expectSIP("181")
        s.isup(Fixture.cpg(cic: 1, event: 1))
        try s.expectSIP("180")
        s.isup(Fixture.message(.anm, cic: 1))
        let ok = try s.expectSIP("200")
        // The answer went in the 183 already (unreliably): the 200 repeats it (RFC 3261 §13.2.1: the offer is
        // answered in the first reliable response).
        #expect(ok.parts.contains { $0.mediaType == "application/sdp" })
    }
}
