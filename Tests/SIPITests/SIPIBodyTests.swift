import ISUP
import OracleSupport
import Testing
@testable import SIPI

/// Q.1912.5 / RFC 3204 bodies: build, parse, the variants seen in the wild (vectors.md C2), and tshark.
@Suite struct SIPIBodyTests {
    /// vectors.md A1 (osmo_ss7) without its CIC: SIP-I bodies start at the message type.
    static let iam = hex("01 10 48 00 0a 03 02 0a 08 83 10 29 99 24 00 80 0f 0a 08 03 13 94 03 42 30 93 20 f2 15 36 19 08 00 00 15 ff ff ff ff ff ff ff ff ff ff 1d 45 38 cb 20 00")
    /// isup-q763.md §7.3 REL (cause 16) and §7.2 ACM, without CIC.
    static let rel = hex("0C 02 00 02 82 90")
    static let acm = hex("06 16 14 01 29 01 01 00")
    static let sdp = Array("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 18 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:18 G729/8000\r\na=fmtp:18 annexb=no\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n".utf8)

    static func request(_ method: String, cseq: Int = 1) -> SIPMessage {
        SIPMessage(startLine: .request(method: method, uri: "sip:+39929942000@127.0.0.1:5060;user=phone"), headers: [
            SIPHeader("Via", "SIP/2.0/UDP 127.0.0.1:5070;rport;branch=z9hG4bK-\(method)"),
            SIPHeader("From", "<sip:+39493024033902@127.0.0.1;user=phone>;tag=a1"),
            SIPHeader("To", "<sip:+39929942000@127.0.0.1;user=phone>"),
            SIPHeader("Call-ID", "sipi-\(method)@127.0.0.1"), SIPHeader("CSeq", "\(cseq) \(method)"),
            SIPHeader("Max-Forwards", "70"),
        ])
    }

    static func response(_ code: Int, _ reason: String, to method: String) -> SIPMessage {
        var m = request(method)
        m.startLine = .response(statusCode: code, reasonPhrase: reason)
        m.setHeader("To", "<sip:+39929942000@127.0.0.1;user=phone>;tag=b2")
        return m
    }

    static func with(_ message: SIPMessage, isup: [UInt8], sdp: [UInt8]? = nil, handling: SIPIBody.Handling = .optional) throws -> SIPMessage {
        var m = message
        try SIPIBody(isup: try ISUPMessage(decoding: isup, framing: .withoutCIC), sdp: sdp, handling: handling).apply(to: &m)
        return m
    }

    @Test func inviteWithSDPAndIAMRoundTrips() throws {
        let invite = try Self.with(Self.request("INVITE"), isup: Self.iam, sdp: Self.sdp)
        let parsed = try SIPMessage(parsing: try invite.serialized())
        #expect(parsed.contentType?.type == "multipart/mixed")
        let body = try #require(try SIPIBody(parsing: parsed))
        #expect(try body.isup.encoded(framing: .withoutCIC) == Self.iam)
        #expect(body.isup.cic == nil)
        #expect(body.sdp == Self.sdp)
        #expect(body.version == "itu-t92+")
        #expect(body.handling == .optional)
    }

    @Test func loneISUPBodyInAResponse() throws {
        let busy = try Self.with(Self.response(486, "Busy Here", to: "INVITE"), isup: Self.rel)
        let parsed = try SIPMessage(parsing: try busy.serialized())
        #expect(parsed.contentType?.type == "application/isup")
        #expect(parsed.header("content-disposition")?.filter { $0 != " " } == "signal;handling=optional")
        let body = try #require(try SIPIBody(parsing: parsed))
        #expect(body.isup.causeIndicators?.value == 16)
        #expect(body.sdp == nil)
    }

    /// vectors.md C2 variants: quoted boundary, `base` before `version`, Content-Transfer-Encoding, ISUP part first,
    /// upper/lower case, written by hand as another implementation would send it.
    @Test func variantsSeenInTheWild() throws {
        var raw = Array(("INVITE sip:+39929942000@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-w\r\n"
            + "From: <sip:+39493024033902@127.0.0.1>;tag=1\r\nTo: <sip:+39929942000@127.0.0.1>\r\nCall-ID: w@h\r\n"
            + "CSeq: 1 INVITE\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"unique-boundary-1\"\r\n").utf8)
        var body = Array("--unique-boundary-1\r\nContent-Type: application/isup; base=itu-t92+; version=itu-t92+\r\n".utf8)
        body += Array("Content-Disposition: signal; handling=required\r\nContent-Transfer-Encoding: binary\r\n\r\n".utf8)
        body += Self.iam + Array("\r\n--unique-boundary-1\r\nContent-Type: application/sdp\r\n\r\n".utf8) + Self.sdp
        body += Array("\r\n--unique-boundary-1--\r\n".utf8)
        raw += Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        let parsed = try SIPMessage(parsing: raw)
        let sipi = try #require(try SIPIBody(parsing: parsed))
        #expect(try sipi.isup.encoded(framing: .withoutCIC) == Self.iam)
        #expect(sipi.handling == .required)
        #expect(sipi.base == "itu-t92+")
        #expect(sipi.sdp == Self.sdp)
    }

    @Test func unsupportedRequiredPartAnswers415() throws {
        var m = Self.request("INVITE")
        m.setHeader("Content-Type", "multipart/mixed;boundary=b1")
        m.parts = [
            MIMEPart(contentType: "application/sdp", bytes: Self.sdp),
            MIMEPart(contentType: "application/ISUP;version=ansi00", headers: [SIPHeader("Content-Disposition", "signal;handling=required")], bytes: Self.iam),
        ]
        let parsed = try SIPMessage(parsing: try m.serialized())
        do {
            _ = try SIPIBody(parsing: parsed)
            Issue.record("an ANSI body with handling=required must be refused")
        } catch {
            #expect(error.sipStatus == 415)
        }
        // The same part marked optional is ignored: the call goes on with the SDP alone.
        m.parts[1].headers = [SIPHeader("Content-Disposition", "signal;handling=optional")]
        #expect(try SIPIBody(parsing: try SIPMessage(parsing: try m.serialized())) == nil)
    }

    @Test func isupTypeMustFitTheSIPMessage() throws {
        var ok = try Self.with(Self.response(180, "Ringing", to: "INVITE"), isup: Self.acm)
        #expect(try SIPIBody(parsing: ok)?.isup.type == .acm)
        ok = try Self.with(Self.request("BYE", cseq: 2), isup: Self.rel)
        #expect(try SIPIBody(parsing: ok)?.isup.type == .rel)
        let wrong = try Self.with(Self.response(200, "OK", to: "INVITE"), isup: Self.iam)
        #expect(throws: SIPIBodyError(.isupNotAllowed(type: "IAM", carrier: "200 (INVITE)"))) { try SIPIBody(parsing: wrong) }
        let cancel = try Self.with(Self.request("CANCEL"), isup: Self.rel)
        #expect(throws: SIPIBodyError(.isupNotAllowed(type: "REL", carrier: "CANCEL"))) { try SIPIBody(parsing: cancel) }
    }

    @Test func malformedISUPNamesTheOffset() throws {
        var m = Self.response(486, "Busy Here", to: "INVITE")
        m.setHeader("Content-Type", "application/ISUP;version=itu-t92+")
        m.parts = [MIMEPart(contentType: "application/ISUP;version=itu-t92+", bytes: hex("0C 02 00 05 82 90"))]
        #expect(throws: SIPIBodyError(.isupMalformed(ISUPDecodingError(offset: 3, field: "causeIndicators", reason: .lengthOverrun(length: 5, available: 2))))) {
            try SIPIBody(parsing: m)
        }
    }

    @Test func boundaryNeverInsideAPart() throws {
        var m = Self.request("INVITE")
        let body = SIPIBody(isup: try ISUPMessage(decoding: Self.iam, framing: .withoutCIC), sdp: Self.sdp)
        #expect(throws: SIPIBodyError(.boundaryInPart("PCMA"))) { try body.apply(to: &m, boundary: "PCMA") }
        try body.apply(to: &m)
        let boundary = try #require(m.contentType?.parameters["boundary"])
        #expect(boundary.count >= 16)
    }

    /// tshark decodes our SIP-I messages (text2pcap -u 5060,5060) down to the ISUP fields, with no malformed item.
    /// The NUL octets of binary ISUP make tshark add a harmless "Trailing stray characters" warning (oracles.md §2),
    /// so only errors count.
    @Test(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
    func tsharkDecodesOurSIPI() throws {
        let messages = [
            try Self.with(Self.request("INVITE"), isup: Self.iam, sdp: Self.sdp),
            try Self.with(Self.response(180, "Ringing", to: "INVITE"), isup: Self.acm),
            try Self.with(Self.request("BYE", cseq: 2), isup: Self.rel),
            try Self.with(Self.response(486, "Busy Here", to: "INVITE"), isup: Self.rel, handling: .required),
        ]
        let rows = try Tshark.fields(of: try messages.map { try $0.serialized() }, text2pcap: ["-u", "5060,5060"], fields: [
            "frame.protocols", "sip.Method", "sip.Status-Code", "isup.message_type", "isup.called", "isup.calling",
            "isup.cause_indicator", "_ws.malformed", "_ws.expert.severity",
        ])
        let expected: [(type: String, called: String, calling: String, cause: String)] = [
            ("1", "9299420008F", "493024033902", ""), ("6", "", "", ""), ("12", "", "", "16"), ("12", "", "", "16"),
        ]
        for (row, e) in zip(rows, expected) {
            #expect(row[0].contains(":sip:") && row[0].contains(":isup"), "\(row)")
            #expect(row[3] == e.type, "\(row)")
            #expect(row[4] == e.called, "\(row)")
            #expect(row[5] == e.calling, "\(row)")
            #expect(row[6] == e.cause, "\(row)")
            #expect(row[7].isEmpty, "\(row)")
            #expect(!row[8].contains(Tshark.errorSeverity), "\(row)")
        }
        #expect(rows[0][1] == "INVITE")
        #expect(rows[3][2] == "486")
    }
}
