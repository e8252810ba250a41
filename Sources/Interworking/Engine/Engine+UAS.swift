import ISUP
import SIPI

/// Responses the gateway sends as UAS on S→I calls: 18x from ACM/CPG (reliably when the peer supports 100rel,
/// RFC 3262), 200 from ANM/CON with the 2xx retransmitted until ACK (RFC 3261 §13.3.1.4).
extension InterworkingEngine {
    /// 18x for an ACM/CPG (digest B.1.3), with the SDP answer when it brings early media.
    mutating func sendProvisional(_ call: inout Call, status: Int, withSDP: Bool, isup: ISUPMessage) {
        guard var response = inviteResponse(status, call: call) else { return }
        let answer = withSDP ? localSDP(call: call, answering: call.sip.offer) : nil
        attach(isup: isup, sdp: answer, to: &response, peer: call.peer)
        call.sip.state = .early
        let reliable = configuration.peers[call.peer].reliableProvisionals && call.sip.peerSupports100rel
        guard reliable else {
            respondToInvite(response, call: call)
            return
        }
        call.sip.rseq += 1
        response.headers += [SIPHeader("Require", "100rel"), SIPHeader("RSeq", "\(call.sip.rseq)")]
        if answer != nil { call.sip.answerExchanged = true }
        sendReliably(response, call: &call)
    }

    /// RFC 3262 §3: one reliable provisional at a time; later ones (and the 2xx) wait for its PRACK.
    mutating func sendReliably(_ response: SIPMessage, call: inout Call) {
        guard call.sip.unacknowledgedProvisional == nil else {
            call.sip.heldResponses.append(response)
            return
        }
        call.sip.unacknowledgedProvisional = response
        let t1 = configuration.sipTimers.t1
        call.sip.provisionalInterval = t1
        if !call.sip.remote.transport.isReliable { start(.reliableRetransmit, after: t1, for: &call) }
        start(.reliableTimeout, after: t1 * 64, for: &call)
        respondToInvite(response, call: call)
    }

    /// 200 (INVITE) for an ANM/CON (B.1.4): the SDP answer unless a reliable 18x gave it (or our offer, for a late
    /// offer, answered in the ACK), the session timer the INVITE asked for (RFC 4028 §9), the ANM encapsulated.
    mutating func sendAnswer(_ call: inout Call, isup: ISUPMessage) {
        guard var response = inviteResponse(200, call: call), let invite = call.sip.invite else { return }
        let sdp = call.sip.answerExchanged ? nil : localSDP(call: call, answering: call.sip.offer)
        attach(isup: isup, sdp: sdp, to: &response, peer: call.peer)
        if let requested = invite.header("session-expires") {
            let seconds = max(Int64(requested.split(separator: ";")[0].trimmingWhitespace()) ?? 0,
                              configuration.policy.minSessionExpires.duration.components.seconds)
            let refresher = NameAddress.parameter("refresher", in: Substring(requested))?.lowercased() ?? "uac"
            response.headers.append(SIPHeader("Session-Expires", "\(seconds);refresher=\(refresher)"))
            if Self.tokens(invite.headers("supported")).contains("timer") {
                response.headers.append(SIPHeader("Require", "timer"))
            }
        }
        if call.sip.unacknowledgedProvisional != nil {
            call.sip.heldResponses.append(response)
            return
        }
        sendOK(response, call: &call)
    }

    private mutating func sendOK(_ response: SIPMessage, call: inout Call) {
        call.sip.state = .awaitingACK
        call.sip.okResponse = response
        call.record.sipStatus = 200
        let t1 = configuration.sipTimers.t1
        call.sip.okInterval = t1
        if !call.sip.remote.transport.isReliable { start(.okRetransmit, after: t1, for: &call) }
        start(.okTimeout, after: t1 * 64, for: &call)
        startSessionTimer(from: response, call: &call, weAreUAC: false)
        respondToInvite(response, call: call)
    }

    /// PRACK (RFC 3262 §3): RAck matching the outstanding reliable provisional → 200, retransmission stops, the
    /// next held response goes; anything else → 481.
    mutating func prackReceived(_ prack: SIPMessage, transaction: TransactionID, call: inout Call) {
        let rack = prack.header("rack")?.split(separator: " ").first.flatMap { UInt32($0) }
        guard let pending = call.sip.unacknowledgedProvisional,
              rack == pending.header("rseq").flatMap({ UInt32($0.trimmingWhitespace()) }) else {
            respond(prack.response(481), on: transaction)
            return
        }
        respond(prack.response(200), on: transaction)
        cancel(.reliableRetransmit, for: &call)
        cancel(.reliableTimeout, for: &call)
        call.sip.unacknowledgedProvisional = nil
        guard !call.sip.heldResponses.isEmpty else { return }
        let next = call.sip.heldResponses.removeFirst()
        if next.statusCode == 200 {
            sendOK(next, call: &call)
        } else {
            sendReliably(next, call: &call)
        }
    }
}
