import Interworking
import ISUP

/// A small ISUP exchange (Q.764 basic call, both directions, and the circuit supervision the gateway sends it) as
/// a pure state machine: events in, actions out, at instants the shell supplies. It places calls at the configured
/// rate on its trunk's circuits, answers incoming ones with the configured mix and reports how every call went.
public struct SwitchSimulator: Sendable {
    public let configuration: SwitchSimulatorConfiguration
    var circuits: [Int: Circuit]
    /// The CICs in the order an outgoing call tries them: the ones this exchange controls first (Q.764 §2.10.1.4,
    /// the exchange with the higher point code controls the even CICs), ascending.
    let selectionOrder: [Int]
    var answerMix: AnswerMix
    /// Calls may be placed (link up, circuits reset when the configuration waits for it).
    var ready = false
    var stopped = false
    var placed = 0
    var nextDue: Instant?
    var finishedReported = false

    struct Circuit: Sendable {
        var remotelyBlocked = false
        var call: Call?
    }

    struct Call: Sendable {
        enum Phase: Sendable {
            case setup, alerting, answered
            /// REL sent, RLC awaited; the outcome is reported when it comes.
            case releasing
        }

        var outcome: CallOutcome
        var phase: Phase
        let seized: Instant
    }

    public init(configuration: SwitchSimulatorConfiguration) {
        self.configuration = configuration
        var circuits = [Int: Circuit]()
        for range in configuration.cics { for cic in range { circuits[cic] = Circuit() } }
        self.circuits = circuits
        let controlsEven = configuration.opc > configuration.dpc
        self.selectionOrder = circuits.keys.sorted { a, b in
            let ca = (a % 2 == 0) == controlsEven, cb = (b % 2 == 0) == controlsEven
            return ca != cb ? ca : a < b
        }
        self.answerMix = configuration.answerMix
    }

    /// Calls in progress (a circuit seized in either direction).
    public var activeCalls: Int { circuits.values.count { $0.call != nil } }

    public mutating func handle(_ event: SwitchSimulatorEvent, at now: Instant) -> [SwitchSimulatorAction] {
        var out: [SwitchSimulatorAction]
        switch event {
        case .linkUp:
            out = configuration.waitForReset ? [] : becomeReady(at: now)
        case .linkDown:
            ready = false
            nextDue = nil
            out = [.cancelTimer(.nextCall)]
            for cic in circuits.keys.sorted() where circuits[cic]?.call != nil {
                out += end(cic, failure: "association lost")
            }
        case .isup(let message):
            out = receive(message, at: now)
        case .timer(let timer):
            out = fired(timer, at: now)
        case .stop:
            stopped = true
            nextDue = nil
            out = [.cancelTimer(.nextCall)]
        }
        if !finishedReported, stopped || (configuration.calls > 0 && placed >= configuration.calls),
           !circuits.values.contains(where: { $0.call?.outcome.direction == .outgoing }) {
            finishedReported = true
            out.append(.finished)
        }
        return out
    }

    mutating func becomeReady(at now: Instant) -> [SwitchSimulatorAction] {
        guard !ready else { return [] }
        ready = true
        guard configuration.calls > 0, !stopped, placed < configuration.calls, nextDue == nil else { return [] }
        nextDue = now
        return placeDue(at: now)
    }

    private mutating func fired(_ timer: SwitchSimulatorTimer, at now: Instant) -> [SwitchSimulatorAction] {
        switch timer {
        case .nextCall:
            return placeDue(at: now)
        case .supervision(let cic):
            guard let call = circuits[cic]?.call else { return [] }
            switch call.phase {
            case .setup: return release(cic, cause: 102)  // Q.850 recovery on timer expiry (T7)
            case .alerting: return release(cic, cause: 19)  // no answer from user
            case .answered, .releasing: return []
            }
        case .holding(let cic):
            guard circuits[cic]?.call?.phase == .answered else { return [] }
            return release(cic, cause: 16)
        case .ringing(let cic):
            guard circuits[cic]?.call?.phase == .alerting else { return [] }
            circuits[cic]?.call?.phase = .answered
            circuits[cic]?.call?.outcome.answered = true
            var out: [SwitchSimulatorAction] = [.send(.bare(.anm, cic: cic))]
            if let hold = configuration.incomingHoldingTime { out.append(.startTimer(.holding(cic: cic), after: hold)) }
            return out
        case .release(let cic):
            guard circuits[cic]?.call?.phase == .releasing, let cause = circuits[cic]?.call?.outcome.cause else { return [] }
            return [.send(.release(cic: cic, cause: cause)), .startTimer(.release(cic: cic), after: configuration.t1)]
        }
    }

    // MARK: Releasing

    /// This exchange releases the call (REL, T1 started); the outcome waits for RLC.
    mutating func release(_ cic: Int, cause: UInt8) -> [SwitchSimulatorAction] {
        guard var call = circuits[cic]?.call else { return [] }
        call.phase = .releasing
        call.outcome.cause = cause
        call.outcome.releasedHere = true
        circuits[cic]?.call = call
        return [.cancelTimer(.supervision(cic: cic)), .cancelTimer(.holding(cic: cic)), .cancelTimer(.ringing(cic: cic)),
                .send(.release(cic: cic, cause: cause)), .startTimer(.release(cic: cic), after: configuration.t1)]
    }

    /// The circuit is idle again: its timers stop and the call's outcome is reported.
    mutating func end(_ cic: Int, cause: UInt8? = nil, failure: String? = nil) -> [SwitchSimulatorAction] {
        guard var call = circuits[cic]?.call else { return [] }
        circuits[cic]?.call = nil
        if let cause, !call.outcome.releasedHere { call.outcome.cause = cause }
        if let failure { call.outcome.failure = failure }
        return [.cancelTimer(.supervision(cic: cic)), .cancelTimer(.holding(cic: cic)), .cancelTimer(.ringing(cic: cic)),
                .cancelTimer(.release(cic: cic)), .outcome(call.outcome)]
    }
}
