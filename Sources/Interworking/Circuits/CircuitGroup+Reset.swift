import ISUP

/// Q.764 §2.9.3 reset of circuits and circuit groups.
extension CircuitGroup {
    /// The route toward the switch became available (start-up, or the DPC came back): GRS over every equipped circuit
    /// in spans of ≤ 32 consecutive CICs (RSC for a lone circuit). Calls still on the circuits are cleared; the
    /// circuits stay unusable until the GRA (or RLC) comes.
    public mutating func start(at now: Instant) -> [CircuitAction] { resetCircuits(equipped, at: now) }

    /// The call control asks for a circuit reset (T5 expiry, an unexpected message, Q.764 §2.9.3.1, §2.9.6): RSC
    /// under T16/T17. A call on the circuit is reported with `.releaseCall`.
    public mutating func reset(_ cic: CIC, at now: Instant) -> [CircuitAction] {
        guard circuits[cic.value] != nil else { return [alert("reset of unequipped CIC \(cic) ignored")] }
        return resetCircuits([cic.value], at: now)
    }

    /// RSC for a lone circuit, GRS for each span of consecutive circuits (Q.764 §2.9.3.1, §2.9.3.2), then our local
    /// blocking again: the reset takes away the remote blocking states at the switch (isup-q763.md §6.6).
    mutating func resetCircuits(_ cics: [Int], at now: Instant) -> [CircuitAction] {
        var out = [CircuitAction]()
        for n in cics { clearCall(n, to: .resetting, &out) }
        for span in GroupSpan.spans(cics) {
            if span.range == 0 {
                out += request(.reset, .circuit(.rsc, span.first), circuits: span.members, at: now)
            } else {
                out += request(.groupReset, .ranged(.grs, first: span.first, RangeAndStatus(range: span.range)),
                               circuits: span.members, at: now)
            }
        }
        return out + resignalLocalBlocking(cics, kinds: [.maintenance, .hardwareFailure], at: now)
    }

    /// Whether a reset of ours covering the circuit awaits its acknowledgement.
    func resetOutstanding(_ n: Int) -> Bool {
        outstanding.contains { key, request in
            (key.procedure == .reset || key.procedure == .groupReset) && request.circuits.contains(n)
        }
    }

    /// The circuit is reset at the switch's request: a call on it is cleared (no REL: the RLC or GRA does it), the
    /// remote blocking states are removed (Q.764 §2.9.3.1 b). A reset of ours still outstanding keeps the circuit
    /// resetting until its own acknowledgement.
    private mutating func resetByRemote(_ n: Int, _ out: inout [CircuitAction]) {
        clearCall(n, to: resetOutstanding(n) ? .resetting : .idle, &out)
        update(n, &out) {
            $0.blocking.subtract([.remoteMaintenance, .remoteHardware])
            $0.unequippedAtRemote = false
        }
    }

    /// Q.764 §2.9.3.1: RSC → the circuit is reset and RLC goes back; our local blocking follows it (BLO after the
    /// RLC; CGB for hardware blocking).
    mutating func receivedReset(_ n: Int, at now: Instant) -> [CircuitAction] {
        var out = [CircuitAction]()
        resetByRemote(n, &out)
        return out + [.send(.circuit(.rlc, n))]
            + resignalLocalBlocking([n], kinds: [.maintenance, .hardwareFailure], at: now)
    }

    /// Q.764 §2.9.3.2: GRS (range 1–31, Q.763 §3.43) → each equipped circuit of the range is reset as for RSC, and GRA
    /// goes back with the same range and the status bit set for each circuit we block for maintenance. Hardware
    /// blocking is not carried by GRA: a hardware failure oriented CGB follows it (isup-q763.md §6.6).
    mutating func receivedGroupReset(_ message: ISUPMessage, first: Int, at now: Instant) -> [CircuitAction] {
        guard let range = message.rangeAndStatus?.range, (1...31).contains(range) else {
            return [alert("GRS on CIC \(first) discarded: range outside 1–31 (Q.763 §3.43)")]
        }
        let cics = (first...(first + Int(range))).filter { circuits[$0] != nil }
        var out = [CircuitAction]()
        for n in cics { resetByRemote(n, &out) }
        let blocked = cics.filter { circuits[$0]?.blocking.contains(.localMaintenance) == true }.map { $0 - first }
        return out + [.send(.ranged(.gra, first: first, RangeAndStatus(range: range, statusBits: blocked)))]
            + resignalLocalBlocking(cics, kinds: [.hardwareFailure], at: now)
    }

    /// Q.764 §2.9.3.1: the RLC answering our RSC ends T16/T17; the circuit is idle. Any other RLC on a resetting or
    /// idle circuit is unexpected and discarded (Q.764 §2.9.5, isup-q763.md §6.1).
    mutating func receivedReleaseComplete(_ n: Int) -> [CircuitAction] {
        guard let (_, actions) = finish(RequestKey(procedure: .reset, cic: n)) else { return [] }
        var out = actions
        if !resetOutstanding(n) { update(n, &out) { $0.call = .idle; $0.unequippedAtRemote = false } }
        return out
    }

    /// Q.764 §2.9.3.2: the GRA answering our GRS (same CIC and range) ends T22/T23; its circuits are idle, remotely
    /// blocked for maintenance where the status bit is 1 and not where it is 0; remote hardware blocking, not carried
    /// by GRA, is cleared (the switch re-sends its CGB). A GRA answering nothing is discarded.
    mutating func receivedGroupResetAcknowledgement(_ message: ISUPMessage, first: Int) -> [CircuitAction] {
        let key = RequestKey(procedure: .groupReset, cic: first)
        guard let rangeAndStatus = message.rangeAndStatus, rangeAndStatus.status != nil,
              outstanding[key]?.message.rangeAndStatus?.range == rangeAndStatus.range,
              let (request, actions) = finish(key)
        else { return [alert("unexpected GRA on CIC \(first) discarded (Q.764 §2.9.5)")] }
        var out = actions
        for n in request.circuits {
            let blocked = rangeAndStatus.isSet(n - first)
            let stillResetting = resetOutstanding(n)
            update(n, &out) {
                if !stillResetting { $0.call = .idle }
                if blocked { $0.blocking.insert(.remoteMaintenance) } else { $0.blocking.remove(.remoteMaintenance) }
                $0.blocking.remove(.remoteHardware)
                $0.unequippedAtRemote = false
            }
        }
        return out
    }
}
