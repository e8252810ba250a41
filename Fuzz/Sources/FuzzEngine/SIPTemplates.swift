import SIPI

/// SIP messages the peer sends, built as text and parsed by libosip2 as the transport would: INVITEs toward the
/// switch, responses to the engine's requests, and requests inside the dialogs the engine's messages belong to.
enum SIPTemplates {
    static let calledNumbers = ["+390612345678", "+3906", "+390331234567", "+447700900123", "0612345678"]
    static let statuses = [100, 180, 183, 200, 302, 404, 408, 422, 480, 481, 486, 487, 488, 491, 500, 503, 603]
    static let methods = ["ACK", "BYE", "CANCEL", "PRACK", "UPDATE", "INFO", "OPTIONS", "INVITE"]

    static let sdp = """
        v=0\r\no=peer 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\n\
        m=audio 30000 RTP/AVP 8 18 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:18 G729/8000\r\na=fmtp:18 annexb=no\r\n\
        a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n
        """

    /// An INVITE from the peer (profile A, SDP unless `sdp` is false) with one of a few Call-IDs.
    static func invite(to number: String, callID: Int, sdp withSDP: Bool, supported: String) -> SIPMessage? {
        let head = ["INVITE sip:\(number)@sipigw.it;user=phone SIP/2.0",
                    "Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKinv\(callID)",
                    "Max-Forwards: 70",
                    "From: <sip:+390298765432@olo2.it;user=phone>;tag=caller\(callID)",
                    "To: <sip:\(number)@sipigw.it;user=phone>",
                    "Call-ID: call-\(callID)@olo2.it", "CSeq: 1 INVITE",
                    "Contact: <sip:caller@127.0.0.2:5060>",
                    "P-Asserted-Identity: <sip:+390298765432@olo2.it;user=phone>",
                    "Supported: \(supported)"]
        return parse(head, body: withSDP ? sdp : nil)
    }

    /// The peer's response to a request the engine sent (RFC 3261 §8.2.6.2): Via, From, To (with a tag), Call-ID
    /// and CSeq copied; RSeq/Require for a reliable provisional; SDP when `sdp`.
    static func response(_ status: Int, to request: SIPMessage, sdp withSDP: Bool, reliable: Bool) -> SIPMessage? {
        var head = ["SIP/2.0 \(status) Fuzz"] + request.headers("via").map { "Via: \($0)" }
        head.append("From: \(request.header("from") ?? "")")
        let to = request.header("to") ?? ""
        head.append("To: " + (to.contains("tag=") || status == 100 ? to : to + ";tag=peer"))
        head += ["Call-ID: \(request.header("call-id") ?? "")", "CSeq: \(request.header("cseq") ?? "")"]
        if (101...399).contains(status) { head.append("Contact: <sip:peer@127.0.0.2:5060>") }
        if reliable, (101...199).contains(status) { head += ["Require: 100rel", "RSeq: 1"] }
        if status == 422 { head.append("Min-SE: 1800") }
        if status == 302 { head[head.count - 1] = "Contact: <sip:+390612345678@olo2.it;user=phone>" }
        return parse(head, body: withSDP ? sdp : nil)
    }

    /// A request from the peer in the dialog of `message`, a message the engine sent: for a request the engine
    /// sent the peer swaps From and To, for a response the engine sent (to the peer's request) they stay.
    /// ACK and CANCEL reuse the INVITE's CSeq number (and, for CANCEL, its branch).
    static func request(_ method: String, about message: SIPMessage, cseq: Int, sdp withSDP: Bool) -> SIPMessage? {
        let engineRequest = message.method != nil
        var from = (engineRequest ? message.header("to") : message.header("from")) ?? ""
        if !from.contains("tag=") { from += ";tag=peer" }
        let to = (engineRequest ? message.header("from") : message.header("to")) ?? ""
        let inviteCSeq = message.header("cseq").flatMap { $0.split(separator: " ").first }.map(String.init) ?? "1"
        let number = method == "ACK" || method == "CANCEL" ? inviteCSeq : String(cseq)
        let via = !engineRequest && method == "CANCEL" ? message.header("via") ?? "" : "SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKp\(cseq)"
        var head = ["\(method) sip:gw@127.0.0.1:5060 SIP/2.0", "Via: \(via)", "Max-Forwards: 70", "From: \(from)",
                    "To: \(to)", "Call-ID: \(message.header("call-id") ?? "")", "CSeq: \(number) \(method)",
                    "Contact: <sip:peer@127.0.0.2:5060>"]
        if method == "PRACK", let rseq = message.header("rseq") { head.append("RAck: \(rseq) \(inviteCSeq) INVITE") }
        return parse(head, body: withSDP ? sdp : nil)
    }

    static func parse(_ head: [String], body: String?) -> SIPMessage? {
        let tail = body.map { ["Content-Type: application/sdp", "Content-Length: \($0.utf8.count)", "", $0] }
            ?? ["Content-Length: 0", "", ""]
        return try? SIPMessage(parsing: Array((head + tail).joined(separator: "\r\n").utf8))
    }
}
