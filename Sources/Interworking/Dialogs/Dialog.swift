import SIPI

/// A SIP dialog as one side sees it (RFC 3261 §12): identifiers, sequence numbers, route set and remote target.
struct Dialog: Hashable, Sendable {
    var callID: String
    var localTag: String
    /// Nil until the far end's tag is known (an INVITE sent, no tagged response yet).
    var remoteTag: String?
    /// The local and remote name-addr without tag: From and To of the requests this side sends.
    var localURI: String
    var remoteURI: String
    var localSequence: UInt32
    var remoteSequence: UInt32?
    /// The Contact of the far end (§12.1.1, §12.1.2), where in-dialog requests go.
    var remoteTarget: String
    /// Record-Route values, in the order requests carry them as Route (§12.1.1 reverses them for the UAC).
    var routeSet: [String]

    /// The UAC's dialog from its INVITE and a response with a To tag (§12.1.2).
    init(uacWith invite: SIPMessage, response: SIPMessage, localTag: String) {
        callID = invite.header("call-id") ?? ""
        self.localTag = localTag
        remoteTag = response.header("to").flatMap { NameAddress($0).tag }
        localURI = Self.withoutTag(invite.header("from") ?? "")
        remoteURI = Self.withoutTag(invite.header("to") ?? "")
        localSequence = invite.header("cseq").flatMap { CSeq(parsing: $0)?.number } ?? 1
        remoteSequence = nil
        remoteTarget = response.header("contact").map { String(NameAddress($0).uri) } ?? Self.requestURI(of: invite)
        routeSet = response.headers("record-route").flatMap(Self.values).reversed()
    }

    /// The UAS's dialog from a received INVITE (§12.1.1); the local tag goes into every response.
    init(uasWith invite: SIPMessage, localTag: String) {
        callID = invite.header("call-id") ?? ""
        self.localTag = localTag
        remoteTag = invite.header("from").flatMap { NameAddress($0).tag }
        localURI = Self.withoutTag(invite.header("to") ?? "")
        remoteURI = Self.withoutTag(invite.header("from") ?? "")
        localSequence = 0
        remoteSequence = invite.header("cseq").flatMap { CSeq(parsing: $0)?.number }
        remoteTarget = invite.header("contact").map { String(NameAddress($0).uri) } ?? ""
        routeSet = invite.headers("record-route").flatMap(Self.values)
    }

    /// A response with a To tag updates the remote tag and target of an early dialog (§12.1.2; a later 2xx's
    /// Contact wins, §12.2.1.2).
    mutating func update(with response: SIPMessage) {
        if remoteTag == nil { remoteTag = response.header("to").flatMap { NameAddress($0).tag } }
        if let contact = response.header("contact") { remoteTarget = String(NameAddress(contact).uri) }
        let recordRoute = response.headers("record-route").flatMap(Self.values)
        if !recordRoute.isEmpty { routeSet = recordRoute.reversed() }
    }

    /// A request within the dialog (§12.2.1.1): Request-URI the remote target, Route the route set, From/To with
    /// tags, a new CSeq (ACK and CANCEL reuse the INVITE's, `sequence`).
    func request(_ method: String, via: String, contact: String, sequence: UInt32) -> SIPMessage {
        var headers = [SIPHeader("Via", via), SIPHeader("Max-Forwards", "70")]
        headers += routeSet.map { SIPHeader("Route", $0) }
        headers += [
            SIPHeader("From", "\(localURI);tag=\(localTag)"),
            SIPHeader("To", remoteURI + (remoteTag.map { ";tag=\($0)" } ?? "")),
            SIPHeader("Call-ID", callID),
            SIPHeader("CSeq", "\(sequence) \(method)"),
        ]
        if method != "ACK" && method != "CANCEL" { headers.append(SIPHeader("Contact", contact)) }
        return SIPMessage(startLine: .request(method: method, uri: remoteTarget), headers: headers)
    }

    /// The next local CSeq number (§12.2.1.1: one more than the last).
    mutating func nextSequence() -> UInt32 {
        localSequence += 1
        return localSequence
    }

    static func withoutTag(_ value: String) -> String {
        let address = NameAddress(value)
        var result = "<\(address.uri)>"
        var rest = address.parameters
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: 0x3B) ?? rest.endIndex
            let piece = rest[..<end]
            if !piece.isEmpty, !Substring(piece.trimmingWhitespaceSlice().utf8.prefix(4)).equalsIgnoringASCIICase("tag=") {
                result += ";"
                result += piece
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
        }
        return result
    }

    static func requestURI(of message: SIPMessage) -> String {
        if case .request(_, let uri) = message.startLine { return uri }
        return ""
    }

    /// The comma-separated values of one Record-Route header (§20.30), each a name-addr.
    static func values(_ header: String) -> [String] {
        header.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
