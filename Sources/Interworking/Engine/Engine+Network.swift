import ISUP
import SIPI

/// The network around the calls: SIP peers up and down, M3UA destinations and associations, operator maintenance.
extension InterworkingEngine {
    /// OPTIONS supervision (ST 769 §7.7.1.2): a down peer gets no new calls; calls in progress go on.
    mutating func peerChanged(_ name: String, up: Bool) {
        guard let peer = configuration.peers.firstIndex(where: { $0.name == name }) else { return }
        let changed = up ? downPeers.remove(peer) != nil : downPeers.insert(peer).inserted
        if changed { out.append(.observe(.peer(name, up: up))) }
    }

    /// ST 769 §7.7.1.2: an out-of-dialog OPTIONS with Max-Forwards 0 to the peer; its answer (or Timer F) decides
    /// up or down, and the next one follows after the interval.
    mutating func sendKeepAlive(_ peer: Int) {
        let config = configuration.peers[peer]
        guard let interval = config.keepAliveInterval else { return }
        let options = SIPMessage(startLine: .request(method: "OPTIONS", uri: "sip:\(config.domain)"), headers: [
            SIPHeader("Via", newVia()), SIPHeader("Max-Forwards", "0"),
            SIPHeader("From", "<sip:sipigw@\(configuration.sip.domain)>;tag=\(identifier())"),
            SIPHeader("To", "<sip:\(config.domain)>"), SIPHeader("Call-ID", identifier() + "@" + configuration.sip.domain),
            SIPHeader("CSeq", "1 OPTIONS"), SIPHeader("Accept", "application/sdp, application/ISUP, multipart/mixed"),
        ])
        if let id = clientTransaction(of: options) {
            keepAlives[id] = peer
            feedTransactions(.sendRequest(options, to: config.address, id: id))
        }
        out.append(.startTimer(.keepAlive(peer: peer), after: interval.duration))
    }

    /// 200 or 483 (Max-Forwards reached 0 at the peer): up; any other answer, or none (`status` nil): down.
    mutating func keepAliveAnswered(_ peer: Int, transaction: TransactionID, status: Int?) {
        if let status, status < 200 { return }
        keepAlives[transaction] = nil
        peerChanged(configuration.peers[peer].name, up: status == 200 || status == 483)
    }

    /// DUNA/DAVA (RFC 4666 §3.4): calls toward an unavailable DPC are refused; when it comes back its trunks'
    /// circuits are reset (GRS) before they carry calls again.
    mutating func destinationChanged(_ pointCode: UInt32, available: Bool) {
        if available {
            guard unavailableDestinations.remove(pointCode) != nil else { return }
            for trunk in configuration.trunks.indices where configuration.trunks[trunk].circuits.dpc == pointCode {
                apply(circuits[trunk].start(at: now), trunk: trunk)
            }
        } else {
            unavailableDestinations.insert(pointCode)
        }
    }

    /// An association lost: the calls of its trunks are released on the SIP side (cause 41 by default), their ISUP
    /// legs are gone and their circuits idle here (no new call seizes one while the association is down); when it
    /// returns, GRS resets its circuits, so the switch's side of them is idle too. (Issue 10, fuzzing finding
    /// FuzzEngine: the circuit of a call lost so stayed busy without a call, even after the switch's REL.)
    mutating func associationChanged(_ name: String, up: Bool) {
        let trunks = configuration.trunks.indices.filter { configuration.trunks[$0].association == name }
        if up {
            guard lostAssociations.remove(name) != nil else { return }
            for trunk in trunks { apply(circuits[trunk].start(at: now), trunk: trunk) }
            return
        }
        guard lostAssociations.insert(name).inserted else { return }
        let cause = configuration.policy.associationLossCause
        for id in calls.keys.sorted() where trunks.contains(calls[id]!.trunk) {
            var call = calls[id]!
            if let cic = call.cic { circuits[call.trunk].releaseToIdle(cic) }
            isupLegLost(&call)
            if call.releasedBy == nil { call.releasedBy = .gateway }
            if call.record.isupCause == nil { call.record.isupCause = cause }
            releaseSIP(&call, cause: cause)
            store(call)
        }
    }

    /// Shutdown: refuse new calls, release every call in progress on both sides (REL with T1/T5 until RLC, and the
    /// SIP side by its state); the calls end, with their records, as their releases complete.
    mutating func drain(cause: UInt8) {
        draining = true
        for id in calls.keys.sorted() {
            guard var call = calls[id] else { continue }
            if call.releasedBy == nil { call.releasedBy = .gateway }
            releaseISUP(&call, cause: CauseIndicators(value: cause), by: .gateway)
            releaseSIP(&call, cause: cause)
            store(call)
        }
    }

    /// Operator maintenance: block, unblock or reset a CIC or a range (Q.764 §2.8, §2.9.3).
    mutating func maintenance(_ request: MaintenanceRequest) {
        guard let trunk = configuration.trunks.firstIndex(where: { $0.name == request.trunk }) else {
            out.append(.observe(.discarded("maintenance on unknown trunk \(request.trunk)")))
            return
        }
        guard let range = CICRange(request.first.value, request.last.value) else {
            out.append(.observe(.discarded("maintenance on CICs \(request.first)-\(request.last): not a range")))
            return
        }
        let command: MaintenanceCommand = switch request.operation {
        case .block: .block(range, .maintenance)
        case .unblock: .unblock(range, .maintenance)
        case .reset: .reset(range)
        }
        apply(circuits[trunk].command(command, at: now), trunk: trunk)
    }
}
