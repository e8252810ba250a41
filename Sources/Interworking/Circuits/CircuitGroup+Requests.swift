import ISUP

/// A request this exchange sent and repeats until acknowledged: the procedure and the CIC of the message (the first
/// CIC for group messages). At most one per key: a new request replaces the old one.
struct RequestKey: Hashable, Sendable {
    var procedure: CircuitProcedure
    var cic: Int
}

struct OutstandingRequest: Hashable, Sendable {
    var message: ISUPMessage
    /// The circuits the request is about (for CGB/CGU those whose status bit is set).
    var circuits: [Int]
    /// When the initial message went.
    var since: Instant
}

extension CircuitProcedure {
    /// Unblocking supersedes an outstanding blocking of the same circuits and the other way round.
    var opposite: CircuitProcedure? {
        switch self {
        case .blocking: .unblocking
        case .unblocking: .blocking
        case .groupBlocking: .groupUnblocking
        case .groupUnblocking: .groupBlocking
        case .reset, .groupReset: nil
        }
    }
}

extension CircuitGroup {
    /// Sends a request and starts its two timers (Q.764 Annex A: both start with the initial message).
    mutating func request(_ procedure: CircuitProcedure, _ message: ISUPMessage, circuits: [Int], at now: Instant)
        -> [CircuitAction]
    {
        let cic = message.cic?.value ?? 0
        var out = [CircuitAction]()
        for superseded in [procedure, procedure.opposite].compactMap(\.self) {
            out += finish(RequestKey(procedure: superseded, cic: cic))?.actions ?? []
        }
        outstanding[RequestKey(procedure: procedure, cic: cic)] =
            OutstandingRequest(message: message, circuits: circuits, since: now)
        let timers = configuration.timers
        return out + [
            .send(message),
            .startTimer(CircuitTimer(procedure.shortTimer, cic: CIC(cic)), after: timers.duration(procedure.shortTimer)),
            .startTimer(CircuitTimer(procedure.longTimer, cic: CIC(cic)), after: timers.duration(procedure.longTimer)),
        ]
    }

    /// Ends an outstanding request (acknowledged or superseded): its timers are cancelled.
    mutating func finish(_ key: RequestKey) -> (request: OutstandingRequest, actions: [CircuitAction])? {
        guard let request = outstanding.removeValue(forKey: key) else { return nil }
        let cic = CIC(key.cic)
        return (request, [.cancelTimer(CircuitTimer(key.procedure.shortTimer, cic: cic)),
                          .cancelTimer(CircuitTimer(key.procedure.longTimer, cic: cic))])
    }

    /// Q.764 Annex A, T12–T23 (isup-q763.md §6.3). A short timer (T12, T14, T16, T18, T20, T22) resends the request
    /// and restarts; a long one (T13, T15, T17, T19, T21, T23) resends it, alerts maintenance, stops the short timer
    /// and restarts, so that the request goes on at the long interval until maintenance intervenes. A timer whose
    /// request is no longer outstanding is stale and ignored.
    public mutating func timerFired(_ timer: CircuitTimer, at now: Instant) -> [CircuitAction] {
        let procedure = timer.name.procedure
        guard let request = outstanding[RequestKey(procedure: procedure, cic: timer.cic.value)] else { return [] }
        let duration = configuration.timers.duration(timer.name)
        guard timer.name.isLong else { return [.send(request.message), .startTimer(timer, after: duration)] }
        return [
            .send(request.message),
            alert("\(request.message.type) on CIC \(timer.cic) unacknowledged for \(now - request.since), "
                + "\(timer.name.rawValue.uppercased()) expired (Q.764 Annex A)"),
            .cancelTimer(CircuitTimer(procedure.shortTimer, cic: timer.cic)),
            .startTimer(timer, after: duration),
        ]
    }

    /// A circuit is in a transient maintenance state: a (group) (un)blocking request about it awaits its
    /// acknowledgement (Q.764 §2.8.3, circuit group query).
    func awaitsAcknowledgement(_ n: Int) -> Bool {
        outstanding.contains { key, request in
            switch key.procedure {
            case .blocking, .unblocking: key.cic == n
            case .groupBlocking, .groupUnblocking: request.circuits.contains(n)
            case .reset, .groupReset: false
            }
        }
    }
}
