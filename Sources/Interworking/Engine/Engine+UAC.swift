import ISUP
import SIPI

/// Responses the gateway receives as UAC (RFC 3261 §13.2.2, RFC 3262 §4): the INVITE of an I→S call mapped to
/// ACM/CPG/ANM/CON/REL (digest B.2.2), and the responses to in-dialog requests.
extension InterworkingEngine {
    mutating func receiveResponse(_ response: SIPMessage, transaction: TransactionID) {
        guard let status = response.statusCode, let cseq = response.header("cseq").flatMap(CSeq.init(parsing:)) else { return }
        if let peer = keepAlives[transaction] {
            keepAliveAnswered(peer, transaction: transaction, status: status)
            return
        }
        out.append(.observe(.message(protocol: "sip", type: "\(status)", inbound: true)))
        guard let id = requestsInFlight[transaction] ?? bySIPCallID[response.header("call-id") ?? ""], var call = calls[id] else {
            out.append(.observe(.discarded("SIP \(status) for no call")))
            return
        }
        if status >= 200 { requestsInFlight[transaction] = nil }
        switch cseq.method {
        case "INVITE" where call.direction == .isupToSIP:
            if call.sip.inviteSequence != cseq.number {
                out.append(.observe(.discarded("\(status) to a superseded INVITE")))
            } else {
                inviteResponse(response, status: status, call: &call)
            }
        case "BYE" where status >= 200:
            call.sip.state = .terminated
        case "UPDATE" where status >= 200:
            call.sip.updatePending = false
            if status == 481 || status == 408 { dialogLost(&call) }
        case "OPTIONS" where status == 404 || status == 480:
            // ST 769 §7.7.1.1.1: 404, 408, 480 or 481 to an in-dialog OPTIONS: the session is dead.
            sessionDead(&call)
        case "PRACK", "INFO", "OPTIONS", "INVITE":
            // §12.2.1.2: 481 or 408 to a request in the dialog ends it.
            if status == 481 || status == 408 { dialogLost(&call) }
        default:
            break
        }
        store(call)
    }

    /// A client transaction of a call failed: Timer B/F as a 408, the transport as a 503 (RFC 3261 §8.1.3.1).
    /// An INVITE's 408 releases with cause 102 (recovery on timer expiry); its 503 with the cause the peer's
    /// profile maps 503 to, as if the peer had sent it (no Reason, no ISUP).
    mutating func transactionFailed(_ transaction: TransactionID, status: Int) {
        if let peer = keepAlives[transaction] {
            keepAliveAnswered(peer, transaction: transaction, status: nil)
            return
        }
        guard let id = requestsInFlight.removeValue(forKey: transaction), var call = calls[id] else { return }
        switch transaction.method {
        case "INVITE":
            if call.sip.state == .cancelling || [.calling, .early].contains(call.sip.state) {
                let state = call.sip.state
                call.sip.state = .terminated
                call.record.sipStatus = status
                if state != .cancelling {
                    if call.releasedBy == nil { call.releasedBy = .sip }
                    let cause = status == 408
                        ? CauseIndicators(value: 102)
                        : sipCause(status: status, method: "INVITE", message: nil, peer: call.peer)
                    releaseISUP(&call, cause: cause ?? CauseIndicators(value: 127), by: .sip)
                }
            }
        case "BYE":
            call.sip.state = .terminated
        case "OPTIONS":
            // ST 769 §7.7.1.1.1: no answer to an in-dialog OPTIONS within 64·T1: the session is released with BYE.
            sessionDead(&call)
        case "CANCEL":
            abandonInvite(&call)
        default:
            dialogLost(&call)
        }
        store(call)
    }

    /// §9.1: no final response within 64·T1 of our CANCEL: the INVITE is considered cancelled and its client
    /// transaction destroyed.
    mutating func abandonInvite(_ call: inout Call) {
        call.sip.state = .terminated
        if let invite = call.sip.invite, let id = clientTransaction(of: invite) {
            feedTransactions(.abandon(id))
        }
    }

    /// The dialog is gone under the call (481/408 to an in-dialog request): release both sides.
    mutating func dialogLost(_ call: inout Call) {
        cancelSIPTimers(&call)
        switch call.sip.state {
        case .calling, .early:
            // The INVITE still awaits its final response: CANCEL it (UAC) or answer it (UAS), so its transaction
            // ends too (property test seeds 31, 49).
            releaseSIP(&call, cause: 41)
        case .cancelling, .byeSent:
            // Already ending: the CANCEL's INVITE or the BYE ends the leg (property test seed 49).
            break
        default:
            call.sip.state = .terminated
        }
        if call.releasedBy == nil { call.releasedBy = .sip }
        releaseISUP(&call, cause: CauseIndicators(value: 41), by: .sip)
    }

    /// ST 769 §7.7.1.1.1: the in-dialog OPTIONS supervision found the session dead while the dialog may still
    /// exist: BYE toward the peer and REL toward the switch, both cause 41 (temporary failure).
    mutating func sessionDead(_ call: inout Call) {
        if call.releasedBy == nil { call.releasedBy = .sip }
        releaseSIP(&call, cause: 41)
        releaseISUP(&call, cause: CauseIndicators(value: 41), by: .sip)
    }

    mutating func inviteResponse(_ response: SIPMessage, status: Int, call: inout Call) {
        if status < 200 { call.sip.provisionalReceived = true }
        switch status {
        case 100:
            // §9.1: a 100 is a provisional too: a CANCEL owed may go now.
            if call.sip.cancelOwed { sendCancel(&call, reason: call.sip.cancelReason) }
        case 101..<200:
            provisionalReceived(response, status: status, call: &call)
        case 200..<300:
            successReceived(response, call: &call)
        default:
            failureReceived(response, status: status, call: &call)
        }
    }

    private mutating func provisionalReceived(_ response: SIPMessage, status: Int, call: inout Call) {
        updateDialog(with: response, call: &call)
        if call.sip.cancelOwed {
            sendCancel(&call, reason: call.sip.cancelReason)
            return
        }
        guard call.sip.state == .calling || call.sip.state == .early else { return }
        // RFC 3262 §4: a reliable provisional is PRACKed (again, when retransmitted) and mapped once.
        if Self.tokens(response.headers("require")).contains("100rel"),
           let rseq = response.header("rseq").flatMap({ UInt32($0.trimmingWhitespace()) }),
           let cseq = response.header("cseq").flatMap(CSeq.init(parsing:)) {
            if var prack = dialogRequest("PRACK", call: &call) {
                prack.headers.append(SIPHeader("RAck", "\(rseq) \(cseq.number) INVITE"))
                sendRequest(prack, to: call.sip.remote, call: call.id)
            }
            if rseq <= call.sip.rseq { return }
            call.sip.rseq = rseq
        }
        if response.header("to").flatMap({ NameAddress($0).tag }) != nil { call.sip.state = .early }
        guard [.setup, .alerting].contains(call.isup.state), let cic = call.cic else { return }
        let acmSent = call.isup.state == .alerting
        var message = ProvisionalMapping.message(for: status, acmSent: acmSent, withSDP: Self.sdpPart(of: response) != nil,
                                                 cic: cic)
        if let body = (try? SIPIBody(parsing: response)) ?? nil, [.acm, .cpg].contains(body.isup.type),
           !(acmSent && body.isup.type == .acm) {
            message = body.isup
            message.cic = cic
        }
        cancel(.t11, for: &call)
        call.isup.state = .alerting
        if call.record.alerting == nil { call.record.alerting = now }
        sendISUP(message, trunk: call.trunk)
    }

    private mutating func successReceived(_ response: SIPMessage, call: inout Call) {
        updateDialog(with: response, call: &call)
        sendACK(&call)
        // The INVITE and our offer served a retry after 415/422/3xx; a final 2xx ends that (an answered call keeps
        // only what it still needs).
        call.sip.invite = nil
        call.sip.offer = nil
        if call.sip.state == .confirmed || call.sip.state == .byeSent || call.sip.state == .terminated { return }
        // A 200 crossing our CANCEL, or a call already released on the ISUP side: ACK then BYE (digest B.1.2).
        if call.sip.state == .cancelling || [.releasing, .idle].contains(call.isup.state) {
            call.sip.state = .confirmed
            releaseSIP(&call, cause: call.record.isupCause ?? 16)
            return
        }
        call.sip.state = .confirmed
        call.sip.answerExchanged = true
        guard let cic = call.cic else { return }
        var message = ProvisionalMapping.answer(acmSent: call.isup.state == .alerting, cic: cic)
        if let body = (try? SIPIBody(parsing: response)) ?? nil, [.anm, .con].contains(body.isup.type) {
            message = body.isup
            message.cic = cic
        }
        cancel(.t11, for: &call)
        call.isup.state = .answered
        call.record.answer = now
        call.record.sipStatus = response.statusCode
        out.append(.observe(.callAnswered(call.id, setup: now - call.record.seizure)))
        sendISUP(message, trunk: call.trunk)
        startSessionTimer(from: response, call: &call, weAreUAC: true)
    }

    private mutating func failureReceived(_ response: SIPMessage, status: Int, call: inout Call) {
        let peer = configuration.peers[call.peer]
        if call.sip.state == .cancelling || call.isup.state == .idle || call.isup.state == .releasing {
            call.sip.state = .terminated
            if call.record.sipStatus == nil { call.record.sipStatus = status }
            return
        }
        // RFC 3398 (+) codes: fix the request and try once more before releasing (digest C.3).
        if status == 415, peer.profile == .sipI, peer.fallbackWithoutISUPOn415, !call.sip.isupStripped {
            call.sip.isupStripped = true
            let offer = call.sip.offer
            resendInvite(&call) { invite in
                invite.setHeader("accept", nil)
                invite.setHeader("content-disposition", nil)
                invite.setHeader("Content-Type", "application/sdp")
                invite.parts = offer.map { [MIMEPart(contentType: "application/sdp", bytes: $0)] } ?? []
            }
            return
        }
        if status == 422, let minSE = response.header("min-se").flatMap({ Int($0.split(separator: ";")[0].trimmingWhitespace()) }),
           call.sip.invite?.header("session-expires").flatMap({ Int($0.split(separator: ";")[0].trimmingWhitespace()) }).map({ $0 < minSE }) ?? true {
            resendInvite(&call) { invite in
                invite.setHeader("session-expires", "\(minSE)")
                invite.setHeader("min-se", "\(minSE)")
            }
            return
        }
        if (300..<400).contains(status), configuration.policy.followRedirects,
           let contact = response.header("contact").map({ String(NameAddress($0).uri) }) {
            resendInvite(&call) { invite in
                invite.startLine = .request(method: "INVITE", uri: contact)
            }
            return
        }
        call.sip.state = .terminated
        call.record.sipStatus = status
        if call.releasedBy == nil { call.releasedBy = .sip }
        let cause = sipCause(status: status, method: "INVITE", message: response, peer: call.peer)
        releaseISUP(&call, cause: cause ?? CauseIndicators(value: 127), by: .sip)
    }

    private mutating func updateDialog(with response: SIPMessage, call: inout Call) {
        guard let invite = call.sip.invite, response.header("to").flatMap({ NameAddress($0).tag }) != nil else { return }
        if call.sip.dialog == nil {
            call.sip.dialog = Dialog(uacWith: invite, response: response, localTag: call.sip.localTag)
        } else {
            call.sip.dialog?.update(with: response)
        }
    }

    /// ACK for a 2xx (§13.2.2.4): a request of the dialog with the INVITE's CSeq number, sent outside any
    /// transaction; a retransmitted 2xx gets it again.
    mutating func sendACK(_ call: inout Call) {
        guard let ack = dialogRequest("ACK", call: &call, sequence: call.sip.inviteSequence) else { return }
        out.append(.observe(.message(protocol: "sip", type: "ACK", inbound: false)))
        feedTransactions(.sendStateless(ack, to: call.sip.remote))
    }

    /// Requests and responses no transaction took: the ACK of our 2xx, 2xx retransmissions to re-ACK.
    mutating func receiveStray(_ message: SIPMessage, from source: SIPEndpoint) {
        guard let id = bySIPCallID[message.header("call-id") ?? ""], var call = calls[id] else {
            out.append(.observe(.discarded("stray SIP \(message.kind) from \(source)")))
            return
        }
        if message.method == "ACK" {
            if call.sip.state == .awaitingACK {
                cancel(.okRetransmit, for: &call)
                cancel(.okTimeout, for: &call)
                call.sip.state = .confirmed
                call.sip.invite = nil
                call.sip.okResponse = nil
                if let interval = configuration.policy.inDialogOptionsInterval {
                    start(.dialogOptions, after: interval.duration, for: &call)
                }
            }
        } else if let status = message.statusCode, (200..<300).contains(status), call.direction == .isupToSIP {
            sendACK(&call)
        }
        store(call)
    }

    /// RFC 4028 §7.4/§9: the interval and refresher the 2xx (UAC) or our 2xx (UAS) settled; the refresher sends an
    /// UPDATE at half the interval, the other side waits for it until shortly before expiry.
    mutating func startSessionTimer(from message: SIPMessage, call: inout Call, weAreUAC: Bool) {
        guard let value = message.header("session-expires"),
              let seconds = Int64(value.split(separator: ";")[0].trimmingWhitespace()), seconds > 0 else { return }
        let refresher = NameAddress.parameter("refresher", in: Substring(value))?.lowercased() ?? "uac"
        let interval = Duration.seconds(seconds)
        call.sip.sessionInterval = interval
        call.sip.weRefresh = (refresher == "uac") == weAreUAC
        if call.sip.weRefresh {
            start(.sessionRefresh, after: interval / 2, for: &call)
        } else {
            start(.sessionExpiry, after: Self.expiryWait(interval), for: &call)
        }
    }
}
