import ISUP
import SIPI

/// SIP requests received, and the end of the SIP leg (RFC 3261 §8.2, §9, §12.2.2, §15).
extension InterworkingEngine {
    static let allow = "INVITE, ACK, CANCEL, BYE, PRACK, UPDATE, INFO, OPTIONS"

    mutating func receiveRequest(_ request: SIPMessage, from source: SIPEndpoint, transaction: TransactionID) {
        let method = request.method ?? ""
        out.append(.observe(.message(protocol: "sip", type: method, inbound: true)))
        guard let peer = peer(for: source) else {
            // Only configured peers are served: no dialog for an unknown source.
            out.append(.observe(.discarded("SIP \(method) from unknown source \(source)")))
            respond(request.response(403), on: transaction)
            return
        }
        let callID = request.header("call-id") ?? ""
        let toTag = request.header("to").flatMap { NameAddress($0).tag }
        if method == "CANCEL" {
            receiveCancel(request, transaction: transaction)
            return
        }
        if let id = bySIPCallID[callID], var call = calls[id], toTag != nil || method != "INVITE" {
            inDialog(request, transaction: transaction, call: &call)
            store(call)
            return
        }
        switch method {
        case "INVITE" where toTag == nil:
            if bySIPCallID[callID] != nil {
                // The same Call-ID without a tag on a live call: a loop or a merged request (§8.2.2.2).
                respond(request.response(482), on: transaction)
            } else {
                receiveInvite(request, peer: peer, source: source, transaction: transaction)
            }
        case "OPTIONS" where request.header("max-forwards")?.trimmingWhitespace() == "0":
            // ST 769 §7.7.1.2: a keep-alive sent with Max-Forwards 0 is answered 483, which means "in service".
            respond(request.response(483, toTag: identifier()), on: transaction)
        case "OPTIONS":
            var response = request.response(200, toTag: identifier())
            response.headers += [SIPHeader("Allow", Self.allow),
                                 SIPHeader("Accept", "application/sdp, application/ISUP, multipart/mixed")]
            respond(response, on: transaction)
        case "ACK":
            break
        case "INVITE", "BYE", "PRACK", "UPDATE", "INFO":
            respond(request.response(481), on: transaction)
        case "REGISTER", "SUBSCRIBE", "NOTIFY", "MESSAGE", "REFER", "PUBLISH":
            var response = request.response(405)
            response.headers.append(SIPHeader("Allow", Self.allow))
            respond(response, on: transaction)
        default:
            respond(request.response(501), on: transaction)
        }
    }

    /// §9.2: CANCEL answered 200 when it matches an INVITE, 481 otherwise; the INVITE gets 487 and ISUP a REL.
    mutating func receiveCancel(_ cancel: SIPMessage, transaction: TransactionID) {
        guard transactions.inviteTransaction(cancelledBy: cancel) != nil,
              let id = bySIPCallID[cancel.header("call-id") ?? ""], var call = calls[id], call.direction == .sipToISUP
        else {
            respond(cancel.response(481), on: transaction)
            return
        }
        respond(cancel.response(200, toTag: call.sip.localTag), on: transaction)
        guard [.calling, .early].contains(call.sip.state) else { return }
        if call.releasedBy == nil { call.releasedBy = .sip }
        let cause = sipCause(status: nil, method: "CANCEL", message: cancel, peer: call.peer)
        finalResponse(&call, status: 487, cause: nil, rel: nil)
        if let cause { releaseISUP(&call, cause: cause, by: .sip) } else { releaseISUP(&call, cause: CauseIndicators(value: 31), by: .sip) }
        store(call)
    }

    /// A request inside a call's dialog (§12.2.2).
    mutating func inDialog(_ request: SIPMessage, transaction: TransactionID, call: inout Call) {
        let method = request.method ?? ""
        switch method {
        case "BYE":
            respond(request.response(200), on: transaction)
            let wasLive = call.sip.state != .byeSent && call.sip.state != .terminated
            cancelSIPTimers(&call)
            switch (call.direction, call.sip.state) {
            case (.sipToISUP, .calling), (.sipToISUP, .early):
                // §15.1.2: a BYE in an early dialog; the INVITE still gets its final response (487).
                finalResponse(&call, status: 487, cause: nil, rel: nil)
            case (.isupToSIP, .calling), (.isupToSIP, .early):
                // The callee ended its early dialog: our INVITE, still pending, is cancelled (§9.1) now or once a
                // provisional allows it; its final response (or Timer B) ends the leg.
                releaseSIP(&call, cause: 16)
            default:
                call.sip.state = .terminated
            }
            if wasLive {
                if call.releasedBy == nil { call.releasedBy = .sip }
                let cause = sipCause(status: nil, method: "BYE", message: request, peer: call.peer)
                releaseISUP(&call, cause: cause ?? CauseIndicators(value: 16), by: .sip)
            }
        case "UPDATE" where call.sip.updatePending:
            respond(request.response(491), on: transaction)
        case "INVITE", "UPDATE":
            // Re-INVITE / UPDATE: media or session refresh only, no ISUP message (B.2.2); the refresh restarts the
            // session timer (RFC 4028 §10).
            var response = request.response(200)
            response.headers.append(SIPHeader("Contact", localContact))
            if let interval = call.sip.sessionInterval {
                response.headers.append(SIPHeader("Session-Expires", "\(interval.components.seconds);refresher=\(call.sip.weRefresh ? (call.direction == .sipToISUP ? "uas" : "uac") : (call.direction == .sipToISUP ? "uac" : "uas"))"))
                if !call.sip.weRefresh { start(.sessionExpiry, after: Self.expiryWait(interval), for: &call) }
            }
            let offer = Self.sdpPart(of: request)
            attach(isup: nil, sdp: offer.flatMap { localSDP(call: call, answering: $0) } ?? (method == "INVITE" ? localSDP(call: call, answering: nil) : nil),
                   to: &response, peer: call.peer)
            respond(response, on: transaction)
        case "PRACK":
            prackReceived(request, transaction: transaction, call: &call)
        case "INFO":
            infoReceived(request, transaction: transaction, call: &call)
        case "OPTIONS":
            var response = request.response(200)
            response.headers.append(SIPHeader("Allow", Self.allow))
            respond(response, on: transaction)
        case "ACK":
            break
        default:
            var response = request.response(501)
            response.headers.append(SIPHeader("Allow", Self.allow))
            respond(response, on: transaction)
        }
    }

    /// INFO carrying ISUP (digest A.4): 200, and the message goes to the circuit when the call can take it.
    mutating func infoReceived(_ request: SIPMessage, transaction: TransactionID, call: inout Call) {
        let body: SIPIBody?
        do {
            body = try SIPIBody(parsing: request)
        } catch {
            var response = request.response(415)
            response.headers.append(SIPHeader("Accept", "application/sdp, application/ISUP, multipart/mixed"))
            respond(response, on: transaction)
            return
        }
        respond(request.response(200), on: transaction)
        guard var message = body?.isup, let cic = call.cic, [.setup, .alerting, .answered].contains(call.isup.state),
              ![.iam, .rel, .rlc, .acm, .anm, .con].contains(message.type) else { return }
        message.cic = cic
        sendISUP(message, trunk: call.trunk)
    }

    /// The ISUP cause a releasing SIP message gives (encapsulated REL, then Reason, then the profile's table;
    /// corrections §1 #13), nil when the profile maps to no release.
    func sipCause(status: Int?, method: String, message: SIPMessage?, peer: Int) -> CauseIndicators? {
        let encapsulated = message.flatMap { (try? SIPIBody(parsing: $0)) ?? nil }?.isup
        let reason = (message?.headers("reason") ?? []).flatMap { $0.split(separator: ",") }.first { $0.trimmingWhitespace().lowercased().hasPrefix("q.850") }
        guard let mapped = try? causes.isupCause(
            forStatus: status, reasonHeader: reason.map { String($0.trimmingWhitespace()) },
            encapsulatedCause: encapsulated?.type == .rel ? encapsulated?.causeIndicators : nil,
            method: method, profile: configuration.peers[peer].causeProfile)
        else { return CauseIndicators(value: 127) }
        switch mapped.outcome {
        case .release(let cause): return cause
        case .noRelease: return nil
        }
    }

    // MARK: Releasing the SIP leg

    /// Ends the SIP leg for an ISUP-side cause, as far as its state allows (digest B.1.2): nothing before the
    /// INVITE, CANCEL before a final response (once a provisional arrived, §9.1), a mapped final response on the UAS
    /// side, BYE once confirmed. Reason on every one, the REL encapsulated except in CANCEL.
    mutating func releaseSIP(_ call: inout Call, cause: UInt8, rel: ISUPMessage? = nil) {
        let reason = ReasonHeader.q850(cause)
        var encapsulated = rel ?? Self.rel(cause)
        encapsulated.cic = nil
        switch (call.direction, call.sip.state) {
        case (_, .idle):
            call.sip.state = .terminated
        case (.isupToSIP, .calling) where call.sip.provisionalReceived:
            sendCancel(&call, reason: reason)
        case (.isupToSIP, .calling):
            call.sip.cancelOwed = true
            call.sip.cancelReason = reason
        case (.isupToSIP, .early):
            sendCancel(&call, reason: reason)
        case (.sipToISUP, .calling), (.sipToISUP, .early):
            let status: Int
            switch (try? causes.sipStatus(forCause: cause, profile: configuration.peers[call.peer].causeProfile))?.outcome {
            case .response(let line)?: status = line.code
            case .releaseDialog(let fallback)?: status = fallback.code
            case .retryOnAnotherCircuit?, nil: status = 500
            }
            finalResponse(&call, status: status, cause: cause, rel: encapsulated)
        case (_, .awaitingACK), (_, .confirmed):
            cancelSIPTimers(&call)
            guard var bye = dialogRequest("BYE", call: &call) else {
                call.sip.state = .terminated
                return
            }
            bye.headers.append(SIPHeader("Reason", reason))
            attach(isup: encapsulated, sdp: nil, to: &bye, peer: call.peer)
            call.sip.state = .byeSent
            sendRequest(bye, to: call.sip.remote, call: call.id)
        case (_, .cancelling), (_, .byeSent), (_, .terminated):
            break
        }
    }

    /// CANCEL for the call's INVITE (§9.1: same Request-URI, Call-ID, From, To, CSeq number, top Via branch).
    mutating func sendCancel(_ call: inout Call, reason: String?) {
        guard let invite = call.sip.invite, case .request(_, let uri) = invite.startLine,
              let cseq = invite.header("cseq").flatMap(CSeq.init(parsing:)) else { return }
        var headers = [SIPHeader("Via", invite.header("via") ?? ""), SIPHeader("Max-Forwards", "70")]
        headers += invite.headers("route").map { SIPHeader("Route", $0) }
        headers += [SIPHeader("From", invite.header("from") ?? ""), SIPHeader("To", invite.header("to") ?? ""),
                    SIPHeader("Call-ID", invite.header("call-id") ?? ""), SIPHeader("CSeq", "\(cseq.number) CANCEL")]
        if let reason { headers.append(SIPHeader("Reason", reason)) }
        call.sip.cancelOwed = false
        call.sip.state = .cancelling
        start(.cancelTimeout, after: configuration.sipTimers.t1 * 64, for: &call)
        sendRequest(SIPMessage(startLine: .request(method: "CANCEL", uri: uri), headers: headers), to: call.sip.remote, call: call.id)
    }

    /// UAS: the final response to the INVITE, with Reason (RFC 6432) and the encapsulated REL.
    mutating func finalResponse(_ call: inout Call, status: Int, cause: UInt8?, rel: ISUPMessage?) {
        guard var response = inviteResponse(status, call: call) else { return }
        if let cause { response.headers.append(SIPHeader("Reason", ReasonHeader.q850(cause))) }
        if let rel, status >= 300 { attach(isup: rel, sdp: nil, to: &response, peer: call.peer) }
        cancelSIPTimers(&call)
        call.sip.unacknowledgedProvisional = nil
        call.sip.heldResponses = []
        call.sip.state = .terminated
        call.record.sipStatus = status
        respondToInvite(response, call: call)
    }

    mutating func cancelSIPTimers(_ call: inout Call) {
        for timer in [CallTimer.okRetransmit, .okTimeout, .reliableRetransmit, .reliableTimeout, .sessionRefresh,
                      .sessionExpiry, .dialogOptions] {
            cancel(timer, for: &call)
        }
    }

    /// RFC 4028 §10: without a refresh the session ends a little before it expires: min(32 s, interval / 3) early.
    static func expiryWait(_ interval: Duration) -> Duration {
        interval - min(.seconds(32), interval / 3)
    }
}
