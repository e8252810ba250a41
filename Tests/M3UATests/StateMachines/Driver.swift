import M3UA

/// Drives a state machine the way the shell would, without sockets: a virtual clock, and the timers the machine
/// starts and cancels kept as deadlines that `advance(by:)` fires in order.
struct Driver<Machine: M3UAStateMachine> {
    var machine: Machine
    private(set) var now: ContinuousClock.Instant
    private(set) var timers: [TimerID: ContinuousClock.Instant] = [:]
    let start: ContinuousClock.Instant

    init(_ machine: Machine) {
        self.machine = machine
        now = ContinuousClock.now
        start = now
    }

    /// Seconds since the driver started.
    var elapsed: Duration { start.duration(to: now) }

    @discardableResult
    mutating func feed(_ event: M3UAEvent) -> [M3UAAction] {
        let actions = machine.handle(event, at: now)
        for action in actions {
            switch action {
            case .startTimer(let id, let after): timers[id] = now.advanced(by: after)
            case .cancelTimer(let id): timers[id] = nil
            default: break
            }
        }
        return actions
    }

    /// Moves the clock forward, firing each timer that falls due, earliest first; returns every action.
    @discardableResult
    mutating func advance(by duration: Duration) -> [M3UAAction] {
        let end = now.advanced(by: duration)
        var out = [M3UAAction]()
        while let (id, due) = timers.filter({ $0.value <= end }).min(by: { $0.value < $1.value }) {
            timers[id] = nil
            now = due
            out += feed(.timerFired(id))
        }
        now = end
        return out
    }
}

extension Array where Element == M3UAAction {
    /// The messages sent, in order.
    var sent: [M3UAMessage] {
        compactMap { if case .send(let m, _, _) = $0 { m } else { nil } }
    }
    var sentTypes: [M3UAMessageType] { sent.map(\.type) }
    /// The association of each message sent, in order.
    var sentOn: [AssociationID] {
        compactMap { if case .send(_, let a, _) = $0 { a } else { nil } }
    }
}
