import ISUP
import SIPI

/// SIP messages the engine writes: bodies (SDP, SIP-I), responses to a received INVITE, in-dialog requests.
extension InterworkingEngine {
    /// Puts SDP and, toward a SIP-I peer, the encapsulated ISUP message into `message` (Q.1912.5, digest A.3).
    func attach(isup: ISUPMessage?, sdp: [UInt8]?, to message: inout SIPMessage, peer: Int, stripISUP: Bool = false) {
        if let isup, configuration.peers[peer].profile == .sipI, !stripISUP {
            let handling = SIPIBody.Handling(rawValue: configuration.policy.isupHandling) ?? .optional
            // A boundary from this engine's identifiers keeps the engine deterministic (no random source); one that
            // happens to occur inside a part is refused by `apply` and the next attempt takes a random one.
            let body = SIPIBody(isup: isup, sdp: sdp, handling: handling)
            let boundary = "sipigw-\(instance)\(String(nextIdentifier, radix: 16))-\(String(peer, radix: 16))"
            if (try? body.apply(to: &message, boundary: boundary)) != nil || (try? body.apply(to: &message)) != nil { return }
        }
        message.setHeader("content-disposition", nil)
        guard let sdp else {
            message.setHeader("content-type", nil)
            message.parts = []
            return
        }
        message.setHeader("Content-Type", "application/sdp")
        message.parts = [MIMEPart(contentType: "application/sdp", bytes: sdp)]
    }

    /// A response to the INVITE the call received (UAS), with the dialog's tag and our Contact.
    func inviteResponse(_ status: Int, reason: String? = nil, call: Call) -> SIPMessage? {
        guard let invite = call.sip.invite else { return nil }
        var response = invite.response(status, reason: reason, toTag: status == 100 ? nil : call.sip.dialog?.localTag)
        if status > 100 && status < 300 { response.headers.append(SIPHeader("Contact", localContact)) }
        return response
    }

    /// Sends a final response, or a provisional, on the call's INVITE server transaction.
    mutating func respondToInvite(_ response: SIPMessage, call: Call) {
        guard let transaction = call.sip.inviteTransaction else { return }
        respond(response, on: transaction)
    }

    /// A request inside the call's dialog; `sequence` nil takes the next CSeq.
    mutating func dialogRequest(_ method: String, call: inout Call, sequence: UInt32? = nil) -> SIPMessage? {
        guard var dialog = call.sip.dialog else { return nil }
        let cseq = sequence ?? dialog.nextSequence()
        call.sip.dialog = dialog
        return dialog.request(method, via: newVia(), contact: localContact, sequence: cseq)
    }

    /// The SDP the gateway writes for a call: an offer (UAC) or an answer to `offer` (UAS), naming the trunk's media
    /// endpoint (ST 769 §7.4; the gateway carries no RTP). Nil when the offer cannot be answered.
    func localSDP(call: Call, answering offer: [UInt8]?) -> [UInt8]? {
        let media = configuration.trunks[call.trunk].media
        guard let offer else {
            return sdp.offer(address: media.address, port: media.port, sessionID: call.id.rawValue).bytes
        }
        guard let parsed = try? SessionDescription(parsing: offer),
              let answer = try? sdp.answer(to: parsed, address: media.address, port: media.port, sessionID: call.id.rawValue)
        else { return nil }
        return answer.bytes
    }

    /// An encapsulated REL with the cause (Q.1912.5: BYE and final responses carry it; CANCEL does not).
    static func rel(_ cause: UInt8) -> ISUPMessage {
        ISUPMessage(type: .rel, parameters: [Parameter(code: .causeIndicators, value: CauseIndicators(value: cause).encoded())])
    }
}
