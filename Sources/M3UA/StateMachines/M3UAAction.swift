/// What a state machine asks the shell to do, or reports to the layer above.
public enum M3UAAction: Hashable, Sendable {
    /// Send on the association; DATA never on stream 0, ASPSM/ASPTM/MGMT on stream 0 (RFC 4666 §1.4.7).
    case send(M3UAMessage, on: AssociationID, stream: UInt16)
    case startTimer(TimerID, after: Duration)
    case cancelTimer(TimerID)
    /// Open (or reopen) the association; the shell answers with `transportUp` or `transportDown`.
    case connect(AssociationID)
    /// Close the association.
    case disconnect(AssociationID)
    /// The ASP state of an association changed (RFC 4666 §4.3.1).
    case aspStateChanged(AssociationID, ASPState)
    /// The state of an Application Server changed (RFC 4666 §4.3.2), as maintained (SGP) or notified (ASP).
    case asStateChanged(routingContext: UInt32, ASState)
    /// A NTFY arrived (RFC 4666 §3.8.2).
    case notified(NotifyStatus, routingContexts: [UInt32], from: AssociationID)
    /// An ERR arrived (RFC 4666 §3.8.1).
    case errorReceived(M3UAErrorCode, M3UAMessage, from: AssociationID)
    /// DATA for the MTP3 user, with the Routing Context it came with (RFC 4666 §3.3.1).
    case deliver(ProtocolData, routingContext: UInt32?, from: AssociationID)
    /// DATA that no association can carry now (no active ASP, RFC 4666 §4.3.2).
    case undeliverable(ProtocolData)
    /// SSNM changed the availability of a destination (RFC 4666 §4.5); the table holds the new state.
    case destinationChanged(MaskedPointCode)
    /// No BEAT ACK nor any other message for 2·T(beat) (RFC 4666 §4.3.4.6).
    case associationDead(AssociationID)
}
