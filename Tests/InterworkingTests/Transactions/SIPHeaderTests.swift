import Foundation
import Interworking
import SIPI
import Testing

@Suite struct SIPHeaderTests {
    /// RFC 3261 §20.42 / §25.1 via-parm, with LWS around `/`, and RFC 3581 rport.
    @Test func viaParsing() throws {
        let via = try #require(Via(parsing: "SIP / 2.0 / udp 192.0.2.1:5062 ;branch=z9hG4bK776;received=198.51.100.7;rport=40000"))
        #expect(via.protocolName == "SIP" && via.protocolVersion == "2.0" && via.transport == "UDP")
        #expect(via.host == "192.0.2.1" && via.port == 5062)
        #expect(via.branch == "z9hG4bK776" && via.received == "198.51.100.7" && via.rport == .port(40000))
        #expect(via.sentBy == "192.0.2.1:5062")
        #expect(Via(parsing: "SIP/2.0/TCP [2001:db8::1]:5060;rport")?.host == "[2001:db8::1]")
        #expect(Via(parsing: "SIP/2.0/TCP [2001:db8::1];rport")?.rport == .requested)
        #expect(Via(parsing: "SIP/2.0/TCP [2001:db8::1]:5061")?.port == 5061)
        for bad in ["SIP/2.0/UDP [2001:db8::1", "SIP/2.0/UDP h:", "SIP/2.0/UDP h:5060x", "SIP/2.0/UDP [::1]x", "SIP/2.0/UDP :5060"] {
            #expect(Via(parsing: bad) == nil, "\(bad)")
        }
        #expect(Via(parsing: "SIP/2.0/TLS gw.olo1.it")?.port == nil)
        for bad in ["", "SIP/2.0 gw", "SIP/2.0/UDP", "SIP/2.0/UDP gw:99999", "SIP/2.0/UDP gw:x", "SIP/2.0/UDP gw;=1"] {
            #expect(Via(parsing: bad) == nil, "\(bad)")
        }
    }

    /// RFC 3261 §7.3.1: the top Via is the first value, whether values share one header field or not.
    @Test func topViaOfSeveralValues() throws {
        var message = Fixtures.request("BYE", branch: "z9hG4bKtop")
        message.setHeader("Via", "SIP/2.0/UDP a.example;branch=z9hG4bK1, SIP/2.0/UDP b.example;branch=z9hG4bK2")
        message.headers.append(SIPHeader("Via", "SIP/2.0/UDP c.example;branch=z9hG4bK3"))
        #expect(Via.values(of: message).count == 3)
        #expect(Via.top(of: message)?.branch == "z9hG4bK1")
        // libosip2 writes each value as its own header field; the top one stays the top one.
        let parsed = try SIPMessage(parsing: message.serialized())
        #expect(Via.values(of: parsed).compactMap { Via(parsing: $0)?.branch } == ["z9hG4bK1", "z9hG4bK2", "z9hG4bK3"])
    }

    /// RFC 3261 §20.16 / §8.1.1.5.
    @Test func cseqParsing() {
        #expect(CSeq(parsing: "4711 INVITE") == CSeq(4711, "INVITE"))
        #expect(CSeq(parsing: "  1   BYE ") == CSeq(1, "BYE"))
        #expect(CSeq(parsing: "2147483648 INVITE") == nil)
        for bad in ["", "INVITE", "1", "x INVITE", "1 INVITE extra", "-1 BYE", "1 IN(VITE"] { #expect(CSeq(parsing: bad) == nil, "\(bad)") }
    }

    /// RFC 3261 §8.2.6.2: a response copies Via (all, in order), From, To (adding the tag once), Call-ID, CSeq;
    /// the reason phrase defaults to RFC 3261 §21's.
    @Test func responseToARequest() throws {
        var invite = Fixtures.invite()
        invite.headers.insert(SIPHeader("Via", "SIP/2.0/UDP p.olo1.it;branch=z9hG4bKp"), at: 1)
        let busy = invite.response(486, toTag: "abc")
        #expect(busy.startLine == .response(statusCode: 486, reasonPhrase: "Busy Here"))
        #expect(busy.headers.map { SIPHeader.canonical($0.name) } == ["via", "via", "from", "to", "call-id", "cseq"])
        #expect(busy.headers("via") == invite.headers("via"))
        #expect(busy.header("to") == "<sip:+390612345678@olo2.it;user=phone>;tag=abc")
        #expect(busy.response(486, toTag: "other").header("to") == busy.header("to"))
        #expect(invite.response(404, reason: "No Such Number").startLine == .response(statusCode: 404, reasonPhrase: "No Such Number"))
        #expect(invite.response(299).startLine == .response(statusCode: 299, reasonPhrase: ""))
        _ = try SIPMessage(parsing: busy.serialized())
    }

    /// RFC 3261 Table 4 and RFC 6026 §8.4/§8.7, and the coded form in milliseconds.
    @Test func timersAndTheirCodedForm() throws {
        let timers = SIPTimers()
        #expect(TransactionTimer.allCases.map { timers.duration(of: $0, reliable: false) } == [
            .milliseconds(500), .seconds(32), .seconds(32), .milliseconds(500), .seconds(32), .milliseconds(500),
            .seconds(32), .seconds(5), .seconds(32), .seconds(5), .seconds(32), .seconds(32),
        ])
        #expect([TransactionTimer.D, .I, .J, .K].map { timers.duration(of: $0, reliable: true) } == [.zero, .zero, .zero, .zero])
        let coded = try JSONEncoder().encode(SIPTimers(t1: .milliseconds(250)))
        #expect(String(decoding: coded, as: UTF8.self).contains("\"t1Milliseconds\":250"))
        #expect(try JSONDecoder().decode(SIPTimers.self, from: coded) == SIPTimers(t1: .milliseconds(250)))
        #expect(try JSONDecoder().decode(SIPTimers.self, from: Data(#"{"t2Milliseconds": 8000}"#.utf8)) == SIPTimers(t2: .seconds(8)))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SIPTimers.self, from: Data(#"{"t1Milliseconds": 0}"#.utf8)) }
    }
}
