import ISUP
import SIPI

/// What the engine is fed. Time comes with every event (`handle(_:at:)`), never from a clock.
public enum Event: Hashable, Sendable {
    /// An ISUP message from the signalling network (M3UA DATA, with its routing label).
    case isup(ISUPMessage, from: SignallingRoute)
    /// Octets of an ISUP message that did not decode (Q.764 §2.9.5: answered per the compatibility rules).
    case undecodableISUP([UInt8], from: SignallingRoute, error: String)
    /// A SIP message from a transport address.
    case sip(SIPMessage, from: SIPEndpoint)
    /// The transport could not send a message of a `sendSIP` action (a TCP connection refused or lost, RFC 3261
    /// §18.1.1): a request's client transaction fails at once (§17.1.4) instead of waiting for Timer B/F.
    case sipSendFailed(SIPMessage, to: SIPEndpoint)
    /// A timer the engine started has expired.
    case timer(TimerID)
    /// The OPTIONS supervision of the shell found a peer up or down (ST 769 §7.7.1.2).
    case peer(String, up: Bool)
    /// M3UA DUNA/DAVA (RFC 4666 §3.4.1/§3.4.2) for a point code.
    case destination(pointCode: UInt32, available: Bool)
    /// An M3UA association (by its configured name) became active or was lost.
    case association(String, up: Bool)
    /// The answer to a `lookup` action.
    case lookup(LookupID, LookupAnswer)
    /// Operator maintenance on circuits.
    case maintenance(MaintenanceRequest)
    /// The daemon is stopping (SIGTERM): new calls are refused (503 / REL 42 by default) and every call in progress
    /// is released on both sides with `cause`.
    case drain(cause: UInt8)
}
