/// The transaction timers of RFC 3261 §17 (Table 4 of §A) and RFC 6026 §8.4/§8.7 (L and M). Named as the RFCs
/// name them.
public enum TransactionTimer: String, Hashable, Sendable, Codable, CaseIterable {
    /// INVITE client: request retransmission interval (§17.1.1.2), unreliable transports only.
    case A
    /// INVITE client: transaction timeout in Calling (§17.1.1.2).
    case B
    /// INVITE client: wait time in Completed for response retransmissions (§17.1.1.2).
    case D
    /// Non-INVITE client: request retransmission interval (§17.1.2.2), unreliable transports only.
    case E
    /// Non-INVITE client: transaction timeout (§17.1.2.2).
    case F
    /// INVITE server: final response retransmission interval (§17.2.1), unreliable transports only.
    case G
    /// INVITE server: wait time for the ACK in Completed (§17.2.1).
    case H
    /// INVITE server: wait time in Confirmed for ACK retransmissions (§17.2.1).
    case I
    /// Non-INVITE server: wait time in Completed for request retransmissions (§17.2.2).
    case J
    /// Non-INVITE client: wait time in Completed for response retransmissions (§17.1.2.2).
    case K
    /// INVITE server: wait time in Accepted (RFC 6026 §8.7).
    case L
    /// INVITE client: wait time in Accepted for 2xx retransmissions (RFC 6026 §8.4).
    case M
}
