import ISUP
import Testing
@testable import SIPI

/// SIP messages through libosip2: binary bodies survive, Content-Length is right, headers are readable.
@Suite struct SIPMessageTests {
    /// The oracles.md §7 edge cases (verified there byte-exact with an osip2 probe): each payload must come back
    /// exactly after parse → serialize → parse.
    static let awkwardPayloads: [[UInt8]] = [
        [0x01, 0x0D, 0x0A, 0x0D, 0x0A, 0x02],                // CR LF CR LF inside
        Array("\r\n--b".utf8) + [0x01],                       // CRLF and a boundary-like "--b" inside
        [0x01, 0x02, 0x0D, 0x0A],                              // ends in CRLF
        [0x01, 0x02, 0x0D],                                    // ends in CR
        [0x0D, 0x0A, 0x01, 0x02],                              // starts with CRLF
        [UInt8](repeating: 0, count: 8),                       // NULs
        Array(0x80...0xFF),                                    // high octets
    ]

    func invite(parts: [MIMEPart], contentType: String) -> SIPMessage {
        SIPMessage(startLine: .request(method: "INVITE", uri: "sip:+390612345678@olo2.it;user=phone"), headers: [
            SIPHeader("Via", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1"),
            SIPHeader("From", "<sip:+390655512345@olo1.it;user=phone>;tag=a1"),
            SIPHeader("To", "<sip:+390612345678@olo2.it;user=phone>"),
            SIPHeader("Call-ID", "c1@127.0.0.1"),
            SIPHeader("CSeq", "1 INVITE"),
            SIPHeader("Max-Forwards", "70"),
            SIPHeader("Content-Type", contentType),
        ], parts: parts)
    }

    @Test(arguments: awkwardPayloads)
    func binaryPartSurvives(_ payload: [UInt8]) throws {
        let message = invite(parts: [
            MIMEPart(contentType: "application/sdp", bytes: Array("v=0\r\n".utf8)),
            MIMEPart(contentType: "application/ISUP;version=itu-t92+", headers: [SIPHeader("Content-Disposition", "signal;handling=required")], bytes: payload),
        ], contentType: "multipart/mixed;boundary=unique-boundary-1")
        let once = try SIPMessage(parsing: try message.serialized())
        let twice = try SIPMessage(parsing: try once.serialized())
        for m in [once, twice] {
            #expect(m.parts.count == 2)
            #expect(m.parts.last?.bytes == payload)
            #expect(m.parts.first?.bytes == Array("v=0\r\n".utf8))
            #expect(m.parts.last?.mediaType == "application/isup")
            #expect(m.parts.last?.header("content-disposition")?.replacingSpaces == "signal;handling=required")
        }
    }

    @Test(arguments: awkwardPayloads)
    func singleBinaryBodyAndContentLength(_ payload: [UInt8]) throws {
        let message = invite(parts: [MIMEPart(contentType: "application/ISUP;version=itu-t92+", bytes: payload)],
                             contentType: "application/ISUP;version=itu-t92+")
        let bytes = try message.serialized()
        let parsed = try SIPMessage(parsing: bytes)
        #expect(parsed.parts.map(\.bytes) == [payload])
        let end = try #require(SIPMessage.endOfHeaders(bytes))
        #expect(SIPMessage.declaredContentLength(bytes[..<end]) == bytes.count - end)
    }

    @Test func headersAndStartLine() throws {
        let raw = "INVITE sip:+390612345678@olo2.it;user=phone SIP/2.0\r\nv: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK7\r\n"
            + "f: <sip:+390655512345@olo1.it;user=phone>;tag=9\r\nt: <sip:+390612345678@olo2.it;user=phone>\r\n"
            + "i: abc@h\r\nCSeq: 7 INVITE\r\nP-Asserted-Identity: <sip:+390655512345@olo1.it;user=phone>\r\n"
            + "Privacy: id\r\nl: 0\r\n\r\n"
        let m = try SIPMessage(parsing: Array(raw.utf8))
        #expect(m.method == "INVITE")
        #expect(m.startLine == .request(method: "INVITE", uri: "sip:+390612345678@olo2.it;user=phone"))
        #expect(m.header("Call-ID") == "abc@h")
        #expect(m.header("from")?.hasPrefix("<sip:+390655512345@olo1.it;user=phone>") == true)
        #expect(m.header("P-Asserted-Identity") == "<sip:+390655512345@olo1.it;user=phone>")
        #expect(m.header("Privacy") == "id")
        #expect(m.header("CSeq") == "7 INVITE")
        #expect(m.parts.isEmpty)
    }

    /// Every header the gateway reads or sets survives serialize → parse with its value (names compare
    /// case-insensitively: libosip2 writes unknown names in its own capitalisation).
    @Test func gatewayHeadersSurvive() throws {
        let values: [(String, String)] = [
            ("Contact", "<sip:gw@olo1.it>"), ("Max-Forwards", "69"),
            ("P-Asserted-Identity", "<sip:+390655512345@olo1.it;user=phone>"), ("Privacy", "id"),
            ("Reason", "Q.850;cause=16;text=\"Normal call clearing\""), ("Session-Expires", "1800;refresher=uac"),
            ("Supported", "timer"), ("Require", "timer"),
            ("History-Info", "<sip:+390612345678@olo2.it;user=phone>;index=1"),
        ]
        var m = invite(parts: [], contentType: "application/sdp")
        m.setHeader("Content-Type", nil)
        for (name, value) in values { m.setHeader(name, value) }
        let back = try SIPMessage(parsing: try m.serialized())
        for (name, value) in values { #expect(back.header(name) == value, "\(name)") }
        #expect(back.header("Via") == "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1")
        #expect(back.header("CSeq") == "1 INVITE")
        #expect(back.header("To") == "<sip:+390612345678@olo2.it;user=phone>")
    }

    /// `setHeader` replaces every occurrence, long or compact name (RFC 3261 §7.3.3), at the place of the first,
    /// removes them all with nil, and appends a header not yet there.
    @Test func setHeaderReplacesEveryOccurrenceInPlace() {
        var m = SIPMessage(startLine: .request(method: "OPTIONS", uri: "sip:a@b"), headers: [
            SIPHeader("From", "<sip:x@y>;tag=1"), SIPHeader("Via", "SIP/2.0/UDP h1"), SIPHeader("To", "<sip:a@b>"),
            SIPHeader("v", "SIP/2.0/UDP h2"), SIPHeader("Call-ID", "c"), SIPHeader("VIA", "SIP/2.0/UDP h3"),
        ])
        m.setHeader("via", "SIP/2.0/UDP h0")
        #expect(m.headers.map(\.name) == ["From", "via", "To", "Call-ID"])
        #expect(m.headers("Via") == ["SIP/2.0/UDP h0"])
        m.setHeader("t", "<sip:c@d>")
        #expect(m.headers.map(\.name) == ["From", "via", "t", "Call-ID"])
        m.setHeader("CSeq", "1 OPTIONS")
        #expect(m.headers.map(\.name) == ["From", "via", "t", "Call-ID", "CSeq"])
        m.setHeader("Via", nil)
        m.setHeader("Max-Forwards", nil)
        #expect(m.headers.map(\.name) == ["From", "t", "Call-ID", "CSeq"])
    }

    /// Same content: the same fields in any order of different names (RFC 3261 §7.3.1), names in any case or
    /// compact form; not with one value changed, one field more, or the order of two fields of one name swapped.
    @Test func sameContentIgnoresTheOrderOfDifferentNamesOnly() {
        let base = [SIPHeader("Via", "SIP/2.0/UDP a;branch=z9hG4bK1"), SIPHeader("Via", "SIP/2.0/UDP b;branch=z9hG4bK2"),
                    SIPHeader("From", "<sip:a@b>;tag=1"), SIPHeader("Call-ID", "c1")]
        func message(_ headers: [SIPHeader]) -> SIPMessage {
            SIPMessage(startLine: .request(method: "OPTIONS", uri: "sip:a@b"), headers: headers)
        }
        let m = message(base)
        #expect(m.hasSameContent(as: message(base)))
        #expect(m.hasSameContent(as: message([base[2], base[0], base[3], base[1]])))
        #expect(m.hasSameContent(as: message([SIPHeader("v", base[0].value), SIPHeader("VIA", base[1].value),
                                              SIPHeader("f", base[2].value), SIPHeader("i", "c1")])))
        #expect(!m.hasSameContent(as: message([base[1], base[0], base[2], base[3]])))
        #expect(!m.hasSameContent(as: message(base.dropLast() + [SIPHeader("Call-ID", "c2")])))
        #expect(!m.hasSameContent(as: message(base + [SIPHeader("Max-Forwards", "70")])))
    }

    @Test func response() throws {
        let m = SIPMessage(startLine: .response(statusCode: 486, reasonPhrase: "Busy Here"), headers: [
            SIPHeader("Via", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1"), SIPHeader("From", "<sip:a@b>;tag=1"),
            SIPHeader("To", "<sip:c@d>;tag=2"), SIPHeader("Call-ID", "x"), SIPHeader("CSeq", "1 INVITE"),
            SIPHeader("Reason", "Q.850;cause=17"),
        ])
        let back = try SIPMessage(parsing: try m.serialized())
        #expect(back.statusCode == 486)
        #expect(back.startLine == .response(statusCode: 486, reasonPhrase: "Busy Here"))
        #expect(back.header("Reason") == "Q.850;cause=17")
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        let text: String
        let reason: SIPParseError.Reason
        var testDescription: String { "\(reason)" }
    }

    @Test(arguments: [
        Bad(text: "INVITE sip:a@b SIP/2.0\r\nCall-ID: x\r\n", reason: .noEndOfHeaders),
        Bad(text: "INVITE sip:a@b SIP/2.0\r\nCall-ID: x\r\nContent-Length: 10\r\n\r\nabc", reason: .bodyTruncated(contentLength: 10, available: 3)),
    ])
    func parseErrors(_ bad: Bad) {
        #expect(throws: SIPParseError(bad.reason)) { try SIPMessage(parsing: Array(bad.text.utf8)) }
    }

    @Test func garbageIsRejectedByTheParser() {
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Array("HELLO\r\n\r\n".utf8)) }
    }
}

extension String {
    var replacingSpaces: String { filter { $0 != " " } }
}

