/// Every timer the engine asks the shell to run. Stale expiries (a timer cancelled too late) are ignored.
public enum TimerID: Hashable, Sendable {
    /// RFC 3261 §17 transaction timers.
    case transaction(TransactionID, TransactionTimer)
    /// Q.764 circuit supervision timers of a trunk (by its index in the configuration).
    case circuit(trunk: Int, CircuitTimer)
    /// The timers of one call.
    case call(CallID, CallTimer)
    /// A lookup that got no answer in time.
    case lookup(LookupID)
    /// The next keep-alive OPTIONS to a SIP peer (by its index in the configuration), ST 769 §7.7.1.2.
    case keepAlive(peer: Int)
}

/// The timers of a call: Q.764 ones and the SIP user-agent core's.
public enum CallTimer: String, Hashable, Sendable, CaseIterable {
    case t1, t5, t2, t6, t7, t8, t9, t10, t11, t35
    /// RFC 3261 §13.3.1.4: the UAS core retransmits its 2xx (T1 doubling up to T2) until the ACK…
    case okRetransmit
    /// …and gives up after 64·T1, ending the dialog with a BYE.
    case okTimeout
    /// RFC 3262 §3: a reliable provisional is retransmitted until PRACK…
    case reliableRetransmit
    /// …and after 64·T1 without PRACK the INVITE is rejected (5xx) and the ISUP side released.
    case reliableTimeout
    /// RFC 4028 §10: the refresher refreshes at half the interval…
    case sessionRefresh
    /// …and the session ends when no refresh came before it expired (§10: BYE).
    case sessionExpiry
    /// ST 769 §7.7.1.1.1: periodic in-dialog OPTIONS of an answered call.
    case dialogOptions
    /// RFC 3261 §9.1: no final response 64·T1 after our CANCEL: the INVITE is considered cancelled.
    case cancelTimeout

    /// The Q.764 timers of the ISUP leg.
    static let isup: [CallTimer] = [.t1, .t5, .t2, .t6, .t7, .t8, .t9, .t10, .t11, .t35]
}
