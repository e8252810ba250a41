import ISUP

/// The entry points for received messages and maintenance commands.
extension CircuitGroup {
    /// The circuit supervision message types (Q.763 Table 4). RLC belongs here only when it answers our RSC or comes
    /// on an idle circuit; otherwise it is the call control's.
    public static func isCircuitMessage(_ type: MessageType) -> Bool {
        [.blo, .bla, .ubl, .uba, .cgb, .cgba, .cgu, .cgua, .grs, .gra, .rsc, .cqm, .cqr, .ucic].contains(type)
    }

    /// A message received from the switch. BLO, BLA, UBL, UBA, CGB, CGBA, CGU, CGUA, GRS, GRA, RSC, CQM, CQR, UCIC,
    /// and RLC on a circuit under reset or idle, are handled here; anything else is `.notForCircuits`. A circuit
    /// message for an unequipped CIC is answered with UCIC (except UCIC itself, and CQM, whose CQR reports it).
    public mutating func handle(_ message: ISUPMessage, at now: Instant) -> CircuitHandling {
        guard let cic = message.cic else { return .notForCircuits }
        let n = cic.value
        if message.type == .rlc {
            guard let call = circuits[n]?.call, call == .resetting || call == .idle else {
                return circuits[n] == nil ? .handled(unequippedReply(n)) : .notForCircuits
            }
            return .handled(receivedReleaseComplete(n))
        }
        guard Self.isCircuitMessage(message.type) else { return .notForCircuits }
        guard circuits[n] != nil || message.type == .cqm else {
            return .handled(message.type == .ucic
                ? [alert("UCIC on unequipped CIC \(n) discarded")] : unequippedReply(n))
        }
        return .handled(dispatch(message, n, at: now))
    }

    private mutating func dispatch(_ message: ISUPMessage, _ n: Int, at now: Instant) -> [CircuitAction] {
        switch message.type {
        case .blo: received(blocking: true, n)
        case .ubl: received(blocking: false, n)
        case .bla: received(acknowledgement: true, n, at: now)
        case .uba: received(acknowledgement: false, n, at: now)
        case .cgb: received(groupBlocking: true, message, first: n)
        case .cgu: received(groupBlocking: false, message, first: n)
        case .cgba: received(groupAcknowledgement: true, message, first: n, at: now)
        case .cgua: received(groupAcknowledgement: false, message, first: n, at: now)
        case .rsc: receivedReset(n, at: now)
        case .grs: receivedGroupReset(message, first: n, at: now)
        case .gra: receivedGroupResetAcknowledgement(message, first: n)
        case .cqm: receivedQuery(message, first: n)
        case .cqr: [alert("CQR on CIC \(n): \(message[.circuitStateIndicator].map { Hex.string($0.value) } ?? "")")]
        default: receivedUnequipped(n)  // UCIC, the last of the types isCircuitMessage admits
        }
    }

    /// A local maintenance request; the equipped circuits of the range are concerned (none → an alert).
    public mutating func command(_ command: MaintenanceCommand, at now: Instant) -> [CircuitAction] {
        let range = switch command {
        case .block(let r, _), .unblock(let r, _), .reset(let r): r
        }
        let cics = equipped.filter(range.cics.contains)
        guard !cics.isEmpty else { return [alert("no equipped circuit in \(range)")] }
        return switch command {
        case .block(_, let kind): localBlocking(cics, kind, block: true, at: now)
        case .unblock(_, let kind): localBlocking(cics, kind, block: false, at: now)
        case .reset: resetCircuits(cics, at: now)
        }
    }
}
