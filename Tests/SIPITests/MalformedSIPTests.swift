import ISUP
import OracleSupport
import Testing
@testable import SIPI

/// Issue 10, fuzzing findings on the SIP side: input that trapped the process, swallowed a header or split a
/// message is refused with a typed `SIPParseError` (which the gateway answers with 400, RFC 3261 §21.4.1).
@Suite struct MalformedSIPTests {
    static let head = "Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n"
        + "Call-ID: x@h\r\nCSeq: 1 INVITE\r\n"

    /// An INVITE with an SDP body and the given extra header lines (each ending in CRLF).
    static func invite(_ extra: String, uri: String = "sip:a@b") -> [UInt8] {
        Array(("INVITE \(uri) SIP/2.0\r\n" + head + extra + "Content-Length: 5\r\n\r\nv=0\r\n").utf8)
    }

    static func reason(_ body: () throws -> Void) -> SIPParseError.Reason? {
        do {
            try body()
            return nil
        } catch let error as SIPParseError {
            return error.reason
        } catch {
            return nil
        }
    }

    /// Issue 10, fuzzing finding (remote crash): a parameter made only of `=` trapped `MediaType.init`; a
    /// parameter without a name is malformed (RFC 3261 §25.1 `m-parameter = m-attribute EQUAL m-value`).
    @Test(arguments: [
        ("Content-Type: application/sdp\r\nContent-Disposition: session;=\r\n", "content-disposition", "="),
        ("Content-Type: application/sdp;=\r\n", "content-type", "="),
        ("Content-Type: application/sdp; =x\r\n", "content-type", "=x"),
    ])
    func namelessParameterIsAParseError(_ extra: String, _ header: String, _ parameter: String) {
        let reason = Self.reason { _ = try SIPMessage(parsing: Self.invite(extra)) }
        guard case .malformedParameter(let h, let p)? = reason else {
            Issue.record("expected malformedParameter, got \(String(describing: reason))")
            return
        }
        #expect(SIPHeader.canonical(h) == header)
        #expect(p == parameter)
    }

    /// Issue 10, fuzzing finding (remote crash), in a body part: the ISUP part's Content-Type has `;=`.
    /// Issue 10, fuzzing finding: FuzzSIPMessage. A multipart part whose Content-Type is misspelt took the
    /// message's `multipart/mixed` type, was written back as a nested multipart, and parsed differently.
    @Test func bodyPartWithoutContentTypeIsTextPlain() throws {
        let body = "--b1\r\nkontent-type: application/sdp\r\n\r\nv=0\r\n\r\n--b1--\r\n"
        let text = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed;boundary=b1\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        let message = try SIPMessage(parsing: Array(text.utf8))
        #expect(message.parts.map(\.contentType) == ["text/plain"])
        let again = try SIPMessage(parsing: message.serialized())
        #expect(again.parts.map(\.contentType) == ["text/plain"])
        #expect(again.parts.map(\.bytes) == message.parts.map(\.bytes))
    }

    @Test func namelessParameterInABodyPart() {
        let body = "--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b1\r\nContent-Type: application/ISUP;=\r\n"
            + "Content-Disposition: signal;handling=optional\r\n\r\n\u{06}\u{16}\u{14}\u{01}\u{29}\u{01}\u{01}\u{00}\r\n--b1--\r\n"
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;boundary=b1\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        let reason = Self.reason { _ = try SIPMessage(parsing: Array(raw.utf8)) }
        guard case .malformedParameter(_, "=")? = reason else {
            Issue.record("expected malformedParameter, got \(String(describing: reason))")
            return
        }
    }

    /// The lenient reading used on values built in code never traps either, and skips the nameless parameter.
    @Test func lenientMediaTypeSkipsNamelessParameters() throws {
        #expect(MediaType("session;=;handling=optional;=x").parameters == ["handling": "optional"])
        var m = SIPMessage(startLine: .request(method: "INVITE", uri: "sip:a@b"), headers: [
            SIPHeader("Content-Type", "application/ISUP;="), SIPHeader("Content-Disposition", "signal;="),
        ], parts: [MIMEPart(contentType: "application/ISUP;=", bytes: [0x01])])
        #expect(throws: SIPIBodyError.self) { try SIPIBody(parsing: m) }
        m.parts = []
        #expect(try SIPIBody(parsing: m) == nil)
    }

    /// Issue 10, fuzzing finding (header swallowing): libosip2 cannot write a Content-Type parameter without a
    /// value and drops that line's CRLF, so the next header became the Content-Type value. The valueless
    /// parameter is left out and P-Asserted-Identity survives parse → serialize → parse.
    @Test(arguments: ["application/sdp;x", "application/sdp; x ;y=1", "application/ISUP;version="])
    func valuelessParameterDoesNotSwallowTheNextHeader(_ contentType: String) throws {
        let pai = "<sip:+390655512345@olo1.it;user=phone>"
        let once = try SIPMessage(parsing: Self.invite("Content-Type: \(contentType)\r\nP-Asserted-Identity: \(pai)\r\nMax-Forwards: 70\r\n"))
        let twice = try SIPMessage(parsing: try once.serialized())
        for m in [once, twice] {
            #expect(m.header("P-Asserted-Identity") == pai)
            #expect(m.header("Max-Forwards") == "70")
            let type = try #require(m.contentType)
            #expect(type.type == MediaType(contentType).type)
            #expect(type.parameters["x"] == nil && type.parameters["version"] == nil)
            #expect(m.parts.map(\.bytes) == [Array("v=0\r\n".utf8)])
        }
        #expect(twice.contentType?.parameters["y"] == (contentType.contains("y=1") ? "1" : nil))
    }

    /// A valueless Content-Type parameter set in code is refused, not written mangled.
    @Test func valuelessParameterIsNotSerialized() {
        let m = SIPMessage(startLine: .request(method: "INVITE", uri: "sip:a@b"), headers: [
            SIPHeader("Content-Type", "application/sdp;x"), SIPHeader("Max-Forwards", "70"),
        ], parts: [MIMEPart(contentType: "application/sdp", bytes: Array("v=0\r\n".utf8))])
        #expect(throws: SIPParseError(.malformedParameter(header: "Content-Type", parameter: "x"))) { try m.serialized() }
    }

    /// Issue 10, fuzzing finding (header swallowing): `apply(to:)` on an ISUP part without version wrote
    /// `version=` and produced `Content-Type: Max-forwards: 70`. It now leaves the parameter out.
    @Test func applyWithoutVersionWritesAValidContentType() throws {
        let rel = try ISUPMessage(decoding: [0x0C, 0x02, 0x00, 0x02, 0x82, 0x90], framing: .withoutCIC)
        var bye = SIPMessage(startLine: .request(method: "BYE", uri: "sip:a@b"), headers: [
            SIPHeader("Via", "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2"), SIPHeader("From", "<sip:a@b>;tag=1"),
            SIPHeader("To", "<sip:c@d>;tag=2"), SIPHeader("Call-ID", "x@h"), SIPHeader("CSeq", "2 BYE"),
            SIPHeader("Max-Forwards", "70"),
        ])
        try SIPIBody(isup: rel, version: "").apply(to: &bye)
        #expect(bye.header("Content-Type") == "application/ISUP")
        let parsed = try SIPMessage(parsing: try bye.serialized())
        #expect(parsed.header("Content-Type")?.lowercased() == "application/isup")
        #expect(parsed.header("Max-Forwards") == "70")
        let body = try #require(try SIPIBody(parsing: parsed))
        #expect(body.isup == rel)
        #expect(body.version == "")
    }

    @Test(arguments: [("version", "itu t92+"), ("version", "a\r\nX: y"), ("base", "etsi;121")])
    func applyRefusesAParameterItCannotWrite(_ name: String, _ value: String) {
        let rel = try! ISUPMessage(decoding: [0x0C, 0x02, 0x00, 0x02, 0x82, 0x90], framing: .withoutCIC)
        let body = name == "version" ? SIPIBody(isup: rel, version: value) : SIPIBody(isup: rel, base: value)
        var m = SIPMessage(startLine: .request(method: "BYE", uri: "sip:a@b"), headers: [])
        #expect(throws: SIPIBodyError(.invalidParameter(name: name, value: value))) { try body.apply(to: &m) }
    }

    /// Issue 10, fuzzing finding (message splitting): a Request-URI with CR LF CR LF was accepted and the parsed
    /// message had no headers.
    @Test func requestURIWithCRLFCRLFIsRefused() {
        let reason = Self.reason { _ = try SIPMessage(parsing: Self.invite("Max-Forwards: 70\r\n", uri: "sip:a@b\r\n\r\nX")) }
        guard case .invalidField? = reason else {
            Issue.record("expected invalidField, got \(String(describing: reason))")
            return
        }
    }

    /// Issue 10, fuzzing finding (message splitting): a header value with NUL was cut at the NUL.
    /// ST769-2 ERR-02: a space inside the Request-URI splits the request line (RFC 3261 §25.1 Request-Line); the
    /// request is still answerable, so the error carries it with the URI as received.
    @Test func requestURIWithASpaceIsReportedWithTheRequest() throws {
        let bytes = Self.invite("", uri: "sip:+39 0612345678@opa.it;user=phone")
        guard case .invalidRequestURI(let uri, let request)? = Self.reason({ _ = try SIPMessage(parsing: bytes) }) else {
            Issue.record("not an invalidRequestURI"); return
        }
        #expect(uri == "sip:+39 0612345678@opa.it;user=phone")
        #expect(request.header("call-id") == "x@h" && request.method == "INVITE")
        #expect(try SIPMessage(receiving: bytes) == request)
        #expect(throws: SIPParseError.self) { try request.serialized() }
        // Not a request line at all: no request to answer.
        let noVersion = Array(("INVITE sip:a b SIP/9.9\r\n" + Self.head + "Content-Length: 0\r\n\r\n").utf8)
        #expect(throws: SIPParseError.self) { try SIPMessage(receiving: noVersion) }
    }

    @Test func nulInAHeaderValueIsRefused() {
        let reason = Self.reason { _ = try SIPMessage(parsing: Self.invite("Subject: a\u{0}b\r\nContent-Type: application/sdp\r\n")) }
        #expect(reason == .invalidField(field: "Subject", detail: "contains NUL (0x00)"))
    }

    /// Issue 10, fuzzing finding (message splitting): values set in code go on the wire only when they cannot
    /// end the line or the message.
    @Test(arguments: [
        (SIPMessage.StartLine.request(method: "INVITE", uri: "sip:a@b\r\n\r\nINVITE sip:c@d"), "Request-URI"),
        (.request(method: "INVITE", uri: "sip:a@b x"), "Request-URI"),
        (.request(method: "INV\r\nITE", uri: "sip:a@b"), "Method"),
        (.response(statusCode: 200, reasonPhrase: "OK\r\nX: y"), "Reason-Phrase"),
    ])
    func startLineIsValidatedOnSerialization(_ startLine: SIPMessage.StartLine, _ field: String) {
        let m = SIPMessage(startLine: startLine, headers: [SIPHeader("Call-ID", "x")])
        guard case .invalidField(field, _)? = Self.reason({ _ = try m.serialized() }) else {
            Issue.record("expected invalidField(\(field))")
            return
        }
    }

    @Test(arguments: [
        (SIPHeader("Subject", "a\r\nBYE sip:c@d SIP/2.0"), "Subject"),
        (SIPHeader("Subject", "a\u{0}b"), "Subject"),
        (SIPHeader("Subject", "a\rb"), "Subject"),
        (SIPHeader("X-A: b\r\nX-B", "c"), "header name \"X-A: b\r\nX-B\""),
    ])
    func headersAreValidatedOnSerialization(_ header: SIPHeader, _ field: String) {
        let m = SIPMessage(startLine: .request(method: "INVITE", uri: "sip:a@b"), headers: [SIPHeader("Call-ID", "x"), header])
        guard case .invalidField(field, _)? = Self.reason({ _ = try m.serialized() }) else {
            Issue.record("expected invalidField(\(field))")
            return
        }
    }

    @Test func bodyPartHeaderIsValidatedOnSerialization() {
        let m = SIPMessage(startLine: .request(method: "INVITE", uri: "sip:a@b"), headers: [
            SIPHeader("Call-ID", "x"), SIPHeader("Content-Type", "multipart/mixed;boundary=b1"),
        ], parts: [MIMEPart(contentType: "application/sdp", headers: [SIPHeader("Content-Disposition", "session\r\nX: y")], bytes: [])])
        #expect(throws: SIPParseError(.invalidField(field: "body part Content-Disposition", detail: "contains CR (0x0D)"))) {
            try m.serialized()
        }
    }

    /// Issue 10, fuzzing finding (remote leak): libosip2 leaks on a part with two Content-Type headers, so such a
    /// part is refused before libosip2 sees it (MemoryTests checks the leak itself under valgrind).
    @Test(arguments: ["Content-Type: application/sdp\r\nContent-Type: application/sdp\r\n",
                      "content-type: application/sdp\r\nCONTENT-TYPE : text/plain\r\n",
                      // Issue 10, fuzzing findings FuzzSIPMessage, FuzzSIPIBody (LeakSanitizer): libosip2 reads a
                      // name that only begins with "content-type" as one.
                      "content-type: application/ISUP; version=itu-t92+\r\ncontent-typeosition: signal\r\n"])
    func repeatedContentTypeInAPartIsRefused(_ partHeaders: String) {
        let body = "--b1\r\n\(partHeaders)\r\nv=0\r\n--b1--\r\n"
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;boundary=\"b1\"\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(throws: SIPParseError(.repeatedPartHeader("Content-Type"))) { try SIPMessage(parsing: Array(raw.utf8)) }
    }

    /// Issue 10, LeakSanitizer finding FuzzSIPIBody (minimized): a delimiter line ending in a bare LF hid the part's
    /// first header lines from the screening, and libosip2 (which ends lines at LF) leaked the second Content-Type.
    @Test func delimiterLineEndingInABareLFIsRefused() {
        let body = "--b1\t\ncontent-type: application/x\t\ncontent-type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;boundary=b1\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Array(raw.utf8)) }
    }

    /// Issue 10, LeakSanitizer finding FuzzSIPIBody (minimized): of two message Content-Types the screening read the
    /// first (not multipart) and libosip2 the last, so a part with two Content-Types went unchecked and leaked.
    @Test func repeatedMessageContentTypeIsRefused() {
        let body = "--b1\r\nContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "Content-Type: text/plain\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed;boundary=b1\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(throws: SIPParseError(.repeatedHeader("Content-Type"))) { try SIPMessage(parsing: Array(raw.utf8)) }
    }

    /// Issue 10, LeakSanitizer finding FuzzSIPIBody (2026-12-04, `leak-65bf3a26…`, minimized): the message's
    /// Content-Type carried its `boundary` on a continuation line (RFC 3261 §7.3.1). The screening read the first
    /// line only, saw no boundary and checked no part; libosip2 unfolds the header section, found the multipart body
    /// and leaked on a part with two Content-Types. Folded or not, the part's two Content-Types are refused.
    @Test(arguments: ["Content-Type: multipart/mixed;\r\n boundary=b1\r\n",
                      "Content-Type:\r\n\tmultipart/mixed;\r\n  boundary=\"b1\"\r\n"])
    func foldedMessageContentTypeStillScreensTheParts(_ contentType: String) {
        let body = "--b1\r\ncontent-type: application/ISUP; version=itu-t92+\r\n"
            + "content-type: application/ISUP; version=itu-t92+\r\n\r\nv=0\r\n--b1--\r\n"
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\n" + contentType
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(throws: SIPParseError(.repeatedPartHeader("Content-Type"))) { try SIPMessage(parsing: Array(raw.utf8)) }
    }

    /// Issue 10 (remote leak, LeakSanitizer, found reading libosip2's `msg_osip_body_parse` after the finding above):
    /// libosip2 begins a part's headers one octet after the boundary, whatever that octet is, so a Content-Type on
    /// the delimiter line was read by libosip2 and not by the screening, and a second one leaked. A delimiter line
    /// holds the boundary, transport padding and CRLF (RFC 2046 §5.1.1), or the message is refused. The empty
    /// boundary (`""`, or a lone `"` that libosip2 strips to it) makes every "--" at a line start a delimiter:
    /// its parts are checked too. libosip2 reads a part even behind a first delimiter that closes (`--b1--`).
    @Test(arguments: [("boundary=b1", "--b1XContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"),
                      ("boundary=b1", "\r\n--b1\rContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"),
                      ("boundary=b1", "--b1--\r\nContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"),
                      // A parameter named twice (RFC 2045 §5.1): libosip2 reads the first boundary.
                      ("boundary=b1;boundary=b2", "--b1\r\nContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"),
                      ("boundary=b1;BOUNDARY=b2", "--b1\r\nContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"),
                      ("boundary=\"\"", "--\r\nContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n----\r\n"),
                      ("boundary=\"", "--\r\nContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n----\r\n")])
    func partHeadersWhereLibosip2ReadsThemAreScreened(_ parameter: String, _ body: String) {
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\(parameter)\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Array(raw.utf8)) }
    }

    /// Issue 10, LeakSanitizer finding FuzzSIPIBody (2026-12-04, `leak-7b6ef4c7…`, reduced): libosip2 reads a
    /// start line up to its second SP across CRLFs, and skips CR and LF before it, so the header section it parsed
    /// (with a multipart Content-Type and a part holding two) was not the one screened. Both are refused.
    @Test(arguments: ["INVITE sip:a@b\r\n\r\nx SIP/2.0\r\n", "\r\n\r\nINVITE sip:a@b SIP/2.0\r\n",
                      // Two SPs, but libosip2 looks for the second one from two octets past the first.
                      "INVITE  sip:a@b\r\n\r\nx SIP/2.0\r\n"])
    func startLineLibosip2ReadsElsewhereIsRefused(_ start: String) {
        let body = "--b1\r\nContent-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1--\r\n"
        let raw = start + Self.head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;boundary=b1\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Array(raw.utf8)) }
    }

    /// A folded header field is one field (RFC 3261 §7.3.1): the multipart body behind a folded Content-Type parses
    /// into its parts. (libosip2 refuses a folded header inside a body part.)
    @Test func foldedContentTypeIsRead() throws {
        let body = "--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b1\r\nContent-Type: application/ISUP;"
            + " version=itu-t92+\r\n\r\nxy\r\n--b1--\r\n"
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n"
            + " boundary=b1\r\nContent-Length:\r\n \(body.utf8.count)\r\n\r\n" + body
        let m = try SIPMessage(parsing: Array(raw.utf8))
        #expect(m.parts.map(\.mediaType) == ["application/sdp", "application/isup"])
    }

    /// A repeated Content-Disposition does not leak (valgrind) and is kept as received.
    @Test func repeatedDispositionInAPartIsKept() throws {
        let body = "--b1\r\nContent-Type: application/sdp\r\nContent-Disposition: session\r\nContent-Disposition: session\r\n\r\nv=0\r\n--b1--\r\n"
        let raw = "INVITE sip:a@b SIP/2.0\r\n" + Self.head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;boundary=b1\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        let m = try SIPMessage(parsing: Array(raw.utf8))
        #expect(m.parts.first?.headers.filter { $0.hasName("content-disposition") }.count == 2)
    }
}

/// Issue 10, fuzzing findings: FuzzSIPMessage, FuzzSIPIBody — libosip2 parsed messages it then would not write.
@Suite struct UnwritableSIPTests {
    @Test(arguments: [
        // A status line with a non-UTF-8 version and a Via `SIP/./U` (FuzzSIPMessage, minimized).
        "5349502f322ed920323030200d0a563a2f2e2f5520203b0d0a0d0a",
        // A Request-URI with octets 0xFF (FuzzSIPIBody, minimized).
        "425945207369703a363affff736e205349502f0d0a433a6170706c69636174696f6e2f697375700d0a0d0a0c020002839f",
    ])
    func refusedAtParse(_ octets: String) {
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: hex(octets)) }
    }

    static func ok(to: String, from: String = "<sip:a@b>;tag=a", extra: String = "") -> [UInt8] {
        Array(("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\nFrom: \(from)\r\nTo: \(to)\r\n"
            + "Call-ID: x@h\r\nCSeq: 1 INVITE\r\n\(extra)Content-Length: 0\r\n\r\n").utf8)
    }

    /// Issue 10, fuzzing findings FuzzSIPMessage: `%ve` is no escape (RFC 3261 §25.1 `escaped = "%" HEXDIG HEXDIG`)
    /// and `%00` decodes to NUL; libosip2 emptied the parameter name, and the message written back lost `user=phone`.
    /// A Contact `To:  <sip:…>` (a header name pasted into the value) came back as `<To:  <sip:…>>`, then lost a `>`.
    @Test(arguments: [("<sip:+390612345678@sipigwapplication/ISUP;%version=itu-t92+.it;user=phone>;tag=b", ""),
                      ("<sip:+390612345678@h;%00x=1;user=phone>;tag=b", ""),
                      ("<sip:c@d>;tag=b", "Contact:To:  <sip:15499@10.0.8.44:5060>\r\n")])
    func messageLibosip2CannotReadBackIsRefused(_ to: String, _ extra: String) {
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Self.ok(to: to, extra: extra)) }
    }

    /// Escapes that are well formed stay accepted and come back the same, as does a `%` in a quoted display name
    /// (RFC 3261 §25.1: `quoted-string` holds any octet but `"` and `\`).
    @Test(arguments: [("<sip:%2B39%20612@h;user=phone>;tag=b", "<sip:a@b>;tag=a", "%20612@h;user=phone"),
                      ("<sip:c@d>;tag=b", "\"100% sure\" <sip:a@b>;tag=a", "\"100% sure\"")])
    func wellFormedEscapesAreKept(_ to: String, _ from: String, _ kept: String) throws {
        let message = try SIPMessage(parsing: Self.ok(to: to, from: from))
        #expect(try SIPMessage(parsing: message.serialized()).hasSameContent(as: message))
        #expect((message.header("to")! + message.header("from")!).contains(kept))
    }
}
