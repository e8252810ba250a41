import ISUP
import Interworking
import SIPI
import Testing

/// ISUP → SIP calls beyond the basic ones (digest B.1, B.2.2, C.3, D.3, RFC 3578 §2).
@Suite struct ISUPToSIPCallTests {
    /// IAM with ST on a CIC → the INVITE it produced.
    static func setUp(_ s: inout Scenario, cic: Int = 5, called: String = "0612345678F") throws -> SIPMessage {
        s.isup(Fixture.iam(cic: cic, called: called))
        return try s.expectSIP("INVITE")
    }

    /// The same call answered: 200 with the SDP answer → CON, the ACK (Q.1912.5 §7.2.3); returns the INVITE.
    @discardableResult
    static func setUpAnswered(_ s: inout Scenario, cic: Int = 5) throws -> SIPMessage {
        let invite = try setUp(&s, cic: cic)
        s.sip(Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer))
        try s.expectISUP(.con)
        try s.expectSIP("ACK")
        return invite
    }

    /// Mappings/sip-status-to-isup-cause.csv, st769 profile (via q1912.5, digest C.6): 486 → REL 17, 404 → REL 1,
    /// 480 → REL 20 (Q.1912.5; RFC 3398 says 18), 603 → REL 21; the ACK is the transaction's (§17.1.1.3), the
    /// record keeps both sides' causes.
    @Test(arguments: [(486, UInt8(17)), (404, 1), (480, 20), (603, 21)])
    func failureResponse(status: Int, cause: UInt8) throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(status, "Failure", to: invite))
        try s.expectSIP("ACK")
        try s.expectISUP(.rel, cause: cause)
        s.isup(Fixture.message(.rlc, cic: 5))
        s.expectQuiet()
        try s.expectRecord(isupCause: cause, sipStatus: status, releasedBy: .sip)
    }

    /// Digest C.2 precedence: a Reason Q.850 header in the response wins over the status table.
    @Test func reasonHeaderWins() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(500, "Server Internal Error", to: invite, extra: ["Reason: Q.850;cause=34"]))
        try s.expectSIP("ACK")
        try s.expectISUP(.rel, cause: 34)
    }

    /// Caller abandons before any provisional: no CANCEL yet (RFC 3261 §9.1), RLC at once; the 180 brings the
    /// CANCEL (with Reason), the 487 ends it without another REL (digest C.3).
    @Test func abandonBeforeProvisional() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        s.expectQuiet()
        s.sip(Scenario.response(180, "Ringing", to: invite))
        let cancel = try s.expectSIP("CANCEL", reasonCause: 16)
        #expect(cancel.header("cseq") == "1 CANCEL")
        #expect(cancel.header("via") == invite.header("via"))
        s.sip(Scenario.response(200, "OK", to: cancel))
        s.sip(Scenario.response(487, "Request Terminated", to: invite))
        try s.expectSIP("ACK")
        s.expectQuiet()
        try s.expectRecord(isupCause: 16, sipStatus: 487, releasedBy: .isup)
    }

    /// Caller abandons while the callee rings: CANCEL at once, 487 ACKed.
    @Test func abandonWhileRinging() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(180, "Ringing", to: invite))
        try s.expectISUP(.acm)
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        let cancel = try s.expectSIP("CANCEL", reasonCause: 16)
        s.sip(Scenario.response(200, "OK", to: cancel))
        s.sip(Scenario.response(487, "Request Terminated", to: invite))
        try s.expectSIP("ACK")
        try s.expectRecord(isupCause: 16)
    }

    /// Digest B.1.2: a 200 crossing our CANCEL is ACKed, then the dialog is ended with BYE.
    @Test func okCrossingCancel() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(180, "Ringing", to: invite))
        try s.expectISUP(.acm)
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        let cancel = try s.expectSIP("CANCEL")
        s.sip(Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer))
        try s.expectSIP("ACK")
        let bye = try s.expectSIP("BYE", reasonCause: 16)
        s.sip(Scenario.response(481, "Call/Transaction Does Not Exist", to: cancel))
        s.sip(Scenario.response(200, "OK", to: bye))
        s.expectQuiet()
        try s.expectRecord(isupCause: 16)
    }

    /// REL and BYE crossing after answer: each side's release is answered, one record.
    @Test func relAndByeCrossing() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        let ok = Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer)
        s.sip(ok)
        try s.expectISUP(.con)
        try s.expectSIP("ACK")
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        let bye = try s.expectSIP("BYE")
        s.sip(Scenario.peerRequest("BYE", dialogOf: ok, peerIsCallee: true, cseq: 1))
        try s.expectSIP("200")
        s.sip(Scenario.response(200, "OK", to: bye))
        s.expectQuiet()
        try s.expectRecord(isupCause: 16, releasedBy: .isup)
    }

    /// RFC 3261 §17.1.1.2 Timer A/B over UDP: the INVITE is retransmitted at 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s; at
    /// 32 s Timer B → as a 408 → REL 102 (digest D.2).
    @Test func noResponseTimerB() throws {
        var s = Scenario(Fixture.configuration { $0.timers.t11 = nil })
        _ = try Self.setUp(&s)
        var retransmissions = [Instant]()
        for _ in 0..<64 {
            s.advance(.milliseconds(500))
            while !s.sipSent.isEmpty {
                #expect(s.sipSent.removeFirst().message.method == "INVITE")
                retransmissions.append(s.now)
            }
        }
        #expect(retransmissions.map { $0.sinceEpoch } == [0.5, 1.5, 3.5, 7.5, 15.5, 31.5].map { .milliseconds(Int($0 * 1000)) })
        try s.expectISUP(.rel, cause: 102)
        s.isup(Fixture.message(.rlc, cic: 5))
        try s.expectRecord(isupCause: 102, sipStatus: 408)
    }

    /// Over TCP there are no retransmissions, only Timer B (RFC 3261 §17.1.1.2).
    @Test func noRetransmissionOverTCP() throws {
        var s = Scenario(Fixture.configuration {
            $0.peers[0].address.transport = .tcp
            $0.timers.t11 = nil
        })
        _ = try Self.setUp(&s)
        s.advance(.seconds(31))
        s.expectQuiet()
        s.advance(.seconds(1))
        try s.expectISUP(.rel, cause: 102)
    }

    /// Q.764 T11 (corrections #49): only 100 Trying for 15 s → an early ACM "no indication"; the later 180 is a CPG.
    @Test func earlyACMOnT11() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(100, "Trying", to: invite, tag: nil))
        s.advance(.seconds(15))
        let acm = try s.expectISUP(.acm)
        #expect(acm.indicators(.backwardCallIndicators)?["calledPartysStatusIndicator"] == 0)
        s.sip(Scenario.response(180, "Ringing", to: invite))
        let cpg = try s.expectISUP(.cpg)
        #expect(cpg[.eventInformation]?.value == [1])
    }

    /// Digest B.2.2: 183 with SDP first → ACM with in-band information (optional BCI bit A), 180 then → CPG alerting.
    @Test func earlyMedia() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(183, "Session Progress", to: invite, body: Fixture.sdpOffer))
        let acm = try s.expectISUP(.acm)
        #expect(acm[.optionalBackwardCallIndicators]?.value == [0x01])
        s.sip(Scenario.response(180, "Ringing", to: invite))
        try s.expectISUP(.cpg)
    }

    /// RFC 3262 §4: a reliable 180 (Require: 100rel, RSeq) gets a PRACK with RAck; its retransmission another PRACK
    /// but no second ACM.
    @Test func prackForReliableProvisional() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        #expect(invite.header("supported")?.contains("100rel") == true)
        let ringing = Scenario.response(180, "Ringing", to: invite, extra: ["Require: 100rel", "RSeq: 7"])
        s.sip(ringing)
        try s.expectISUP(.acm)
        let prack = try s.expectSIP("PRACK")
        #expect(prack.header("rack") == "7 1 INVITE")
        #expect(prack.header("cseq") == "2 PRACK")
        #expect(Scenario.requestURI(prack) == "sip:peer@127.0.0.2:5060")
        s.sip(ringing)
        try s.expectSIP("PRACK")
        s.expectQuiet()
    }

    /// Digest A.6: 415 to the SIP-I INVITE → the same INVITE again without the ISUP part, CSeq 2.
    @Test func fallbackWithoutISUPOn415() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(415, "Unsupported Media Type", to: invite, extra: ["Accept: application/sdp"]))
        try s.expectSIP("ACK")
        let retry = try s.expectSIP("INVITE")
        #expect(retry.header("cseq") == "2 INVITE")
        #expect(retry.header("call-id") == invite.header("call-id"))
        #expect(retry.header("content-type") == "application/sdp")
        #expect((try? SIPIBody(parsing: retry)) ?? nil == nil)
        s.expectQuiet()
        s.sip(Scenario.response(200, "OK", to: retry, body: Fixture.sdpOffer))
        try s.expectISUP(.con)
    }

    /// RFC 4028 §6: 422 with Min-SE → the INVITE again with that interval.
    @Test func sessionIntervalTooSmall() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(422, "Session Interval Too Small", to: invite, extra: ["Min-SE: 1800"]))
        try s.expectSIP("ACK")
        let retry = try s.expectSIP("INVITE")
        #expect(retry.header("session-expires") == "1800")
    }

    /// Digest B.2.2 3xx: without redirect policy → REL (the profile's cause); with it → a new INVITE to the Contact.
    @Test func redirection() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        s.sip(Scenario.response(302, "Moved Temporarily", to: invite))
        try s.expectSIP("ACK")
        let rel = try s.expectISUP(.rel)
        #expect(rel.causeIndicators != nil)

        var follow = Scenario(Fixture.configuration { $0.policy.followRedirects = true })
        let first = try Self.setUp(&follow)
        follow.sip(Scenario.response(302, "Moved Temporarily", to: first))
        try follow.expectSIP("ACK")
        let retry = try follow.expectSIP("INVITE")
        #expect(Scenario.requestURI(retry) == "sip:peer@127.0.0.2:5060")
        follow.expectQuiet()
    }

    /// ST 769 profile A peer (plain SIP): the INVITE carries SDP only, no ISUP part.
    @Test func plainSIPPeerGetsNoISUP() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s, called: "0331234567F")
        #expect(Scenario.requestURI(invite) == "sip:+390331234567@plain.it;user=phone")
        #expect(invite.header("content-type") == "application/sdp")
        #expect(s.sipSent.isEmpty)
    }

    /// SIP peer down (OPTIONS supervision): REL 34 at once; back up → calls again.
    @Test func peerDown() throws {
        var s = Scenario()
        s.event(.peer("olo", up: false))
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        try s.expectISUP(.rel, cause: 34)
        s.isup(Fixture.message(.rlc, cic: 5))
        try s.expectRecord(isupCause: 34)
        s.event(.peer("olo", up: true))
        _ = try Self.setUp(&s, cic: 6)
    }

    /// No route for the number (RFC 3398 §7.2.4.1 cause 1): an international number outside the table.
    @Test func unallocatedNumber() throws {
        var s = Scenario(Fixture.configuration { $0.routes.toSIP.removeAll { $0.prefix == "39" } })
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        try s.expectISUP(.rel, cause: 1)
    }

    /// Digest B.1.2: after answer SUS/RES go in INFO with the ISUP inside; INFO with ISUP from the peer goes to the
    /// circuit.
    @Test func suspendResumeInINFO() throws {
        var s = Scenario()
        let invite = try Self.setUp(&s)
        let ok = Scenario.response(200, "OK", to: invite, body: Fixture.sdpOffer)
        s.sip(ok)
        try s.expectISUP(.con)
        try s.expectSIP("ACK")
        s.isup(Fixture.message(.sus, cic: 5, [Parameter(code: .suspendResumeIndicators, value: [0x00])]))
        let info = try s.expectSIP("INFO")
        #expect((try SIPIBody(parsing: info))?.isup.type == .sus)
        s.sip(Scenario.response(200, "OK", to: info))
        s.expectQuiet()
    }
}

/// Q.764 §2.6.2 T2 and T6: a suspension not resumed in time releases the call.
@Suite struct SuspendTests {
    /// A suspension by the network (indicator 1) runs T6 (2 min here).
    @Test func networkSuspendT6() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s)
        s.isup(Fixture.message(.sus, cic: 5, [Parameter(code: .suspendResumeIndicators, value: [0x01])]))
        s.sip(Scenario.response(200, "OK", to: try s.expectSIP("INFO")))
        s.advance(.seconds(120))
        try s.expectISUP(.rel, cause: 102)
    }

    @Test func suspendNotResumedT2() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s)
        s.isup(Fixture.message(.sus, cic: 5, [Parameter(code: .suspendResumeIndicators, value: [0x00])]))
        let info = try s.expectSIP("INFO")
        s.sip(Scenario.response(200, "OK", to: info))
        s.advance(.seconds(179))
        s.expectQuiet()
        s.advance(.seconds(1))
        try s.expectISUP(.rel, cause: 102)
        try s.expectSIP("BYE", reasonCause: 102)
    }

    @Test func resumeStopsT2() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s)
        s.isup(Fixture.message(.sus, cic: 5, [Parameter(code: .suspendResumeIndicators, value: [0x00])]))
        s.sip(Scenario.response(200, "OK", to: try s.expectSIP("INFO")))
        s.isup(Fixture.message(.res, cic: 5, [Parameter(code: .suspendResumeIndicators, value: [0x00])]))
        s.sip(Scenario.response(200, "OK", to: try s.expectSIP("INFO")))
        s.advance(.seconds(200))
        s.expectQuiet()
    }
}

/// ST 769 §7.7.1.2 keep-alive: out-of-dialog OPTIONS with Max-Forwards 0; no answer → the peer is down (calls to it
/// get REL 34), 200 or 483 → up again.
@Suite struct KeepAliveTests {
    @Test func optionsMarkThePeerDownAndUp() throws {
        var s = Scenario(Fixture.configuration {
            $0.peers[0].keepAliveInterval = .seconds(30)
            $0.timers.t11 = nil
        })
        s.run(s.engine.start(at: s.now, resetCircuits: false))
        let options = try s.expectSIP("OPTIONS")
        #expect(options.header("max-forwards") == "0")
        #expect(Scenario.requestURI(options) == "sip:olo2.it")
        s.advance(.seconds(29))
        s.sipSent.removeAll()
        s.advance(.seconds(3))
        #expect(s.observations.contains(.peer("olo", up: false)))
        s.sipSent.removeAll { $0.message.method == "OPTIONS" }
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        try s.expectISUP(.rel, cause: 34)
        s.isup(Fixture.message(.rlc, cic: 5))
        s.advance(.seconds(28))
        let next = try #require(s.sipSent.last { $0.message.method == "OPTIONS" }?.message)
        s.sipSent.removeAll()
        s.sip(Scenario.response(483, "Too Many Hops", to: next))
        #expect(s.observations.contains(.peer("olo", up: true)))
        s.isup(Fixture.iam(cic: 6, called: "0612345678F"))
        try s.expectSIP("INVITE")
    }
}

/// A peer reached over TCP (RFC 3261 §18.3) by a gateway whose own address is UDP.
@Suite struct SIPOverTCPTests {
    static func scenario() -> Scenario {
        Scenario(Fixture.configuration { $0.peers[0].address.transport = .tcp })
    }

    /// §18.1.1: the INVITE goes to the TCP address with a top Via naming TCP (branch and sent-by unchanged) and
    /// a Contact with `transport=tcp` (§8.1.1.8), so the peer answers and sends in-dialog requests over TCP;
    /// nothing is retransmitted on a reliable transport (§17.1.1.2: no Timer A).
    @Test func requestsNameTheTransportTheyTake() throws {
        var s = Self.scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        #expect(s.sipSent.first?.to == SIPEndpoint(host: Fixture.peerAddress.host, port: Fixture.peerAddress.port, transport: .tcp))
        let invite = try s.expectSIP("INVITE")
        let via = try #require(invite.header("via"))
        #expect(via.hasPrefix("SIP/2.0/TCP \(Fixture.localAddress.host):\(Fixture.localAddress.port);"))
        #expect(via.contains(";branch=z9hG4bK"))
        #expect(invite.header("contact")?.hasSuffix(";transport=tcp>") == true)
        s.advance(.seconds(2))
        #expect(!s.sipSent.contains { $0.message.method == "INVITE" }, "retransmitted over TCP")
    }

    /// §17.1.4: when the transport cannot send the INVITE (the connection refused), the client transaction fails
    /// at once, not 32 s later, and §8.1.3.1 has the UAC treat it as a 503: the call is released toward the switch
    /// with the cause the peer's profile gives 503 (Mappings/sip-status-to-isup-cause.csv: RFC 3398 §8.2.6.1 → 41;
    /// the q1912.5 table under st769 lists no 503 and defaults to 127), not Timer B's 102.
    @Test(arguments: [("rfc3398", 41), ("st769", 127)] as [(String, UInt8)])
    func aFailedSendReleasesTheCallAtOnceAsA503(profile: String, cause: UInt8) throws {
        var s = Scenario(Fixture.configuration {
            $0.peers[0].address.transport = .tcp
            $0.peers[0].causeProfile = profile
        })
        let invite = try ISUPToSIPCallTests.setUp(&s)
        s.event(.sipSendFailed(invite, to: SIPEndpoint(host: Fixture.peerAddress.host, port: Fixture.peerAddress.port, transport: .tcp)))
        try s.expectISUP(.rel, cause: cause)
        s.isup(Fixture.message(.rlc, cic: 5))
        #expect(s.records.map(\.sipStatus) == [503])
    }
}
