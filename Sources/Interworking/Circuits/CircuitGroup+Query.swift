import ISUP

/// Q.764 circuit group query (national use, CQM/CQR) and unequipped CICs (§2.12).
extension CircuitGroup {
    /// The circuit state indicator octet of one circuit, Q.763 §3.14 (isup-q763.md §3.2): 0x03 unequipped, 0x00
    /// transient (IAM sent awaiting the first backward message, REL or RSC/GRS awaiting its answer, a (group)
    /// (un)blocking awaiting its acknowledgement); otherwise BA maintenance blocking (01 local, 10 remote), DC call
    /// processing (01 incoming busy, 10 outgoing busy, 11 idle) and FE hardware blocking (01 local, 10 remote; DC is
    /// then 11).
    public func circuitStateIndicator(_ cic: CIC) -> UInt8 {
        let n = cic.value
        guard let state = circuits[n] else { return 0x03 }
        switch state.call {
        case .outgoingSeized, .releasing, .resetting: return 0x00
        case .idle, .incomingBusy, .outgoingBusy: if awaitsAcknowledgement(n) { return 0x00 }
        }
        func bits(_ local: Blocking, _ remote: Blocking) -> UInt8 {
            (state.blocking.contains(local) ? 0b01 : 0) | (state.blocking.contains(remote) ? 0b10 : 0)
        }
        let maintenance = bits(.localMaintenance, .remoteMaintenance)
        let hardware = bits(.localHardware, .remoteHardware)
        let call: UInt8 = switch state.call {
        case .incomingBusy where hardware == 0: 0b01
        case .outgoingBusy where hardware == 0: 0b10
        default: 0b11
        }
        return hardware << 4 | call << 2 | maintenance
    }

    /// CQM (range 0–31, Q.764: a larger range is discarded) → CQR with the same range and one state octet per circuit.
    /// A CQM is answered even when its CIC is unequipped: the octet says so.
    mutating func receivedQuery(_ message: ISUPMessage, first: Int) -> [CircuitAction] {
        guard let range = message.rangeAndStatus?.range, range <= 31, first + Int(range) <= 0x0FFF else {
            return [alert("CQM on CIC \(first) discarded: range above 31 (Q.764)")]
        }
        let states = (first...(first + Int(range))).map { circuitStateIndicator(CIC($0)) }
        return [.send(.circuitQueryResponse(first: first, range: range, states: states))]
    }

    /// Q.764 §2.12: UCIC → the switch does not have the circuit. Maintenance is alerted, the circuit is no longer
    /// selected, a call on it is cleared and our single-circuit requests on it stop (they will not be answered).
    mutating func receivedUnequipped(_ n: Int) -> [CircuitAction] {
        var out = [alert("UCIC on CIC \(n): the switch has it unequipped; circuit out of service (Q.764 §2.12)")]
        for procedure in [CircuitProcedure.blocking, .unblocking, .reset] {
            out += finish(RequestKey(procedure: procedure, cic: n))?.actions ?? []
        }
        if !resetOutstanding(n) { clearCall(n, to: .idle, &out) }
        update(n, &out) { $0.unequippedAtRemote = true }
        return out
    }
}
