import SIPI

/// What the shell and the TU feed the transaction layer (RFC 3261 §17).
public enum TransactionEvent: Hashable, Sendable {
    /// The TU starts a client transaction (§17.1): the request must carry a top Via with a magic-cookie branch
    /// and a CSeq of its method; ACK is refused (`TransactionRefusal.ackIsNotATransaction`).
    /// `id` is the request's `TransactionID(client:)` when the TU already computed it (one parse, not two).
    case sendRequest(SIPMessage, to: SIPEndpoint, id: TransactionID? = nil)
    /// A message sent outside any transaction: the ACK for a 2xx (§13.2.2.4), a stateless response (§8.2.7).
    case sendStateless(SIPMessage, to: SIPEndpoint)
    /// The TU answers the request of a server transaction (§17.2).
    case sendResponse(SIPMessage, transaction: TransactionID)
    /// The transport delivered a message (§18.1.2 responses, §18.2.1 requests). `id` is a response's
    /// `TransactionID(client:)` when the TU read it off a Via of its own (one parse, not two).
    case received(SIPMessage, from: SIPEndpoint, id: TransactionID? = nil)
    /// A timer the layer started (`TransactionAction.startTimer`) expired.
    case timerFired(TransactionID, TransactionTimer)
    /// The transport could not send for a transaction (§17.1.4, §17.2.4): ICMP errors on UDP, a failed connection.
    case transportError(TransactionID)
    /// The TU gives a client transaction up without reporting it (§9.1: an INVITE whose CANCEL got no final response
    /// within 64·T1 is considered cancelled and its transaction destroyed).
    case abandon(TransactionID)
}
