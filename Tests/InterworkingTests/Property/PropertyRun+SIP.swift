import Interworking
import SIPI

/// The peer's random steps: INVITEs (new, retransmitted, cancelled), answers to the engine's requests, requests in
/// the dialogs of past messages, ACKs of failures, malformed messages and messages from a source that is no peer.
extension PropertyRun {
    static let unknownSource = SIPEndpoint(host: "10.9.9.9", port: 5060)

    /// A new INVITE: routable to the switch or not, with or without 100rel and session timer, from the SIP-I peer,
    /// the plain peer or an unknown source.
    mutating func invite() {
        let n = network.nextSerial()
        let number = pick(["+390612345678", "+390612345678", "+390331234567", "+441234567", "+3906"])!
        var extra = [String]()
        if chance(15) { extra.append(pick(["Session-Expires: 30", "Session-Expires: 1800;refresher=uac", "Session-Expires: 120;refresher=uas"])!) }
        let text = Fixture.invite(to: number, callID: "p\(String(100_000 + n).dropFirst())@olo2.it", extra: extra,
                                  sdp: chance(90), supported: pick(["100rel, timer", "timer", "100rel"])!)
        let message = Scenario.parse(text)
        network.peerInvites.append(message)
        let source = pick([Fixture.peerAddress, Fixture.peerAddress, Fixture.peerAddress, Fixture.plainPeerAddress,
                           Self.unknownSource])!
        sip(message, from: source, number)
    }

    mutating func retransmitInvite() {
        guard let invite = pick(Array(network.peerInvites.suffix(10))) else { return invite() }
        sip(invite, "retransmission")
    }

    /// CANCEL of one of the peer's INVITEs (RFC 3261 §9.1: the INVITE's Via, Call-ID, From, To and CSeq number).
    mutating func cancel() {
        guard let invite = pick(Array(network.peerInvites.suffix(10))), case .request(_, let uri) = invite.startLine else {
            return invite()
        }
        let headers = ["via", "from", "to", "call-id"].compactMap { name in invite.header(name).map { SIPHeader(name, $0) } }
            + [SIPHeader("Max-Forwards", "70"), SIPHeader("CSeq", "1 CANCEL"), SIPHeader("Content-Length", "0")]
        sip(SIPMessage(startLine: .request(method: "CANCEL", uri: uri), headers: headers))
    }

    /// A response of the peer to a request the engine sent (perhaps long ago, perhaps twice): 100, 180, 183 (some
    /// reliable), 200 (with SDP to an INVITE), 486, 404, 500, 487.
    mutating func answerEngineRequest() {
        guard let request = pick(network.sipRequests.filter { $0.method != "ACK" }) else { return advanceClock() }
        let status = pick([100, 180, 183, 200, 200, 486, 404, 500, 487])!
        let isInvite = request.method == "INVITE"
        var extra = [String]()
        if isInvite, status == 180 || status == 183, chance(30) { extra += ["Require: 100rel", "RSeq: \(int(1...3))"] }
        if isInvite, status == 200, chance(20) { extra.append("Session-Expires: 90;refresher=\(chance(50) ? "uac" : "uas")") }
        let body = isInvite && (status == 200 || (status == 183 && chance(50))) ? Fixture.sdpOffer : nil
        let response = Scenario.response(status, "Status", to: request, tag: status == 100 ? nil : (chance(90) ? "peer" : "fork"),
                                         extra: extra, body: body)
        sip(response, "to \(request.method ?? "")")
        if chance(10) { sip(response, "again") }
    }

    /// A request of the peer in the dialog of an engine message: its INVITE (the peer is the callee) or its response
    /// to one of the peer's INVITEs (the peer is the caller).
    mutating func inDialogRequest() {
        let fromInvite = chance(50)
        let candidates = fromInvite ? network.sipRequests.filter { $0.method == "INVITE" }
            : network.sipResponses.filter { ($0.statusCode ?? 0) > 100 && $0.header("cseq")?.hasSuffix("INVITE") == true }
        guard let dialog = pick(candidates) else { return invite() }
        let method = pick(["BYE", "BYE", "ACK", "PRACK", "UPDATE", "INFO", "OPTIONS", "INVITE", "MESSAGE", "FOO"])!
        let cseq = method == "ACK" && !fromInvite ? 1 : 1 + network.nextSerial()
        var request = network.peerRequest(method, dialogOf: dialog, peerIsCallee: fromInvite, cseq: cseq,
                                          body: (method == "UPDATE" || method == "INVITE") && chance(50) ? Fixture.sdpOffer : nil)
        if method == "PRACK" {
            request.headers.append(SIPHeader("RAck", "\(dialog.header("rseq") ?? "1") 1 INVITE"))
        }
        sip(request)
    }

    /// The ACK of a final failure the engine sent (same branch as the INVITE, RFC 3261 §17.1.1.3).
    mutating func ackOfFailure() {
        guard let response = pick(network.sipResponses.filter { ($0.statusCode ?? 0) >= 300 }) else { return advanceClock() }
        let headers = ["via", "from", "to", "call-id"].compactMap { name in response.header(name).map { SIPHeader(name, $0) } }
            + [SIPHeader("Max-Forwards", "70"), SIPHeader("CSeq", "1 ACK"), SIPHeader("Content-Length", "0")]
        sip(SIPMessage(startLine: .request(method: "ACK", uri: "sip:sipigw@127.0.0.1:5060"), headers: headers))
    }

    /// A message with a header missing or wrong: no Via, no CSeq, a bad CSeq, a foreign To tag, an unknown or
    /// missing Call-ID, no From; now and then from an unknown source.
    mutating func malformedSIP() {
        var message: SIPMessage
        if chance(40), let request = pick(network.sipRequests.filter { $0.method != "ACK" }) {
            message = Scenario.response(pick([180, 200, 486])!, "Status", to: request)
        } else if let dialog = pick(network.sipResponses + network.sipRequests) {
            message = network.peerRequest(pick(["BYE", "ACK", "INFO", "INVITE"])!, dialogOf: dialog,
                                          peerIsCallee: dialog.method != nil, cseq: 1 + network.nextSerial())
        } else {
            message = Scenario.parse(Fixture.invite(callID: "m\(network.nextSerial())x@olo2.it"))
        }
        let damage = int(0...6)
        switch damage {
        case 0: message.setHeader("via", nil)
        case 1: message.setHeader("cseq", nil)
        case 2: message.setHeader("cseq", pick(["x INVITE", "1", "4294967296 BYE", "2 ACK"])!)
        case 3: message.setHeader("to", "<sip:someone@sipigw.it>;tag=bogus\(int(0...9))")
        case 4: message.setHeader("call-id", "unknown-\(network.nextSerial())@nowhere")
        case 5: message.setHeader("call-id", nil)
        default: message.setHeader("from", nil)
        }
        sip(message, from: chance(85) ? Fixture.peerAddress : Self.unknownSource, "damage \(damage)")
    }
}
