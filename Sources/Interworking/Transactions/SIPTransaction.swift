import SIPI

/// One transaction state machine of RFC 3261 §17: the layer routes to it what matched it.
protocol SIPTransaction: Sendable {
    var core: TransactionCore { get set }
    var isTerminated: Bool { get }
    /// What the transaction does when created with `request` (§17.1.1.2, §17.1.2.2: send it; §17.2.1, §17.2.2:
    /// pass it up). Only the INVITE client transaction keeps it beyond (for the ACK of a non-2xx), and only until
    /// its final response: a transaction waiting out Timer D, J, K, L or M holds no request (issue 8: at 500
    /// calls/s, 32 s of terminated calls' INVITEs made most of the daemon's memory).
    mutating func start(_ request: SIPMessage) -> [TransactionAction]
    /// A message that matched: a response for a client transaction, a request for a server transaction.
    mutating func received(_ message: SIPMessage, from source: SIPEndpoint) -> [TransactionAction]
    /// A response from the TU.
    mutating func send(_ response: SIPMessage) -> [TransactionAction]
    /// A timer the transaction started expired (already checked to be running).
    mutating func expired(_ timer: TransactionTimer) -> [TransactionAction]
    /// Moves to Terminated: timers cancelled, `.terminated` reported.
    mutating func terminate() -> [TransactionAction]
}

extension SIPTransaction {
    /// A client transaction takes no response from the TU.
    mutating func send(_ response: SIPMessage) -> [TransactionAction] {
        [.refused(response, .responseNotAllowed(core.id, status: response.statusCode ?? 0))]
    }

    /// `actions`, then the wait of Completed or Confirmed (Timers D, I, J, K), or Terminated at once when it is zero.
    mutating func wait(_ timer: TransactionTimer, after actions: consuming [TransactionAction]) -> [TransactionAction] {
        guard let start = core.wait(timer) else { return actions + terminate() }
        var actions = actions
        actions.append(start)
        return actions
    }
}
