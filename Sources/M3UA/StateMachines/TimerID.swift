/// The timers of RFC 4666 the state machines ask the shell to run.
public enum TimerID: Hashable, Sendable {
    /// T(ack), RFC 4666 §4.3.4.1/§4.3.4.2/§4.3.4.3/§4.3.4.4: guards an ASPUP, ASPDN, ASPAC or ASPIA until its ack.
    case ack(AssociationID)
    /// T(beat), RFC 4666 §4.3.4.6: the interval between BEAT messages and the base of the 2·T(beat) liveness check.
    case beat(AssociationID)
    /// The back-off before the ASP reopens a lost association (RFC 4666 §4.3.4.1 leaves reconnection to the
    /// implementation; the back-off is exponential and bounded).
    case reconnect(AssociationID)
    /// T(r), RFC 4666 §4.3.2: the AS-PENDING recovery timer of one Application Server.
    case recovery(routingContext: UInt32)
}
