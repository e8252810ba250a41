import Testing
@testable import SIPI

/// ST 769 §7.4–§7.6 SDP rules. Each SDP below is written by hand from the rule it exercises (digest
/// st769-3-nni-profile.md §5), and the expected outcome is that rule's wording, so a wrong check fails.
@Suite struct ST769SDPProfileTests {
    let profile = ST769SDPProfile()

    static func sdp(_ text: String) throws -> SessionDescription {
        try SessionDescription(parsing: Array(text.replacingOccurrences(of: "|", with: "\r\n").utf8))
    }

    static let goodOffer = "v=0|o=- 1 1 IN IP4 192.0.2.1|s=-|c=IN IP4 192.0.2.1|t=0 0|m=audio 4000 RTP/AVP 8 18 96|a=rtpmap:8 PCMA/8000|a=rtpmap:18 G729/8000|a=fmtp:18 annexb=no|a=rtpmap:96 telephone-event/8000|a=ptime:20|"

    @Test func conformingInitialOffer() throws {
        try profile.validateOffer(try Self.sdp(Self.goodOffer), kind: .initialInvite)
    }

    struct Violation: CustomTestStringConvertible, Sendable {
        let sdp: String
        let kind: ST769SDPProfile.OfferKind
        let rule: String
        var testDescription: String { rule + " " + sdp.prefix(40) }
    }

    static let violations: [Violation] = [
        Violation(sdp: goodOffer.replacingOccurrences(of: "s=-|", with: "s=-|i=info|"), kind: .initialInvite, rule: "§7.4 (Tables T3–T5)"),
        Violation(sdp: goodOffer.replacingOccurrences(of: "t=0 0", with: "t=3034423619 0"), kind: .initialInvite, rule: "§7.4 (Table T4)"),
        Violation(sdp: goodOffer.replacingOccurrences(of: " 8 18 96", with: " 8 96"), kind: .initialInvite, rule: "§7.4.2"),
        Violation(sdp: goodOffer.replacingOccurrences(of: "a=fmtp:18 annexb=no|", with: ""), kind: .initialInvite, rule: "§7.4.1"),
        Violation(sdp: goodOffer.replacingOccurrences(of: " 8 18 96", with: " 8 18"), kind: .initialInvite, rule: "§7.4.3"),
        Violation(sdp: goodOffer + "m=image 4002 udptl t38|", kind: .initialInvite, rule: "§7.4 (fax)"),
        Violation(sdp: goodOffer.replacingOccurrences(of: "c=IN IP4 192.0.2.1|", with: ""), kind: .initialInvite, rule: "§7.4 (Table 5)"),
        Violation(sdp: "v=0|o=- 1 2 IN IP4 192.0.2.1|s=-|c=IN IP4 192.0.2.1|t=0 0|m=image 4002 udptl h224|", kind: .reOffer, rule: "§7.4.1"),
    ]

    @Test(arguments: violations)
    func violationsNameTheirRule(_ v: Violation) throws {
        let sdp = try Self.sdp(v.sdp)
        do {
            try profile.validateOffer(sdp, kind: v.kind)
            Issue.record("accepted an SDP that breaks \(v.rule)")
        } catch {
            guard case .profile(let rule, _) = error.reason else { Issue.record("\(error)"); return }
            #expect(rule == v.rule)
        }
    }

    @Test func t38ReOffersInBothForms() throws {
        // §7.4 fax: (i) a single m=image t38 line, or (ii) m=audio plus m=image t38 (audio port 0 or not).
        try profile.validateOffer(try Self.sdp("v=0|o=- 1 2 IN IP4 192.0.2.1|s=-|c=IN IP4 192.0.2.1|t=0 0|m=image 4002 udptl t38|"), kind: .reOffer)
        try profile.validateOffer(try Self.sdp("v=0|o=- 1 2 IN IP4 192.0.2.1|s=-|c=IN IP4 192.0.2.1|t=0 0|m=audio 0 RTP/AVP 8|m=image 4002 udptl t38|"), kind: .reOffer)
    }

    @Test func offerAddsTheMissingMandatoryCodecLast() throws {
        // §7.4.2 [derived]: internal PCMA only → NNI offer 8 18 <te>; G729 only → 18 8 <te>.
        let pcma = profile.offer(address: "192.0.2.1", port: 4000, sessionID: 7, codecs: ["PCMA"])
        #expect(pcma.media.first?.formats == ["8", "18", "101"])
        let g729 = profile.offer(address: "192.0.2.1", port: 4000, sessionID: 7, codecs: ["G729"])
        #expect(g729.media.first?.formats == ["18", "8", "101"])
        #expect(g729.media.first?.fmtp(of: "18") == "annexb=no")
        #expect(g729.media.first?.attributes("ptime") == ["20"])
        try profile.validateOffer(g729, kind: .initialInvite)
        // The built SDP text parses back to the same lines.
        #expect(try SessionDescription(parsing: g729.bytes) == g729)
    }

    @Test func answerKeepsTheOfferOrderAndTelephoneEventType() throws {
        let offer = try Self.sdp(Self.goodOffer)
        let answer = try profile.answer(to: offer, address: "198.51.100.2", port: 5000, sessionID: 9)
        #expect(answer.media.first?.formats == ["8", "96"])  // single speech codec (SHOULD), the offer's first
        try profile.validateAnswer(answer, to: offer)
        let g729Only = try profile.answer(to: offer, address: "198.51.100.2", port: 5000, sessionID: 9, supported: ["G729"])
        #expect(g729Only.media.first?.formats == ["18", "96"])
        #expect(throws: SDPError.self) {
            try profile.answer(to: offer, address: "198.51.100.2", port: 5000, sessionID: 9, supported: ["PCMU"])
        }
    }

    @Test func answerRules() throws {
        let offer = try Self.sdp(Self.goodOffer)
        let base = "v=0|o=- 2 1 IN IP4 198.51.100.2|s=-|c=IN IP4 198.51.100.2|t=0 0|"
        // Offer (A,B): answers A, B and A,B are valid; B,A is not (§7.4.4).
        for formats in ["8 96", "18 96", "8 18 96"] {
            try profile.validateAnswer(try Self.sdp(base + "m=audio 5000 RTP/AVP \(formats)|a=rtpmap:96 telephone-event/8000|a=fmtp:18 annexb=no|"), to: offer)
        }
        #expect(throws: SDPError(.profile(rule: "§7.4.4", detail: "the answer reorders the offered codecs (offer A,B must not be answered B,A)"))) {
            try profile.validateAnswer(try Self.sdp(base + "m=audio 5000 RTP/AVP 18 8 96|a=rtpmap:96 telephone-event/8000|"), to: offer)
        }
        #expect(throws: SDPError.self) {  // telephone-event under another payload type
            try profile.validateAnswer(try Self.sdp(base + "m=audio 5000 RTP/AVP 8 97|a=rtpmap:97 telephone-event/8000|"), to: offer)
        }
        #expect(throws: SDPError.self) {  // one m-line per offered m-line
            try profile.validateAnswer(try Self.sdp(base + "m=audio 5000 RTP/AVP 8|m=image 0 udptl t38|"), to: offer)
        }
    }

    @Test func fallbackAfterT38IsG711() throws {
        let fallback = profile.fallbackAfterT38Rejected(address: "192.0.2.1", port: 4000, sessionID: 7, version: 3)
        #expect(fallback.media.map(\.mediaType) == ["audio"])
        #expect(fallback.media.first?.formats == ["8", "101"])
        try profile.validateOffer(fallback, kind: .reOffer)
    }

    @Test func filteringDropsOnlyDisallowedLines() throws {
        let dirty = try Self.sdp(Self.goodOffer.replacingOccurrences(of: "s=-|", with: "s=-|i=x|u=http://x|e=a@b|"))
        #expect(profile.filtered(dirty) == (try Self.sdp(Self.goodOffer)))
    }

    @Test func reInviteBodyIsSDPOnly() throws {
        var reinvite = SIPMessage(startLine: .request(method: "INVITE", uri: "sip:+390612345678@olo2.it;user=phone"),
                                  headers: [SIPHeader("Content-Type", "multipart/mixed;boundary=x")],
                                  parts: [MIMEPart(contentType: "application/sdp", bytes: try Self.sdp(Self.goodOffer).bytes)])
        #expect(throws: SDPError.self) { try profile.validateReInviteBody(reinvite) }
        reinvite.setHeader("Content-Type", "application/sdp")
        try profile.validateReInviteBody(reinvite)
    }

    @Test func syntaxErrors() {
        #expect(throws: SDPError(.syntax(line: 2, text: "garbage"))) { try SessionDescription(parsing: Array("v=0\r\ngarbage\r\n".utf8)) }
        #expect(throws: SDPError.self) { try SessionDescription(parsing: Array("o=- 1 1 IN IP4 1.2.3.4\r\n".utf8)) }
        // RFC 4566 §5: the type is one of a–z: an upper-case or non-ASCII letter is refused with its line, an
        // empty value is a line, and a CR alone before LF is dropped.
        #expect(throws: SDPError(.syntax(line: 2, text: "S=x"))) { try SessionDescription(parsing: Array("v=0\nS=x\n".utf8)) }
        #expect(throws: SDPError(.syntax(line: 2, text: "é=x"))) { try SessionDescription(parsing: Array("v=0\r\né=x\r\n".utf8)) }
        #expect(throws: SDPError(.syntax(line: 3, text: "a"))) { try SessionDescription(parsing: Array("v=0\r\ns=\r\na\r\n".utf8)) }
        #expect((try? SessionDescription(parsing: Array("v=0\r\ns=\r\n".utf8)))?.lines.map(\.value) == ["0", ""])
    }
}
