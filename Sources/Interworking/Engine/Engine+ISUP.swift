import ISUP
import SIPI

/// ISUP received: circuit supervision to the trunk's circuit group, call control to the call on the circuit, the
/// compatibility procedures for what is not recognised (Q.764 §2.9.5).
extension InterworkingEngine {
    /// The trunk whose switch (DPC) sent this to us (OPC).
    func trunk(from route: SignallingRoute) -> Int? {
        configuration.trunks.firstIndex { $0.circuits.dpc == route.opc && $0.circuits.opc == route.dpc }
    }

    mutating func receiveISUP(_ message: ISUPMessage, from route: SignallingRoute) {
        out.append(.observe(.message(protocol: "isup", type: message.type.acronym, inbound: true)))
        guard let trunk = trunk(from: route) else {
            out.append(.observe(.discarded("ISUP \(message.type.acronym) from \(route): no trunk")))
            return
        }
        guard let cic = message.cic else { return }
        let key = CircuitKey(trunk: trunk, cic: cic.value)
        if case .handled(let actions) = circuits[trunk].handle(message, at: now) {
            apply(actions, trunk: trunk)
            return
        }
        guard message.spec != nil else {
            unrecognisedMessage(message, key: key)
            return
        }
        if message.type == .iam {
            receiveIAM(message, trunk: trunk, route: route)
            return
        }
        guard let id = byCircuit[key], var call = calls[id] else {
            idleCircuitMessage(message, key: key)
            return
        }
        var message = message
        switch CompatibilityVerdict.forParameters(of: message) {
        case .release(let cause):
            if message.type != .rel && message.type != .rlc {
                releaseISUP(&call, cause: cause, by: .isup)
                releaseSIP(&call, cause: cause.value)
                store(call)
                return
            }
        case .discard(let notify):
            if let notify, message.type != .rel, message.type != .rlc { confusion(notify, cic: cic, trunk: trunk) }
            if message.type != .rel { return }
        case .process(let discarding, let notify):
            for code in discarding { message.removeOptional(code) }
            if let notify, message.type != .rel, message.type != .rlc, message.type != .cfn {
                confusion(notify, cic: cic, trunk: trunk)
            }
        }
        switch call.direction {
        case .isupToSIP: forwardMessage(message, call: &call)
        case .sipToISUP: backwardMessage(message, call: &call)
        }
        store(call)
    }

    /// Undecodable octets (Q.764 §2.9.5 format error): discarded, except that a REL still gets its RLC.
    mutating func receiveUndecodableISUP(_ octets: [UInt8], from route: SignallingRoute, error: String) {
        out.append(.observe(.discarded("undecodable ISUP from \(route): \(error)")))
        guard octets.count >= 3, let trunk = trunk(from: route) else { return }
        let cic = CIC(rawValue: UInt16(octets[0]) | UInt16(octets[1]) << 8)
        guard MessageType(octets[2]) == .rel else { return }
        receiveISUP(ISUPMessage(type: .rel, cic: cic, parameters: [
            Parameter(code: .causeIndicators, value: CauseIndicators(value: 100).encoded()),
        ]), from: SignallingRoute(opc: configuration.trunks[trunk].circuits.dpc, dpc: configuration.trunks[trunk].circuits.opc,
                                  sls: route.sls, networkIndicator: route.networkIndicator))
    }

    /// A message of a type this codec does not know (Q.764 §2.9.5.1): its message compatibility information decides.
    mutating func unrecognisedMessage(_ message: ISUPMessage, key: CircuitKey) {
        guard case .raw(let body) = message.body, let cic = message.cic else { return }
        let verdict = CompatibilityVerdict.forUnrecognisedMessage(
            message.type, compatibility: Self.optionalParameter(0x38, inRaw: body))
        guard let id = byCircuit[key], var call = calls[id] else {
            out.append(.observe(.discarded("unrecognised ISUP \(message.type.acronym) on idle CIC \(cic)")))
            return
        }
        switch verdict {
        case .release(let cause):
            releaseISUP(&call, cause: cause, by: .isup)
            releaseSIP(&call, cause: cause.value)
        case .discard(let notify), .process(_, let notify):
            if let notify { confusion(notify, cic: cic, trunk: key.trunk) }
        }
        store(call)
    }

    /// A call-control message on a circuit without a call (digest §6.1 "unexpected messages"): REL → RLC, RLC to the
    /// circuit group (a reset it awaits) or discarded, anything else resets the circuit.
    mutating func idleCircuitMessage(_ message: ISUPMessage, key: CircuitKey) {
        guard let cic = message.cic else { return }
        switch message.type {
        case .rel:
            // Q.764 §2.3.1 c): the circuit is idle once RLC is sent, whatever this side thought it was.
            circuits[key.trunk].releaseToIdle(cic)
            sendISUP(ISUPMessage(type: .rlc, cic: cic, parameters: []), trunk: key.trunk)
        case .rlc, .cfn:
            out.append(.observe(.discarded("\(message.type.acronym) on idle CIC \(cic)")))
        default:
            out.append(.observe(.discarded("unexpected \(message.type.acronym) on idle CIC \(cic): circuit reset")))
            apply(circuits[key.trunk].reset(cic, at: now), trunk: key.trunk)
        }
    }

    /// CFN (Q.764 §2.9.5): the cause says what was discarded.
    mutating func confusion(_ cause: CauseIndicators, cic: CIC, trunk: Int) {
        sendISUP(ISUPMessage(type: .cfn, cic: cic, parameters: [Parameter(code: .causeIndicators, value: cause.encoded())]),
                 trunk: trunk)
    }

    /// An optional parameter of an unknown message laid out as a pointer and TLVs (Q.763 §1.8, digest §1.4).
    static func optionalParameter(_ code: UInt8, inRaw body: ArraySlice<UInt8>) -> [UInt8]? {
        guard let pointer = body.first, pointer > 0 else { return nil }
        var i = body.startIndex + Int(pointer)
        while i + 1 < body.endIndex, body[i] != 0 {
            let length = Int(body[i + 1])
            guard i + 2 + length <= body.endIndex else { return nil }
            if body[i] == code { return Array(body[(i + 2)..<(i + 2 + length)]) }
            i += 2 + length
        }
        return nil
    }

    // MARK: Releasing the ISUP leg

    /// Sends REL (T1, T5) unless the leg is already released or releasing; the circuit stays busy until RLC.
    mutating func releaseISUP(_ call: inout Call, cause: CauseIndicators, by side: CallRecord.Side) {
        if call.releasedBy == nil { call.releasedBy = side }
        switch call.isup.state {
        case .idle, .releasing: return
        default: break
        }
        guard let cic = call.cic else {
            call.isup.state = .idle
            return
        }
        for timer in CallTimer.isup where timer != .t1 && timer != .t5 { cancel(timer, for: &call) }
        let rel = ISUPMessage(type: .rel, cic: cic, parameters: [Parameter(code: .causeIndicators, value: cause.encoded())])
        if call.record.isupCause == nil { call.record.isupCause = cause.value }
        call.isup.releaseSent = rel
        call.isup.state = .releasing
        sendISUP(rel, trunk: call.trunk)
        circuits[call.trunk].releaseStarted(cic)
        start(.t1, after: configuration.timers.t1.duration, for: &call)
        start(.t5, after: configuration.timers.t5.duration, for: &call)
    }

    /// A REL received: RLC at once (digest B.1.2), the circuit is idle again.
    mutating func releasedByISUP(_ call: inout Call, rel: ISUPMessage) {
        guard let cic = call.cic else { return }
        if call.releasedBy == nil { call.releasedBy = .isup }
        if call.record.isupCause == nil { call.record.isupCause = rel.causeIndicators?.value }
        sendISUP(ISUPMessage(type: .rlc, cic: cic, parameters: []), trunk: call.trunk)
        circuitIdle(&call)
    }

    /// The REL/RLC exchange is over (either way): the circuit goes back to the pool.
    mutating func circuitIdle(_ call: inout Call) {
        isupLegLost(&call)
        if let cic = call.cic { circuits[call.trunk].releaseToIdle(cic) }
    }

    /// The ISUP leg ends without a REL/RLC exchange (a reset, a lost association): its timers stop and the
    /// circuit is the circuit group's again.
    mutating func isupLegLost(_ call: inout Call) {
        cancelISUPTimers(&call)
        call.isup.state = .idle
        guard let cic = call.cic else { return }
        let key = CircuitKey(trunk: call.trunk, cic: cic.value)
        if byCircuit[key] == call.id { byCircuit[key] = nil }
    }

    /// The circuit group reset a circuit that carried a call (RSC, GRS, hardware blocking): the ISUP leg is gone
    /// without REL, the SIP leg is released.
    mutating func circuitReset(_ key: CircuitKey, cause: UInt8) {
        guard let id = byCircuit[key], var call = calls[id] else { return }
        isupLegLost(&call)
        if call.releasedBy == nil { call.releasedBy = .isup }
        if call.record.isupCause == nil { call.record.isupCause = cause }
        releaseSIP(&call, cause: cause)
        store(call)
    }
}
