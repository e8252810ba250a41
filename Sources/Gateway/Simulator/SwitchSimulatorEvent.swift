import Interworking
import ISUP

/// What happens to the simulated exchange: its M3UA link, ISUP from the gateway, its timers, and the operator.
public enum SwitchSimulatorEvent: Hashable, Sendable {
    /// The M3UA association can carry traffic (ASP active, or the AS active on the SGP side).
    case linkUp
    /// The association is gone: every call on it is lost.
    case linkDown
    case isup(ISUPMessage)
    case timer(SwitchSimulatorTimer)
    /// Place no more calls; the run is over once the calls in progress end.
    case stop
}

/// The simulator's timers, one of a kind per circuit.
public enum SwitchSimulatorTimer: Hashable, Sendable {
    /// The next outgoing call attempt is due.
    case nextCall
    /// An outgoing call waits for ACM (T7) or, alerting, for ANM.
    case supervision(cic: Int)
    /// An answered call's holding time is over: this exchange releases it.
    case holding(cic: Int)
    /// An incoming call rings: ANM when it fires.
    case ringing(cic: Int)
    /// Q.764 T1: REL sent, RLC awaited.
    case release(cic: Int)
}

/// What the simulated exchange asks its shell to do.
public enum SwitchSimulatorAction: Hashable, Sendable {
    /// ISUP to the gateway (the CIC set; OPC, DPC and NI from the configuration).
    case send(ISUPMessage)
    case startTimer(SwitchSimulatorTimer, after: Duration)
    case cancelTimer(SwitchSimulatorTimer)
    /// A call ended (its circuit is idle again).
    case outcome(CallOutcome)
    /// Every configured call was placed and has ended (or `stop` came and the calls in progress ended).
    case finished
}

/// How one call went, as the exchange saw it.
public struct CallOutcome: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable {
        case outgoing, incoming
    }

    public var direction: Direction
    public var cic: Int
    public var called: String
    /// ANM or CON was sent or received.
    public var answered: Bool
    /// The Q.850 cause of the release (the REL's, whoever sent it); nil when the call ended without REL (reset,
    /// dual seizure, association lost: see `failure`).
    public var cause: UInt8?
    /// The end was not a release: "reset", "dual seizure", "association lost".
    public var failure: String?
    /// This exchange sent the REL.
    public var releasedHere: Bool
    /// Outgoing: IAM → first backward message (ACM, CON or ANM).
    public var setupLatency: Duration?
    /// Outgoing: IAM → ANM or CON.
    public var answerLatency: Duration?
    /// Incoming: how it was treated.
    public var behaviour: AnswerBehaviour?

    public init(direction: Direction, cic: Int, called: String, answered: Bool = false, cause: UInt8? = nil,
                failure: String? = nil, releasedHere: Bool = false, setupLatency: Duration? = nil,
                answerLatency: Duration? = nil, behaviour: AnswerBehaviour? = nil) {
        self.direction = direction
        self.cic = cic
        self.called = called
        self.answered = answered
        self.cause = cause
        self.failure = failure
        self.releasedHere = releasedHere
        self.setupLatency = setupLatency
        self.answerLatency = answerLatency
        self.behaviour = behaviour
    }
}
