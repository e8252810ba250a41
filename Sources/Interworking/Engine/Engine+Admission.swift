import ISUP
import SIPI

/// Admitting calls: limits per trunk and peer, destination and association availability, a new call's bookkeeping.
extension InterworkingEngine {
    /// A new call on a trunk (circuit already seized when `cic` is given).
    mutating func newCall(_ direction: Observation.CallDirection, trunk: Int, cic: CIC?) -> Call {
        let id = newCallID()
        let t = configuration.trunks[trunk]
        let route = SignallingRoute(opc: t.circuits.opc, dpc: t.circuits.dpc, sls: UInt8((cic?.value ?? 0) & 0x0F),
                                    networkIndicator: t.networkIndicator, routingContext: t.routingContext)
        var record = CallRecord(callID: id, direction: direction, seizure: now, release: now, trunk: t.name,
                                opc: t.circuits.opc, dpc: t.circuits.dpc, peer: "", releasedBy: .gateway)
        record.cic = cic?.value
        countAttempt("trunk:" + t.name)
        return Call(id: id, direction: direction, trunk: trunk, peer: 0, cic: cic,
                    isup: ISUPLeg(state: .idle, route: route), sip: SIPLeg(remote: SIPEndpoint(host: "")),
                    record: record)
    }

    /// The refusal a new call meets on a trunk and/or toward a peer, or nil when it may go on. The call being
    /// admitted is not among `calls` yet, but its attempt is counted.
    func admission(trunk: Int?, peer: Int?) -> CallPolicy.Refusal? {
        if draining { return configuration.policy.overLimit }
        if let trunk {
            let t = configuration.trunks[trunk]
            if unavailableDestinations.contains(t.circuits.dpc) || t.association.map(lostAssociations.contains) == true {
                return configuration.policy.destinationUnavailable
            }
            if over(t.limits, key: "trunk:" + t.name, active: calls.values.count { $0.trunk == trunk }) {
                return configuration.policy.overLimit
            }
        }
        if let peer {
            let p = configuration.peers[peer]
            if over(p.limits, key: "peer:" + p.name, active: calls.values.count { $0.peer == peer && $0.sip.state != .idle }) {
                return configuration.policy.overLimit
            }
        }
        return nil
    }

    /// `active` counts the calls (a walk over every call), so it is only evaluated when `maxCalls` is set.
    private func over(_ limits: Limits, key: String, active: @autoclosure () -> Int) -> Bool {
        if let max = limits.maxCalls, active() >= max { return true }
        if let max = limits.maxCallsPerSecond, let window = attempts[key], window.second == now.sinceEpoch.components.seconds,
           window.count > max {
            return true
        }
        return false
    }

    /// Counts an attempt in the current one-second window of a trunk or peer.
    mutating func countAttempt(_ key: String) {
        let second = now.sinceEpoch.components.seconds
        if let window = attempts[key], window.second == second {
            attempts[key] = (second, window.count + 1)
        } else {
            attempts[key] = (second, 1)
        }
    }

    /// I→S refused before any INVITE: REL with the refusal's cause (T1/T5 until RLC).
    mutating func refuseISUP(_ call: inout Call, _ refusal: CallPolicy.Refusal) {
        out.append(.observe(.callRefused(.isupToSIP, cause: refusal.cause, reason: "admission", call: call.id)))
        releaseISUP(&call, cause: CauseIndicators(value: refusal.cause), by: .gateway)
        store(call)
    }
}
