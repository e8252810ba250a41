import SIPI

/// What the transaction layer asks the shell to do, or passes up to the TU (RFC 3261 §17).
public enum TransactionAction: Hashable, Sendable {
    /// Send on the transport. Server transactions answer to the endpoint their request came from (symmetric
    /// response routing, as RFC 3581 §4 does for UDP and §18.2.2 for a connection that is still open).
    case transmit(SIPMessage, to: SIPEndpoint)
    case startTimer(TransactionID, TransactionTimer, after: Duration)
    case cancelTimer(TransactionID, TransactionTimer)
    /// A request for the TU. For anything but ACK a new server transaction exists (§17.2.1, §17.2.2); an ACK
    /// comes this way only when it matched an INVITE server transaction in Accepted (RFC 6026 §8.7).
    case request(SIPMessage, from: SIPEndpoint, transaction: TransactionID)
    /// A response a client transaction passes up (§17.1.1.2, §17.1.2.2): each 1xx, the first final response,
    /// and in the INVITE Accepted state every 2xx retransmission so the TU can ACK again (RFC 6026 §8.4).
    case response(SIPMessage, transaction: TransactionID)
    /// Timer B or F fired (§17.1.1.2, §17.1.2.2: the TU acts as on a 408), or Timer H fired without an ACK
    /// (§17.2.1: "a transaction failure has occurred").
    case timedOut(TransactionID)
    /// The transport failed for the transaction (§17.1.4, §17.2.4).
    case transportFailed(TransactionID)
    /// The transaction is gone; its timers were cancelled just before.
    case terminated(TransactionID)
    /// A message no transaction takes and the layer does not answer: an ACK matching no INVITE server
    /// transaction (the ACK for a 2xx, RFC 6026 §8.7, goes to the TU), a response matching no client transaction
    /// (§18.1.2 drops it; it is reported so the TU may count it).
    case stray(SIPMessage, from: SIPEndpoint)
    /// A received message without the Via or CSeq that matching needs (§8.1.1). A request other than ACK was
    /// answered with 400 just before (§8.2.2, the reason phrase naming the problem, §21.4.1); responses and ACKs
    /// are dropped.
    case malformed(SIPMessage, from: SIPEndpoint, reason: MalformedReason)
    /// The layer refused what the TU asked; nothing was sent.
    case refused(SIPMessage, TransactionRefusal)
}
