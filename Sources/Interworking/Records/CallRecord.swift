/// One finished call (issue "Timers, routing, records"): what the call-record writer stores as one JSON line.
public struct CallRecord: Hashable, Sendable, Codable {
    public enum Side: String, Hashable, Sendable, Codable {
        case isup, sip, gateway
    }

    public var callID: CallID.RawValue
    public var direction: Observation.CallDirection
    /// When the first message of the call arrived (IAM or INVITE): the seizure.
    public var seizure: Instant
    public var alerting: Instant?
    public var answer: Instant?
    public var release: Instant
    /// Calling and called numbers as received on the ISUP side and as sent or received on the SIP side.
    public var isupCalling: String?
    public var isupCalled: String?
    public var sipFrom: String?
    public var sipTo: String?
    public var trunk: String
    public var cic: Int?
    public var opc: UInt32
    public var dpc: UInt32
    public var sipCallID: String?
    public var peer: String
    /// The cause of the REL sent or received on the ISUP side.
    public var isupCause: UInt8?
    /// The final SIP status (of the INVITE), or nil for a BYE after answer.
    public var sipStatus: Int?
    /// Who released first.
    public var releasedBy: Side
    /// The daemon stopped before the call's releases completed (no RLC, or no answer to the BYE, within the drain
    /// time): the record is written at the stop instead of being lost.
    public var unfinished = false
    /// Answer to release; zero for an unanswered call.
    public var duration: Duration { answer.map { release - $0 } ?? .zero }

    public init(callID: CallID, direction: Observation.CallDirection, seizure: Instant, release: Instant,
                trunk: String, opc: UInt32, dpc: UInt32, peer: String, releasedBy: Side) {
        self.callID = callID.rawValue
        self.direction = direction
        self.seizure = seizure
        self.release = release
        self.trunk = trunk
        self.opc = opc
        self.dpc = dpc
        self.peer = peer
        self.releasedBy = releasedBy
    }
}
