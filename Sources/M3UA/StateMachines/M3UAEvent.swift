/// One SCTP (or TCP) association between this node and an M3UA peer, as the shell numbers them.
public struct AssociationID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { self.rawValue = value }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "assoc\(rawValue)" }
}

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
    /// The MTP3 user sends a message (RFC 4666 §4.3.3 / §3.3.1).
    case sendData(ProtocolData)
    /// The SGP's SS7 side learnt that destinations became available or unavailable (RFC 4666 §4.5.1, §4.5.2).
    case destinationAvailability(MaskedPointCode, available: Bool)
}

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

/// Streams, RFC 4666 §1.4.7: management on stream 0, DATA on 1 … n−1 chosen from the SLS so one circuit keeps
/// its order.
public enum M3UAStream {
    public static let management: UInt16 = 0

    /// The stream for DATA with this SLS on an association with `outboundStreams` streams (at least 2).
    public static func data(sls: UInt8, outboundStreams: UInt16) -> UInt16 {
        1 + UInt16(sls) % max(outboundStreams - 1, 1)
    }
}

/// A state machine of this module: a value fed events that answers with actions (design.md, "Functional core").
public protocol M3UAStateMachine {
    mutating func handle(_ event: M3UAEvent, at now: ContinuousClock.Instant) -> [M3UAAction]
}

extension M3UAStateMachine {
    /// `receivedOctets`: decodes as RFC 4666 §3 says a receiver does (§3.2: "The receiver MUST ignore the padding
    /// octets") and handles the message, or answers a malformed one with ERR (§3.8.1: its Error Code and the
    /// first 40 octets as Diagnostic Information; nothing for a malformed ERR).
    mutating func handle(
        octets: [UInt8], on association: AssociationID, stream: UInt16, at now: ContinuousClock.Instant
    ) -> [M3UAAction] {
        do throws(M3UADecodingError) {
            let message = try M3UAMessage(decoding: octets, padding: .ignored)
            return handle(.received(message, on: association, stream: stream), at: now)
        } catch {
            return error.reply(to: octets).map { [.send($0, on: association, stream: stream)] } ?? []
        }
    }
}
