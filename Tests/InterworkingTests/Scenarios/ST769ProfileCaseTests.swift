import ISUP
import Interworking
import SIPI
import Testing

/// The test cases of `shared/spec/st769-3-nni-profile.md` §14 with engine behaviour, run through the engine
/// (networks: `ST769Network`, OLO1–OLO3 with OP_IDs 123 / 456 as the placeholders of §14).
///
/// Not run, no engine behaviour: #49 (the TDM leg never offers G.729 only), #50–#51 (the engine writes its own SDP;
/// no SDP is relayed), #54, #58 (codec in use and RTP payload rewriting: the gateway carries no RTP), #68–#69 (the
/// engine sends no T.38 or single-codec re-INVITE), #71 (IPv6 SDP: no rejection specified), #82 (the engine always
/// supports RFC 4028), #85–#87 (keep-alive OPTIONS are the shell's supervision, reported as `Event.peer`), #88–#96
/// (transport, ToS, RTP/RTCP), #97–#107 (Table 13: SIPITests), #59–#60 and #62–#67 (the response is not specified).
@Suite struct ST769ProfileCaseTests {
    // MARK: §14.1 URI and identity validation (Annex A.1.1, §7.3)

    /// st769-3 §14.1 #1–#9 at the receiving BG OLO2: the Request-URI → IAM, or 484 + cause 28 (Table 9).
    @Test("ST769-3 §14.1 #1–#9: Request-URI validation", arguments: [
        ("#1", "sip:+390636881@olo2.it;user=phone", ReceivingOutcome.accepted("0636881")),
        ("#2", "tel:+390636881", .refused(484, 28)),
        ("#4", "sip:+390636881;user=phone", .refused(484, 28)),
        ("#5", "sip:@olo2.it;user=phone", .refused(484, 28)),
        ("#6", "sip:+39063688A1@olo2.it;user=phone", .refused(484, 28)),
        ("#7", "sip:+39%200636881@olo2.it;user=phone", .refused(484, 28)),
        ("#8", "sip:+390636881@olo2..it;user=phone", .refused(484, 28)),
        ("#9", "sip:+390636881@unknown-operator.example;user=phone", .refused(484, 28)),
    ])
    func requestURI(id: String, uri: String, outcome: ReceivingOutcome) throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.olo2))
        try s.receive(ST769Network.invite(uri), expecting: outcome)
    }

    /// ST769-3 §14.1 #3: `+390636881@olo2.it` (no `sip:`) → A.1.1 a, 484 / #28.
    @Test("ST769-3 §14.1 #3: Request-URI without sip: → 484 / #28")
    func noScheme() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.olo2))
        // Only the Request-URI lacks the scheme (a To without one would make the whole message unreadable).
        try s.receive(ST769Network.invite("+390636881@olo2.it", to: "sip:+390636881@olo2.it"), expecting: .refused(484, 28))
    }

    /// ST769-3 §14.1 #10: To and From carry a non-certified identity different from the PAI: the called number
    /// comes from the Request-URI, the calling number from the PAI only.
    @Test("ST769-3 §14.1 #10: call control on PAI and Request-URI, not To / From")
    func trustedIdentities() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.olo2))
        s.sip(ST769Network.invite("sip:+390636881@olo2.it;user=phone", to: "sip:+390699999999@olo2.it;user=phone",
                                  pai: "sip:+390655512345@olo1.it;user=phone", from: "sip:+390611111111@olo1.it;user=phone"))
        try s.expectSIP("100")
        let iam = try s.expectISUP(.iam)
        #expect(iam.calledPartyNumber?.digits.description == "0636881")
        #expect(iam.callingPartyNumber?.digits.description == "0655512345")
    }

    /// ST769-3 §14.1 #11 (Table 2): our call as OLO1 to OLO2: R-URI and To host `olo2.it`, PAI and From `olo1.it`.
    @Test("ST769-3 §14.1 #11: direct interconnection hosts")
    func directHosts() throws {
        var s = Scenario(ST769Network.configuration(own: "olo1.it") {
            $0.routes.toSIP = [.init(prefix: "39", peer: "olo2.it")]
        })
        let invite = try s.originate(called: "0636881")
        #expect(ST769Network.host(Scenario.requestURI(invite)) == "olo2.it")
        #expect(ST769Network.host(invite.header("to")) == "olo2.it")
        #expect(ST769Network.host(invite.header("p-asserted-identity")) == "olo1.it")
        #expect(ST769Network.host(invite.header("from")) == "olo1.it")
    }

    /// ST769-3 §14.1 #12 (T3-host) and #13 (T4-host): as transit OLO2, relaying OLO1 → OLO3 and OLO3 → OLO1: the
    /// outgoing R-URI and To name the next network, PAI and From become `olo2.it`, their user parts unchanged.
    @Test("ST769-3 §14.1 #12, #13: transit host rewrite", arguments: [("#12", "olo1.it", "olo3.it"), ("#13", "olo3.it", "olo1.it")])
    func transitHosts(id: String, origin: String, next: String) throws {
        var s = Scenario(ST769Network.configuration(own: "olo2.it") {
            $0.routes.toSIP = [.init(prefix: "39", peer: next)]
        })
        let (_, invite) = try ST769CaseTests.twoLegs(&s, in: "sip:+390636881@olo2.it;user=phone",
                                                     pai: "sip:+390655512345@\(origin);user=phone",
                                                     tdmIn: "0636881", tdmOut: "0636881")
        #expect(ST769Network.host(Scenario.requestURI(invite)) == next)
        #expect(ST769Network.host(invite.header("to")) == next)
        #expect(invite.header("p-asserted-identity")?.contains("sip:+390655512345@olo2.it") == true)
        #expect(ST769Network.user(invite.header("from")) == "+390655512345")
        #expect(ST769Network.host(invite.header("from")) == "olo2.it")
    }

    /// ST769-3 §14.1 #14: a number dialled in overlap on TDM → a single INVITE with the complete number.
    @Test("ST769-3 §14.1 #14: overlap on TDM → one INVITE en bloc")
    func overlap() throws {
        var s = Scenario(ST769Network.configuration(own: "olo1.it"))
        s.isup(Fixture.iam(cic: 6, called: "063", calling: "0655512345"))
        s.isup(Fixture.sam(cic: 6, digits: "68"))
        s.isup(Fixture.sam(cic: 6, digits: "81F"))
        let invite = try s.expectSIP("INVITE")
        #expect(ST769Network.user(Scenario.requestURI(invite)) == "+390636881")
        s.expectQuiet()
    }

    // MARK: §14.2 Number formatting (§7.3.2)

    /// ST769-3 §14.2 #15–#29: the number the switch gives (national form; #16 dialled `0044…` as NAI 2 unknown,
    /// translated by a trunk rule) → the Request-URI user part.
    @Test("ST769-3 §14.2 #15–#29: number formats", arguments: [
        ("#15", "0636881", "+390636881"), ("#16", "0044555666", "+44555666"), ("#17", "3351234567", "+393351234567"),
        ("#18", "3933351234567", "+393933351234567"), ("#19", "C9906113", "+39C9906113"),
        ("#20", "C97061129123", "+39C97061129123"), ("#21", "C9701311129123", "+39C9701311129123"),
        ("#22", "C594565512345678", "+39C594565512345678"), ("#23", "C504565512345678", "+39C504565512345678"),
        ("#24", "0180123800123456", "+390180123800123456"), ("#25", "C80123800123456", "+39C80123800123456"),
        ("#26 (0180)", "0180123892123456", "+390180123892123456"), ("#26 (C80)", "C80123892123456", "+39C80123892123456"),
        ("#27", "C701237011234567", "+39C701237011234567"), ("#28", "C82123894123", "+39C82123894123"),
        ("#29", "800123456", "+39800123456"),
    ])
    func numberFormat(id: String, tdm: String, user: String) throws {
        var numbering = TrunkNumbering.national
        numbering.called.append(.init(nature: 2, tdmPrefix: "00"))
        var s = Scenario(ST769Network.configuration(own: "olo1.it") { $0.trunks[0].numbering = numbering })
        let nature: UInt8 = tdm.hasPrefix("00") ? 2 : 3
        var iam = Fixture.iam(cic: 6, called: tdm + "F", calling: "0655512345")
        iam.set(.calledPartyNumber, Fixture.numberOctets(tdm + "F", nature: nature))
        s.isup(iam)
        let invite = try s.expectSIP("INVITE")
        #expect(ST769Network.user(Scenario.requestURI(invite)) == user, "\(id)")
        #expect(ST769Network.encapsulated(invite)?.calledPartyNumber?.digits.description == String(user.dropFirst()))
    }

    // MARK: §14.3 RgN validation (Annex A.1.2) and NP (A.2)

    /// st769-3 §14.3 #30–#42 at the receiving BG: Table 10 (484 / #28; "not enabled" 500 / #63), Table 11 (A.2.1,
    /// 484 / #28), Table 12 (DB mismatch, 500 / #63, decided by the switch's subscriber data).
    @Test("ST769-3 §14.3 #30–#42: RgN validation and NP", arguments: [
        ("#30", ST769Network.olo2, "sip:39C60012700@olo2.it;user=phone", ReceivingOutcome.refused(484, 28)),
        ("#31", ST769Network.olo2, "sip:+44C60012700@olo2.it;user=phone", .refused(484, 28)),
        ("#32", ST769Network.olo2, "sip:+39D60012700@olo2.it;user=phone", .refused(484, 28)),
        ("#33", ST769Network.olo2, "sip:+39C050612345678@olo2.it;user=phone", .refused(484, 28)),
        ("#34", ST769Network.olo2, "sip:+39C80012800123456@olo2.it;user=phone", .refused(484, 28)),
        ("#35", ST769Network.olo2, "sip:+39C996113@olo2.it;user=phone", .refused(484, 28)),
        ("#37", ST769Network.m2, "sip:+393913351234567@mob2.it;user=phone", .refused(484, 28)),
        ("#38", ST769Network.b, "sip:+39C600657770612345678@opb.it;user=phone", .refused(484, 28)),
        ("#39", ST769Network.b, "sip:+39C595035512345678@opb.it;user=phone", .refused(484, 28)),
        ("#40", ST769Network.m1, "sip:+393913351234567@mob1.it;user=phone", .releasedBySwitch(63, 500)),
        ("#41", ST769Network.m2, "sip:+393923479999999@mob2.it;user=phone", .releasedBySwitch(63, 500)),
        ("#42", ST769Network.c, "sip:+39C505035512345670@opc.it;user=phone", .releasedBySwitch(63, 500)),
    ])
    func routingNumber(id: String, own: OperatorIdentity, uri: String, outcome: ReceivingOutcome) throws {
        var s = Scenario(ST769Network.configuration(destination: own))
        try s.receive(ST769Network.invite(uri), expecting: outcome)
    }

    /// ST769-3 §14.3 #36: `+39C80123…`, valid, but the originating operator (OLO2, by its PAI domain) has not
    /// subscribed the service → 500 / #63 upstream. OP_ID 123 is a §14 placeholder ("hypothetical"), read as
    /// valid here: the 1XY reservation (Annex A fn 22) is lifted so that the format is valid as the case states.
    @Test("ST769-3 §14.3 #36: valid RgN, service not enabled → 500 / #63")
    func notEnabled() throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.olo1, enabledServices: ["olo3.it": [.operatorRouted]]) {
            $0.numbering?.reservedOperatorPrefixes = ["0"]
        })
        try s.receive(ST769Network.invite("sip:+39C80123800123456@olo1.it;user=phone",
                                          pai: "sip:+390655512345@olo2.it;user=phone"),
                      expecting: .refused(500, 63))
    }

    /// ST769-3 §14.3 #43: a transit receives a 500 (DB mismatch, REL 63) from downstream and forwards it upstream
    /// unchanged: here the downstream leg's 500 + REL 63 → REL 63 to the switch, whose REL 63 on the upstream leg →
    /// 500 with REL 63. #44 / #45: REL 28 / 63 from the TDM side → 484 / 500. #46 / #47: 484 → REL 28; 500 with
    /// `Reason: Q.850;cause=63` → REL 63.
    @Test("ST769-3 §14.3 #43: DB mismatch 500 forwarded upstream unchanged")
    func mismatchTransit() throws {
        var s = Scenario(ST769Network.configuration(own: "olo2.it") { $0.routes.toSIP = [.init(prefix: "39", peer: "olo")] })
        let (inLeg, invite) = try ST769CaseTests.twoLegs(&s, in: "sip:+393923351234567@olo2.it;user=phone",
                                                         tdmIn: "3923351234567", tdmOut: "3923351234567")
        var response = Scenario.response(500, "Server Internal Error", to: invite)
        try SIPIBody(isup: Fixture.rel(cic: 0, cause: 63).withoutCIC, sdp: nil).apply(to: &response)
        s.sip(response)
        try s.expectSIP("ACK")
        try s.expectISUP(.rel, cause: 63)
        s.isup(Fixture.rel(cic: Int(inLeg.cic?.value ?? 0), cause: 63))
        try s.expectISUP(.rlc)
        let upstream = try s.expectSIP("500", reasonCause: 63)
        #expect(ST769Network.encapsulated(upstream)?.causeIndicators?.value == 63)
    }

    @Test("ST769-3 §14.3 #44, #45: TDM REL 28 / 63 → SIP 484 / 500", arguments: [("#44", UInt8(28), 484), ("#45", 63, 500)])
    func tdmRelease(id: String, cause: UInt8, status: Int) throws {
        var s = Scenario(ST769Network.configuration(destination: ST769Network.olo2))
        try s.receive(ST769Network.invite("sip:+390636881@olo2.it;user=phone"), expecting: .releasedBySwitch(cause, status))
    }

    @Test("ST769-3 §14.3 #46, #47: SIP 484 / 500 with Reason 63 → REL 28 / 63",
          arguments: [("#46", 484, [String](), UInt8(28)), ("#47", 500, ["Reason: Q.850;cause=63"], 63)])
    func sipFailure(id: String, status: Int, extra: [String], cause: UInt8) throws {
        var s = Scenario()
        let invite = try s.originate(cic: 5, called: "0636881")
        s.sip(Scenario.response(status, "Failure", to: invite, extra: extra))
        try s.expectSIP("ACK")
        try s.expectISUP(.rel, cause: cause)
    }

    // MARK: §14.4 SDP and offer/answer with engine behaviour

    static func sdp(_ message: SIPMessage) -> String {
        String(decoding: message.parts.first { $0.mediaType == "application/sdp" }?.bytes ?? [], as: UTF8.self)
    }

    /// ST769-3 §14.4 #48: our initial offer: `m=audio <p> RTP/AVP 8 18 <te>`, `a=fmtp:18 annexb=no`,
    /// `a=rtpmap:<te> telephone-event/8000`, `t=0 0`, `s=-`, one m-line.
    @Test("ST769-3 §14.4 #48: the initial offer")
    func offer() throws {
        var s = Scenario()
        let sdp = Self.sdp(try s.originate(cic: 5, called: "0636881"))
        let lines = sdp.split(whereSeparator: \.isNewline).map(String.init)
        let media = lines.filter { $0.hasPrefix("m=") }
        #expect(media.count == 1)
        let formats = media.first?.split(separator: " ").dropFirst(3).map(String.init) ?? []
        #expect(formats.prefix(2) == ["8", "18"] && formats.count == 3)
        let te = formats.last ?? ""
        #expect(lines.contains("a=fmtp:18 annexb=no"))
        #expect(lines.contains("a=rtpmap:\(te) telephone-event/8000"))
        #expect(lines.contains("t=0 0") && lines.contains("s=-"))
    }

    /// ST769-3 §14.4 #52, #55, #57: our answer to the peer's offer never puts 18 before 8, never selects G.722
    /// (PT 9), and keeps the offer's telephone-event PT 101.
    @Test("ST769-3 §14.4 #52, #55, #57: the answer's formats")
    func answer() throws {
        var s = Scenario()
        let offer = Fixture.invite().replacingFirst("m=audio 30000 RTP/AVP 8 18 101", with: "m=audio 30000 RTP/AVP 9 8 18 101")
        s.sip(offer.replacingFirst("a=rtpmap:8 PCMA/8000", with: "a=rtpmap:9 G722/8000\r\na=rtpmap:8 PCMA/8000"))
        try s.expectSIP("100")
        _ = try s.expectISUP(.iam)
        s.isup(Fixture.message(.anm, cic: 1))
        let ok = try s.expectSIP("200")
        let media = Self.sdp(ok).split(whereSeparator: \.isNewline).first { $0.hasPrefix("m=") }.map(String.init) ?? ""
        let formats = media.split(separator: " ").dropFirst(3).map(String.init)
        #expect(!formats.contains("9"), "#55: G.722 never selected")
        #expect(formats.firstIndex(of: "18").map { i in formats.firstIndex(of: "8").map { $0 < i } ?? true } ?? true, "#52")
        #expect(formats.contains("101"), "#57")
    }

    /// ST769-3 §14.4 #53 and #70: the peer answers in a reliable 183: our PRACK carries no new offer; the SDP
    /// repeated in the 200 is not a new offer (the ACK has no SDP).
    @Test("ST769-3 §14.4 #53, #70: answer in a reliable 183, repeated in the 200")
    func answerInReliable183() throws {
        var s = Scenario()
        let invite = try s.originate(cic: 5, called: "0636881")
        let answer = Fixture.sdpOffer.split(separator: "\n").joined(separator: "\r\n") + "\r\n"
        s.sip(Scenario.response(183, "Session Progress", to: invite, extra: ["Require: 100rel", "RSeq: 1"], body: answer))
        try s.expectISUP(.acm)
        let prack = try s.expectSIP("PRACK")
        #expect(Self.sdp(prack).isEmpty, "#53")
        s.sip(Scenario.response(200, "OK", to: prack))
        s.sip(Scenario.response(200, "OK", to: invite, body: answer))
        try s.expectISUP(.anm)
        let ack = try s.expectSIP("ACK")
        #expect(Self.sdp(ack).isEmpty, "#70")
    }

    // MARK: §14.5 Monitoring, session timers, keep-alive (§7.7.1)

    /// An answered S→I call: the 200 the engine sent (ACKed).
    static func answered(_ s: inout Scenario, invite: String = Fixture.invite()) throws -> SIPMessage {
        s.sip(invite)
        try s.expectSIP("100")
        _ = try s.expectISUP(.iam)
        s.isup(Fixture.message(.anm, cic: 1))
        let ok = try s.expectSIP("200")
        s.sip(Scenario.peerRequest("ACK", dialogOf: ok, peerIsCallee: false, cseq: 1))
        return ok
    }

    /// ST769-3 §14.5 #72: an in-dialog OPTIONS is answered 200.
    @Test("ST769-3 §14.5 #72: in-dialog OPTIONS → 200")
    func inDialogOptions() throws {
        var s = Scenario()
        let ok = try Self.answered(&s)
        s.sip(Scenario.peerRequest("OPTIONS", dialogOf: ok, peerIsCallee: false, cseq: 2))
        try s.expectSIP("200")
    }

    /// ST769-3 §14.5 #73 / #74 / #78: our in-dialog OPTIONS (To, From, CSeq, Call-ID, Max-Forwards, Via,
    /// Content-Length 0); 200, 403, 405, 501 → alive; 404, 408, 480, 481 → dead.
    @Test("ST769-3 §14.5 #73, #74, #78: our in-dialog OPTIONS and its answer",
          arguments: [(200, true), (403, true), (405, true), (501, true), (404, false), (408, false), (480, false), (481, false)])
    func ourOptions(status: Int, alive: Bool) throws {
        var s = Scenario(Fixture.configuration { $0.policy.inDialogOptionsInterval = .seconds(60) })
        _ = try Self.answered(&s)
        s.advance(.seconds(60))
        let options = try s.expectSIP("OPTIONS")
        for header in ["to", "from", "cseq", "call-id", "max-forwards", "via"] { #expect(options.header(header) != nil, "#78 \(header)") }
        #expect(options.header("content-length") == nil || options.header("content-length") == "0")
        s.sip(Scenario.response(status, "Answer", to: options))
        if alive {
            s.expectQuiet()
        } else {
            try s.expectISUP(.rel)
            if status == 404 || status == 480 { try s.expectSIP("BYE") }
        }
    }

    /// ST769-3 §14.5 #75: no answer to our in-dialog OPTIONS; retransmissions for 32 s (64·T1) → BYE at 32 s.
    @Test("ST769-3 §14.5 #75: OPTIONS unanswered for 32 s → BYE")
    func optionsTimeout() throws {
        var s = Scenario(Fixture.configuration { $0.policy.inDialogOptionsInterval = .seconds(60) })
        _ = try Self.answered(&s)
        s.advance(.seconds(60))
        try s.expectSIP("OPTIONS")
        s.advance(.milliseconds(31_900))
        #expect(s.sipSent.allSatisfy { $0.message.method == "OPTIONS" }, "retransmissions only")
        s.sipSent.removeAll()
        s.advance(.milliseconds(200))
        try s.expectSIP("BYE")
        try s.expectISUP(.rel)
    }

    /// ST769-3 §14.5 #79: our INVITE when we refresh by UPDATE: `Supported: 100rel, timer`, `Session-Expires: 90`,
    /// no `Require: timer`.
    @Test("ST769-3 §14.5 #79: outgoing INVITE session-timer headers")
    func outgoingSessionTimer() throws {
        var s = Scenario()
        let invite = try s.originate(cic: 5, called: "0636881")
        #expect(invite.headers("supported").joined(separator: ", ") == "100rel, timer")
        #expect(invite.header("session-expires")?.split(separator: ";").first == "90")
        #expect(invite.header("require") == nil)
    }

    /// ST769-3 §14.5 #76 / #77: our refreshing UPDATE → 200: alive; no answer: dead, released (BYE allowed).
    @Test("ST769-3 §14.5 #76, #77: our UPDATE answered or not")
    func ourUpdate() throws {
        var s = Scenario()
        _ = try Self.answered(&s, invite: Fixture.invite(extra: ["Session-Expires: 90;refresher=uas"]))
        s.advance(.seconds(45))
        let update = try s.expectSIP("UPDATE")
        s.sip(Scenario.response(200, "OK", to: update))
        s.expectQuiet()
        s.advance(.seconds(45))
        try s.expectSIP("UPDATE")
        s.advance(.seconds(33))
        s.sipSent.removeAll { $0.message.method == "UPDATE" }
        try s.expectISUP(.rel)
    }

    /// ST769-3 §14.5 #80: incoming `Session-Expires: 90` without refresher → our 200 names the refresher.
    /// #81: an INVITE without `Supported: timer` → our 200 has no `Require: timer`.
    @Test("ST769-3 §14.5 #80, #81: our 200's session timer", arguments: [("#80", "100rel, timer"), ("#81", "100rel")])
    func answerSessionTimer(id: String, supported: String) throws {
        var s = Scenario()
        let ok = try Self.answered(&s, invite: Fixture.invite(extra: ["Session-Expires: 90"], supported: supported))
        let value = ok.header("session-expires") ?? ""
        #expect(value == "90;refresher=uac" || value == "90;refresher=uas", "\(id)")
        if id == "#81" { #expect(ok.header("require")?.contains("timer") != true) }
    }

    /// ST769-3 §14.5 #83 / #84: out-of-dialog OPTIONS with `Max-Forwards: 0` → 483; with 70 → 200.
    @Test("ST769-3 §14.5 #83, #84: keep-alive OPTIONS answered", arguments: [("0", 483), ("70", 200)])
    func keepAlive(maxForwards: String, status: Int) throws {
        var s = Scenario()
        let text = ["OPTIONS sip:OLO2@127.0.0.1:5060 SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKka\(maxForwards)",
                    "Max-Forwards: \(maxForwards)", "From: <sip:OLO1@127.0.0.2>;tag=ka", "To: <sip:OLO2@127.0.0.1>",
                    "Call-ID: ka\(maxForwards)@127.0.0.2", "CSeq: 1 OPTIONS", "Content-Length: 0", "", ""].joined(separator: "\n")
        s.sip(text)
        try s.expectSIP("\(status)")
    }
}
