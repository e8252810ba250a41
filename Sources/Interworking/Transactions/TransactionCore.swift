import SIPI

/// What the four transaction kinds share: identity, peer, the timers they armed and their retransmission. Timers
/// are tracked so that a late expiry of a cancelled timer is ignored and termination cancels what still runs.
struct TransactionCore: Sendable {
    let id: TransactionID
    /// Client: where the request goes. Server: where the request came from, where responses go.
    let peer: SIPEndpoint
    let timers: SIPTimers
    private var armed = TransactionTimerSet()
    private var retransmission: Retransmission?

    init(id: TransactionID, peer: SIPEndpoint, timers: SIPTimers) {
        self.id = id
        self.peer = peer
        self.timers = timers
    }

    /// RFC 3261 §17: reliable transports (TCP) get no retransmission and zero wait timers.
    var reliable: Bool { peer.transport.isReliable }

    func transmit(_ message: SIPMessage) -> TransactionAction { .transmit(message, to: peer) }

    /// Starts `timer` for its Table 4 duration, or `after` when given.
    mutating func start(_ timer: TransactionTimer, after: Duration? = nil) -> TransactionAction {
        armed.insert(timer)
        return .startTimer(id, timer, after: after ?? timers.duration(of: timer, reliable: reliable))
    }

    /// Cancels `first` and `second` where they run.
    /// The message a cancelled retransmission timer was resending is let go.
    mutating func cancel(_ first: TransactionTimer, _ second: TransactionTimer) -> [TransactionAction] {
        if let timer = retransmission?.timer, timer == first || timer == second { retransmission = nil }
        var cancelled: [TransactionAction] = []
        cancelled.reserveCapacity(4)  // and what the caller appends: the response, a timer, an ACK
        for timer in [first, second] where armed.remove(timer) { cancelled.append(.cancelTimer(id, timer)) }
        return cancelled
    }

    /// The shell reports `timer` expired: true when it was running (it no longer is).
    mutating func expire(_ timer: TransactionTimer) -> Bool { armed.remove(timer) }

    /// Timers A, E, G: `message` will be resent, first after T1, on unreliable transports only (§17.1.1.2,
    /// §17.1.2.2, §17.2.1).
    /// `transmit(message)`, then the retransmission timer (unreliable transports), then `timeout`, the transaction's
    /// Timer B, F or H: what the four starts of a transmission have in common, in one array.
    mutating func transmit(
        _ message: SIPMessage, retransmittingOn timer: TransactionTimer, cap: Duration?, timeout: TransactionTimer
    ) -> [TransactionAction] {
        var actions: [TransactionAction] = []
        actions.reserveCapacity(3)
        actions.append(transmit(message))
        if !reliable {
            retransmission = Retransmission(timer: timer, message: message, first: timers.t1, cap: cap)
            actions.append(start(timer, after: timers.t1))
        }
        actions.append(start(timeout))
        return actions
    }

    /// The retransmission timer fired: its message again, and the timer restarted with its next interval.
    mutating func retransmit(fixedInterval: Duration? = nil) -> [TransactionAction] {
        guard var retransmission else { return [] }
        let interval = retransmission.next(fixed: fixedInterval)
        self.retransmission = retransmission
        return [transmit(retransmission.message), start(retransmission.timer, after: interval)]
    }

    /// Timers D, I, J, K: started when they last, nil when zero (a reliable transport): terminate at once.
    mutating func wait(_ timer: TransactionTimer) -> TransactionAction? {
        let duration = timers.duration(of: timer, reliable: reliable)
        return duration == .zero ? nil : start(timer, after: duration)
    }

    /// Cancels every running timer and reports the end.
    mutating func terminate() -> [TransactionAction] {
        var actions: [TransactionAction] = []
        for timer in TransactionTimer.allCases where armed.remove(timer) { actions.append(.cancelTimer(id, timer)) }
        actions.append(.terminated(id))
        return actions
    }
}
