import Interworking
import ISUP

/// Basic call control (Q.764 §2.1–§2.3): outgoing calls placed at the configured rate, incoming ones answered by
/// the mix, both released normally.
extension SwitchSimulator {
    /// Places every call whose time has come (catching up after a late timer) and schedules the next.
    mutating func placeDue(at now: Instant) -> [SwitchSimulatorAction] {
        guard ready, !stopped, var due = nextDue else { return [] }
        var out = [SwitchSimulatorAction]()
        let interval = Duration.seconds(1 / max(configuration.rate, 0.001))
        while due <= now, placed < configuration.calls {
            out += place(at: now)
            due = due + interval
        }
        guard placed < configuration.calls else {
            nextDue = nil
            return out
        }
        nextDue = due
        return out + [.startTimer(.nextCall, after: due - now)]
    }

    /// One outgoing call: IAM on the first idle circuit (not blocked by the gateway), T7 started.
    private mutating func place(at now: Instant) -> [SwitchSimulatorAction] {
        let numbers = configuration.calledNumbers
        let called = numbers.isEmpty ? "" : numbers[placed % numbers.count]
        placed += 1
        guard let cic = selectionOrder.first(where: { circuits[$0]?.call == nil && circuits[$0]?.remotelyBlocked == false })
        else {
            return [.outcome(CallOutcome(direction: .outgoing, cic: 0, called: called, failure: "no idle circuit"))]
        }
        guard let iam = ISUPMessage.simulatorIAM(cic: cic, called: called, calling: configuration.callingNumber) else {
            return [.outcome(CallOutcome(direction: .outgoing, cic: cic, called: called, failure: "not a number"))]
        }
        circuits[cic]?.call = Call(outcome: CallOutcome(direction: .outgoing, cic: cic, called: called), phase: .setup,
                                   seized: now)
        return [.send(iam), .startTimer(.supervision(cic: cic), after: configuration.setupTimeout)]
    }

    /// ISUP from the gateway, by message type.
    mutating func receive(_ message: ISUPMessage, at now: Instant) -> [SwitchSimulatorAction] {
        guard let cic = message.cic?.value, circuits[cic] != nil else { return [] }
        switch message.type {
        case .iam: return incoming(message, cic: cic, at: now)
        case .acm: return backward(cic, answered: false, at: now)
        case .con, .anm: return backward(cic, answered: true, at: now)
        case .cpg: return []  // Q.764 §2.1.5: progress (alerting, in-band information) changes nothing here
        case .rel:
            // Q.764 §2.3.1: RLC in answer, whichever side released first.
            guard circuits[cic]?.call != nil else { return [.send(.bare(.rlc, cic: cic))] }
            return [.send(.bare(.rlc, cic: cic))] + end(cic, cause: message.causeIndicators?.value)
        case .rlc:
            guard circuits[cic]?.call?.phase == .releasing else { return [] }
            return end(cic)
        default:
            return maintenance(message, cic: cic, at: now)
        }
    }

    /// ACM, CON or ANM on an outgoing call: the first one measures setup latency; an answer starts the holding time.
    private mutating func backward(_ cic: Int, answered: Bool, at now: Instant) -> [SwitchSimulatorAction] {
        guard var call = circuits[cic]?.call, call.outcome.direction == .outgoing,
              call.phase == .setup || call.phase == .alerting else { return [] }
        if call.outcome.setupLatency == nil { call.outcome.setupLatency = now - call.seized }
        var out = [SwitchSimulatorAction.cancelTimer(.supervision(cic: cic))]
        if answered {
            call.phase = .answered
            call.outcome.answered = true
            call.outcome.answerLatency = now - call.seized
            out.append(.startTimer(.holding(cic: cic), after: configuration.holdingTime))
        } else {
            call.phase = .alerting
            out.append(.startTimer(.supervision(cic: cic), after: configuration.answerTimeout))
        }
        circuits[cic]?.call = call
        return out
    }

    /// An IAM: dual seizure resolved first (Q.764 §2.10.1.4: the controlling exchange keeps its call, the other
    /// gives its own up), then the next behaviour of the mix.
    private mutating func incoming(_ iam: ISUPMessage, cic: Int, at now: Instant) -> [SwitchSimulatorAction] {
        var out = [SwitchSimulatorAction]()
        if let call = circuits[cic]?.call {
            let controlled = (cic % 2 == 0) == (configuration.opc > configuration.dpc)
            guard call.outcome.direction == .outgoing, call.phase == .setup, !controlled else { return [] }
            out += end(cic, failure: "dual seizure")
        }
        let behaviour = answerMix.next()
        let called = iam.calledPartyNumber?.digits.description.filter { $0 != "F" } ?? ""
        circuits[cic]?.call = Call(outcome: CallOutcome(direction: .incoming, cic: cic, called: called, behaviour: behaviour),
                                   phase: .setup, seized: now)
        if let cause = behaviour.refusalCause { return out + release(cic, cause: cause) }
        circuits[cic]?.call?.phase = .alerting
        out.append(.send(.simulatorACM(cic: cic)))
        if behaviour == .answer { out.append(.startTimer(.ringing(cic: cic), after: configuration.ringingTime)) }
        return out
    }
}
