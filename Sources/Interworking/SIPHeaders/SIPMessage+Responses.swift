import SIPI

extension SIPMessage {
    /// A response to this request, RFC 3261 §8.2.6: Via (every one, in order), From, To, Call-ID and CSeq copied
    /// (§8.2.6.2), and Timestamp in a 100 (§8.2.6.1). `toTag` is added to To when To has no tag yet (§8.2.6.2: a
    /// UAS MUST add one, except in a 100). The reason phrase defaults to RFC 3261's for the code
    /// (`SIPReasonPhrases.standard`), empty for a code it does not name.
    public func response(_ status: Int, reason: String? = nil, toTag: String? = nil) -> SIPMessage {
        var headers: [SIPHeader] = []
        headers.reserveCapacity(self.headers.count)
        for header in self.headers {
            guard Self.copiedIntoResponses.contains(where: header.hasName) || status == 100 && header.hasName("timestamp")
            else { continue }
            if let toTag, header.hasName("to"), HeaderText.addressParameters(header.value)[parameter: "tag"] == nil {
                headers.append(SIPHeader(header.name, "\(header.value);tag=\(toTag)"))
            } else {
                headers.append(header)
            }
        }
        let phrase = reason ?? SIPReasonPhrases.standard(status) ?? ""
        return SIPMessage(startLine: .response(statusCode: status, reasonPhrase: phrase), headers: headers)
    }

    /// RFC 3261 §8.2.6.2: the header fields a response copies from its request (Timestamp too for a 100, §8.2.6.1).
    private static let copiedIntoResponses = ["via", "from", "to", "call-id", "cseq"]

    /// RFC 3261 §8.2.7: the To tag of a stateless response, "the same for the same request": 16 hex digits of a
    /// 64-bit FNV-1a hash of the top Via, From, Call-ID and CSeq.
    public var statelessToTag: String {
        let key = [Via.values(of: self).first.map(String.init), header("from"), header("call-id"), header("cseq")]
            .map { $0 ?? "" }.joined(separator: "\n")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for octet in key.utf8 { hash = (hash ^ UInt64(octet)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The ACK of RFC 3261 §17.1.1.3 for a 300–699 `response` to this INVITE: Request-URI, Call-ID, From and Route
    /// header fields of the request, its top Via only, To of the response (with its tag), the request's CSeq number
    /// with method ACK, and Max-Forwards (§8.1.1.6: every request carries one; the request's, else 70). No body.
    /// Nil when this is not a request with a valid CSeq.
    public func ack(for response: SIPMessage) -> SIPMessage? {
        guard case .request(_, let uri) = startLine, let cseq = CSeq(of: self) else { return nil }
        var topViaTaken = false
        var headers: [SIPHeader] = []
        for header in self.headers {
            if header.hasName("via") {
                guard !topViaTaken, let top = HeaderText.split(Substring(header.value), on: ",").first else { continue }
                topViaTaken = true
                headers.append(SIPHeader(header.name, String(top)))
            } else if header.hasName("to") {
                headers.append(SIPHeader(header.name, response.header("to") ?? header.value))
            } else if header.hasName("cseq") {
                headers.append(SIPHeader(header.name, "\(cseq.number) ACK"))
            } else if ["route", "max-forwards", "from", "call-id"].contains(where: header.hasName) {
                headers.append(header)
            }
        }
        if header("max-forwards") == nil { headers.append(SIPHeader("Max-Forwards", "70")) }
        return SIPMessage(startLine: .request(method: "ACK", uri: uri), headers: headers)
    }
}
