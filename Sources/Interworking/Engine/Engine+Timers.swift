import ISUP
import SIPI

/// Timer expiries: transactions' and circuits' to their owners, the call timers here (Q.764 Annex A, RFC 3261
/// §13.3.1.4, RFC 3262 §3, RFC 4028 §10).
extension InterworkingEngine {
    mutating func fire(_ timer: TimerID) {
        switch timer {
        case .transaction(let id, let t):
            feedTransactions(.timerFired(id, t))
        case .circuit(let trunk, let t):
            guard circuits.indices.contains(trunk) else { return }
            apply(circuits[trunk].timerFired(t, at: now), trunk: trunk)
        case .lookup(let id):
            lookupAnswered(id, .failed("timeout"))
        case .keepAlive(let peer):
            sendKeepAlive(peer)
        case .call(let id, let t):
            guard var call = calls[id], call.timers.remove(t) != nil else { return }
            callTimer(t, call: &call)
            store(call)
        }
    }

    private mutating func callTimer(_ timer: CallTimer, call: inout Call) {
        switch timer {
        case .t1:
            // Q.764 §2.3.1: REL again, T1 again (T5 keeps running).
            guard call.isup.state == .releasing, let rel = call.isup.releaseSent else { return }
            sendISUP(rel, trunk: call.trunk)
            start(.t1, after: configuration.timers.t1.duration, for: &call)
        case .t5:
            // Q.764 §2.3.1 d): no RLC at all: reset the circuit (RSC, T16/T17 in the circuit group), alert.
            guard call.isup.state == .releasing, let cic = call.cic else { return }
            out.append(.observe(.alert("\(configuration.trunks[call.trunk].name) CIC \(cic): no RLC within T5, circuit reset")))
            isupLegLost(&call)
            apply(circuits[call.trunk].reset(cic, at: now), trunk: call.trunk)
        case .t7:
            // Digest D.1: no ACM/CON → REL 102 and the mapped final response (504).
            releaseISUP(&call, cause: CauseIndicators(value: 102), by: .gateway)
            releaseSIP(&call, cause: 102)
        case .t9:
            // No answer (RFC 3666 §2.7): REL 19 and 480.
            releaseISUP(&call, cause: CauseIndicators(value: 19), by: .gateway)
            releaseSIP(&call, cause: 19)
        case .t8:
            // Q.764 §2.1.8: no COT → release.
            releaseISUP(&call, cause: CauseIndicators(value: 41), by: .gateway)
            releaseSIP(&call, cause: 41)
        case .t10:
            // RFC 3578 §2.2: end of dialling: one INVITE with what was collected.
            guard call.isup.state == .collecting else { return }
            call.isup.numberComplete = true
            if !call.isup.awaitingContinuity { routeCall(&call) }
        case .t35:
            releaseISUP(&call, cause: CauseIndicators(value: 28), by: .gateway)
            releaseSIP(&call, cause: 28)
        case .t11:
            // Corrections #49: an early ACM ("no indication") before the preceding exchange's T7 runs out.
            guard call.isup.state == .setup, let cic = call.cic else { return }
            call.isup.state = .alerting
            sendISUP(ProvisionalMapping.message(for: 183, acmSent: false, withSDP: false, cic: cic), trunk: call.trunk)
        case .t2, .t6:
            releaseISUP(&call, cause: CauseIndicators(value: 102), by: .gateway)
            releaseSIP(&call, cause: 102)
        case .okRetransmit:
            guard call.sip.state == .awaitingACK, let ok = call.sip.okResponse else { return }
            call.sip.okInterval = min(call.sip.okInterval * 2, configuration.sipTimers.t2)
            respondToInvite(ok, call: call)
            start(.okRetransmit, after: call.sip.okInterval, for: &call)
        case .okTimeout:
            // §13.3.1.4: no ACK within 64·T1: the dialog is ended with a BYE.
            guard call.sip.state == .awaitingACK else { return }
            cancel(.okRetransmit, for: &call)
            releaseSIP(&call, cause: 41)
            releaseISUP(&call, cause: CauseIndicators(value: 41), by: .gateway)
        case .reliableRetransmit:
            guard let provisional = call.sip.unacknowledgedProvisional else { return }
            call.sip.provisionalInterval = call.sip.provisionalInterval * 2
            respondToInvite(provisional, call: call)
            start(.reliableRetransmit, after: call.sip.provisionalInterval, for: &call)
        case .reliableTimeout:
            // RFC 3262 §3: no PRACK within 64·T1 → reject the INVITE (5xx), release ISUP (digest D.2).
            guard call.sip.unacknowledgedProvisional != nil else { return }
            cancel(.reliableRetransmit, for: &call)
            call.sip.unacknowledgedProvisional = nil
            call.sip.heldResponses = []
            if call.releasedBy == nil { call.releasedBy = .sip }
            finalResponse(&call, status: 504, cause: 41, rel: nil)
            releaseISUP(&call, cause: CauseIndicators(value: 41), by: .sip)
        case .sessionRefresh:
            guard call.sip.state == .confirmed, let interval = call.sip.sessionInterval,
                  var update = dialogRequest("UPDATE", call: &call) else { return }
            update.headers.append(SIPHeader("Session-Expires", "\(interval.components.seconds);refresher=\(call.direction == .isupToSIP ? "uac" : "uas")"))
            call.sip.updatePending = true
            sendRequest(update, to: call.sip.remote, call: call.id)
            start(.sessionRefresh, after: interval / 2, for: &call)
        case .sessionExpiry:
            // RFC 4028 §10: no refresh → BYE; REL 16 on the ISUP side (digest D.2).
            releaseSIP(&call, cause: 16)
            releaseISUP(&call, cause: CauseIndicators(value: 16), by: .gateway)
        case .cancelTimeout:
            guard call.sip.state == .cancelling else { return }
            abandonInvite(&call)
        case .dialogOptions:
            guard call.sip.state == .confirmed, let interval = configuration.policy.inDialogOptionsInterval,
                  let options = dialogRequest("OPTIONS", call: &call) else { return }
            sendRequest(options, to: call.sip.remote, call: call.id)
            start(.dialogOptions, after: interval.duration, for: &call)
        }
    }
}
