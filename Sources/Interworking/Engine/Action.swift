import M3UA
import SIPI

/// What the engine asks the shell to do. The daemon executes them with sockets and a clock, the trace converter
/// writes them to a capture, tests assert on them.
public enum Action: Hashable, Sendable {
    /// Send ISUP as M3UA Protocol Data (RFC 4666 §3.3.1), with the routing context of the trunk.
    case sendISUP(ProtocolData, routingContext: UInt32?)
    /// Send a SIP message to a transport address.
    case sendSIP(SIPMessage, to: SIPEndpoint)
    case startTimer(TimerID, after: Duration)
    case cancelTimer(TimerID)
    /// Resolve `number` (E.164 digits without "+") in the ENUM `zone` (RFC 6116 §2); answer with `.lookup`.
    case lookup(LookupID, number: String, zone: String)
    /// A call has ended: its record, emitted before its resources are freed.
    indirect case record(CallRecord)
    /// Something the shell turns into metrics and logs.
    case observe(Observation)
}

/// Facts for metrics and logs. Numbers (personal data) are never part of an observation.
public enum Observation: Hashable, Sendable {
    public enum CallDirection: String, Hashable, Sendable, Codable {
        /// ISUP in, SIP out.
        case isupToSIP = "isup-to-sip"
        /// SIP in, ISUP out.
        case sipToISUP = "sip-to-isup"
    }

    /// A call was admitted (circuit seized, INVITE or IAM sent).
    case callStarted(CallID, CallDirection, trunk: String, peer: String)
    /// A call was answered, `setup` after its first message.
    case callAnswered(CallID, setup: Duration)
    /// A call attempt refused (cause and why): before anything was set up (`call` nil), or by admission once its
    /// call exists (`call` given: the call's record follows once the refusal is complete, REL/RLC or the final
    /// response).
    case callRefused(CallDirection, cause: UInt8, reason: String, call: CallID?)
    /// A message received that the engine could not use (malformed, unexpected in its state, unknown source).
    case discarded(String)
    /// A circuit changed state (for the per-trunk circuit gauges).
    case circuit(trunk: String, cic: Int, state: String)
    /// A maintenance alert (Q.764: T5 expiry, repeated blocking without acknowledgement, …).
    case alert(String)
    /// A SIP peer was marked up or down.
    case peer(String, up: Bool)
    /// A message sent or received, by protocol and type, for the message counters.
    case message(protocol: String, type: String, inbound: Bool)
}
