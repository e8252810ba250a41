import ISUP

/// Q.764 §2.8 blocking and unblocking of circuits and circuit groups, and §2.9.4 failures in the blocking and
/// unblocking sequences.
extension CircuitGroup {
    // MARK: - Sending

    /// Local blocking or unblocking of circuits: the flag changes at once (a blocked circuit is not selected from now
    /// on); the request goes as BLO/UBL for a single maintenance circuit, otherwise as CGB/CGU spans. Hardware failure
    /// oriented blocking clears the calls on the circuits (Q.764 §2.8.3); maintenance blocking leaves them alone: the
    /// call goes on, the circuit is not selected for new calls (Q.764 §2.8.2.1).
    mutating func localBlocking(_ cics: [Int], _ kind: BlockingKind, block: Bool, at now: Instant) -> [CircuitAction] {
        var out = [CircuitAction]()
        for n in cics {
            if block && kind == .hardwareFailure, circuits[n]?.call.hasCall == true { clearCall(n, to: .idle, &out) }
            update(n, &out) {
                if block { $0.blocking.insert(.local(kind)) } else { $0.blocking.remove(.local(kind)) }
            }
        }
        return out + blockingRequests(cics, kind, block: block, at: now)
    }

    /// The BLO/UBL or CGB/CGU requests that tell the switch about our blocking of `cics`.
    mutating func blockingRequests(_ cics: [Int], _ kind: BlockingKind, block: Bool, at now: Instant)
        -> [CircuitAction]
    {
        if kind == .maintenance, cics.count == 1, let n = cics.first {
            return request(block ? .blocking : .unblocking, .circuit(block ? .blo : .ubl, n), circuits: [n], at: now)
        }
        return GroupSpan.spans(cics, minimumRange: 1).flatMap { span in
            let message = ISUPMessage.group(block ? .cgb : .cgu, kind, first: span.first,
                                            RangeAndStatus(range: span.range, statusBits: span.offsets))
            return request(block ? .groupBlocking : .groupUnblocking, message, circuits: span.members, at: now)
        }
    }

    /// Tells the switch again about our local blocking of some circuits, after a reset took it away at the switch
    /// (Q.764 §2.9.3: RSC and GRS remove the remote blocking states at the receiver) or after an IAM showed that the
    /// switch ignores it (Q.764 §2.8.2.3).
    mutating func resignalLocalBlocking(_ cics: [Int], kinds: [BlockingKind], at now: Instant) -> [CircuitAction] {
        kinds.flatMap { kind in
            let blocked = cics.filter { circuits[$0]?.blocking.contains(.local(kind)) == true }
            return blocked.isEmpty ? [] : blockingRequests(blocked, kind, block: true, at: now)
        }
    }

    // MARK: - Receiving BLO, UBL, CGB, CGU

    /// Q.764 §2.8.2.1/§2.8.2.2: BLO marks the circuit remotely blocked, UBL clears it; always acknowledged, also
    /// when the state was already so (Q.764 §2.9.4 i, ii).
    mutating func received(blocking block: Bool, _ n: Int) -> [CircuitAction] {
        var out = [CircuitAction]()
        update(n, &out) {
            if block { $0.blocking.insert(.remoteMaintenance) } else { $0.blocking.remove(.remoteMaintenance) }
        }
        return out + [.send(.circuit(block ? .bla : .uba, n))]
    }

    /// Q.764 §2.8.3: CGB/CGU block or unblock the circuits whose status bit is set, and the acknowledgement carries
    /// the same type and range with the bits of the circuits actually (un)blocked (unequipped ones stay 0). A
    /// hardware failure oriented CGB clears the calls on those circuits. Range 0 is reserved and at most 32 status
    /// bits may be set (Q.763 §3.43): such a message is discarded.
    mutating func received(groupBlocking block: Bool, _ message: ISUPMessage, first: Int) -> [CircuitAction] {
        guard let (kind, rangeAndStatus) = groupFields(message, acknowledgement: false) else {
            return [alert("\(message.type) on CIC \(first) discarded: bad type or range and status (Q.763 §3.43)")]
        }
        var out = [CircuitAction]()
        let affected = rangeAndStatus.setStatusBits.map { first + $0 }.filter { circuits[$0] != nil }
        for n in affected {
            if block && kind == .hardwareFailure, circuits[n]?.call.hasCall == true { clearCall(n, to: .idle, &out) }
            update(n, &out) {
                if block { $0.blocking.insert(.remote(kind)) } else { $0.blocking.remove(.remote(kind)) }
            }
        }
        let acknowledgement = RangeAndStatus(range: rangeAndStatus.range, statusBits: affected.map { $0 - first })
        return out + [.send(.group(block ? .cgba : .cgua, kind, first: first, acknowledgement))]
    }

    // MARK: - Receiving the acknowledgements

    /// Q.764 §2.9.4: BLA (`block`) or UBA answering our request ends it. One that answers nothing is discarded when it
    /// agrees with our state (BLA on a locally blocked circuit, UBA on one that is not); otherwise the request that
    /// restores agreement goes out (UBL, BLO).
    mutating func received(acknowledgement block: Bool, _ n: Int, at now: Instant) -> [CircuitAction] {
        if let (_, actions) = finish(RequestKey(procedure: block ? .blocking : .unblocking, cic: n)) { return actions }
        let locallyBlocked = circuits[n]?.blocking.contains(.localMaintenance) == true
        guard locallyBlocked != block else { return [] }
        return [alert("unexpected \(block ? "BLA" : "UBA") on CIC \(n): \(block ? "UBL" : "BLO") sent (Q.764 §2.9.4)")]
            + blockingRequests([n], .maintenance, block: !block, at: now)
    }

    /// Q.764 §2.9.4, CGBA (`block`) and CGUA. The acknowledgement of our request has its type and range; one that
    /// matches no request is unexpected (the request, if any, stays outstanding) and compared with an empty request.
    /// Circuits requested but not acknowledged: maintenance is alerted. Circuits acknowledged but not requested: when
    /// that disagrees with our state (blocking acknowledged for a circuit we do not block, unblocking for one we
    /// block), the CGU or CGB that restores agreement goes out; otherwise nothing.
    mutating func received(groupAcknowledgement block: Bool, _ message: ISUPMessage, first: Int, at now: Instant)
        -> [CircuitAction]
    {
        guard let (kind, rangeAndStatus) = groupFields(message, acknowledgement: true) else {
            return [alert("\(message.type) on CIC \(first) discarded: bad type or range and status (Q.763 §3.43)")]
        }
        var out = [CircuitAction]()
        let key = RequestKey(procedure: block ? .groupBlocking : .groupUnblocking, cic: first)
        var requested = [Int]()
        if let request = outstanding[key], request.message.blockingKind == kind,
           request.message.rangeAndStatus?.range == rangeAndStatus.range, let (done, actions) = finish(key)
        {
            requested = done.circuits
            out += actions
        }
        let acknowledged = rangeAndStatus.setStatusBits.map { first + $0 }.filter { circuits[$0] != nil }
        let missing = requested.filter { !acknowledged.contains($0) }
        if !missing.isEmpty {
            out.append(alert("\(message.type) on CIC \(first) does not acknowledge CICs \(missing) (Q.764 §2.9.4)"))
        }
        let disagreeing = acknowledged.filter {
            !requested.contains($0) && (circuits[$0]?.blocking.contains(.local(kind)) == true) != block
        }
        guard !disagreeing.isEmpty else { return out }
        out.append(alert("unexpected \(message.type) for CICs \(disagreeing): \(block ? "CGU" : "CGB") sent (Q.764 §2.9.4)"))
        return out + blockingRequests(disagreeing, kind, block: !block, at: now)
    }

    /// The type indicator and the range and status of CGB, CGU, CGBA or CGUA, if valid (Q.763 §3.13, §3.43): a status
    /// subfield, range 0 reserved; at most 32 bits set in a request.
    private func groupFields(_ message: ISUPMessage, acknowledgement: Bool) -> (BlockingKind, RangeAndStatus)? {
        guard let kind = message.blockingKind, let rangeAndStatus = message.rangeAndStatus,
              rangeAndStatus.status != nil, rangeAndStatus.range > 0,
              acknowledgement || rangeAndStatus.setStatusBits.count <= GroupSpan.maximumCircuits
        else { return nil }
        return (kind, rangeAndStatus)
    }
}
