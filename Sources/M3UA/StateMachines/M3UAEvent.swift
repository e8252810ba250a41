/// What a state machine is fed: transport indications, received messages, timer expiries and local requests.
public enum M3UAEvent: Hashable, Sendable {
    /// SCTP COMMUNICATION UP (or a TCP connection established).
    case transportUp(AssociationID)
    /// SCTP COMMUNICATION LOST / RESTART, a failed connection attempt, or a TCP close (RFC 4666 §4.3.1).
    case transportDown(AssociationID)
    /// A decoded message from the peer, with the SCTP stream it arrived on (RFC 4666 §1.4.7).
    case received(M3UAMessage, on: AssociationID, stream: UInt16)
    /// Octets from the peer that the machine decodes itself, answering a malformed message with ERR (§3.8.1).
    case receivedOctets([UInt8], on: AssociationID, stream: UInt16)
    case timerFired(TimerID)
    /// Layer management: bring the ASP(s) up and active (RFC 4666 §4.3.4.1, §4.3.4.3).
    case activate
    /// Layer management: move the ASP(s) to ASP-INACTIVE (§4.3.4.4).
    case deactivate
    /// Layer management: ASPDN and close the association(s) (§4.3.4.2).
    case shutdown
    /// Layer management for the ASP of one association: ASP-ACTIVE, ASP-INACTIVE (ASPIA), standby (ASP-INACTIVE,
    /// taking over when its AS goes pending, §5.2.2) or ASP-DOWN (ASPDN, the association closed), and back.
    case manage(AssociationID, ASPStateMachine.Goal)
    /// The MTP3 user sends a message (RFC 4666 §4.3.3 / §3.3.1).
    case sendData(ProtocolData)
    /// The SGP's SS7 side learnt that destinations became available or unavailable (RFC 4666 §4.5.1, §4.5.2).
    case destinationAvailability(MaskedPointCode, available: Bool)
}
