/// Why the layer refused what the TU asked of it (`TransactionAction.refused`); nothing was sent.
public enum TransactionRefusal: Hashable, Sendable {
    /// `.sendRequest` with an ACK: the ACK for a 300–699 is built by the INVITE client transaction (RFC 3261
    /// §17.1.1.3), the ACK for a 2xx is sent by the TU outside any transaction (§13.2.2.4, RFC 6026 §8.4) with
    /// `.sendStateless`.
    case ackIsNotATransaction
    /// `.sendRequest` with a response, or `.sendResponse` with a request.
    case wrongKind
    /// A request without a top Via branch carrying the magic cookie, or without a valid CSeq of its method.
    case malformed(MalformedReason)
    /// A client transaction with this identifier is alive (RFC 3261 §8.1.1.7: every branch is unique).
    case duplicate(TransactionID)
    /// `.sendResponse` for a transaction that does not exist (or has terminated).
    case unknownTransaction(TransactionID)
    /// A response the transaction takes no more: a client transaction never does; an INVITE server transaction
    /// takes none after a 300–699 and only 2xx in Accepted (RFC 6026 §8.6), a non-INVITE server transaction none
    /// after its final response (RFC 3261 §17.2.2: "MUST be discarded").
    case responseNotAllowed(TransactionID, status: Int)
}
