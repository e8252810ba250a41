extension SIPMessage {
    /// One line for a call ladder: `INVITE sip:…` or `180 Ringing`, with the body's kinds (SDP, the encapsulated ISUP message) and the Q.850
    /// cause of a Reason header.
    public var summaryLine: String {
        var text: String
        switch startLine {
        case .request(let method, let uri): text = "\(method) \(uri)"
        case .response(let code, let reason): text = "\(code) \(reason)"
        }
        var body = [String]()
        if parts.contains(where: { $0.mediaType == "application/sdp" }) { body.append("SDP") }
        if let isup = (try? SIPIBody(parsing: self)).flatMap({ $0 }) { body.append("ISUP \(isup.isup.type)") }
        if !body.isEmpty { text += " [" + body.joined(separator: " + ") + "]" }
        if let reason = header("reason"), let cause = reason.split(separator: ";").first(where: { $0.hasPrefix("cause=") }) {
            text += " (Reason \(cause))"
        }
        return text
    }
}
