/// What the engine does where the standards leave a choice: refusal causes, session timers, early ACM, SIP-I
/// details. Every value has the default of the digest it cites and can be configured.
public struct CallPolicy: Codable, Hashable, Sendable {
    /// How a call that cannot be served is refused: the SIP status and the Q.850 cause of its Reason header (and of
    /// the REL toward ISUP).
    public struct Refusal: Codable, Hashable, Sendable {
        public var sipStatus: Int
        public var cause: UInt8

        public init(sipStatus: Int, cause: UInt8) {
            self.sipStatus = sipStatus
            self.cause = cause
        }
    }

    /// What becomes of a SIP request from a host that is no configured peer's (issue 8: only configured peers are
    /// served): `reject` answers 403 Forbidden, `drop` sends nothing (a scan learns nothing; the shell counts it).
    /// Either way it gets no dialog, and a response from such a host is always dropped.
    public enum UnknownSource: String, Codable, Hashable, Sendable {
        case reject, drop
    }

    /// The DPC of the trunk is unavailable (M3UA DUNA): 503 + cause 34 (issue, Circuits).
    public var destinationUnavailable: Refusal
    /// The trunk has no idle circuit: 503 + cause 34.
    public var noCircuit: Refusal
    /// Beyond a trunk's or a peer's limits: 503 + cause 42 (switching equipment congestion).
    public var overLimit: Refusal
    /// No route for the called number: 404 + cause 1 (unallocated number), RFC 3398 §7.2.4.1.
    public var noRoute: Refusal
    /// The SIP peer is down (OPTIONS supervision): REL cause 34 toward ISUP.
    public var peerDown: Refusal
    /// Cause of the release of calls whose M3UA association was lost (41 temporary failure).
    public var associationLossCause: UInt8
    /// RFC 4028 Session-Expires offered and accepted (ST 769 §7.7.1.1: 90 s) and the Min-SE floor.
    public var sessionExpires: TimerDuration
    public var minSessionExpires: TimerDuration
    /// ST 769 §7.7.1.1.1: in-dialog OPTIONS supervision of an answered call; nil: none.
    public var inDialogOptionsInterval: TimerDuration?
    /// RFC 3204 `handling` of the ISUP parts the gateway sends.
    public var isupHandling: String
    /// Follow the first Contact of a 3xx to a SIP-I INVITE (a new INVITE); otherwise REL 23 (redirect).
    public var followRedirects: Bool
    public var unknownSource: UnknownSource

    public init(destinationUnavailable: Refusal = Refusal(sipStatus: 503, cause: 34),
                noCircuit: Refusal = Refusal(sipStatus: 503, cause: 34),
                overLimit: Refusal = Refusal(sipStatus: 503, cause: 42),
                noRoute: Refusal = Refusal(sipStatus: 404, cause: 1),
                peerDown: Refusal = Refusal(sipStatus: 503, cause: 34),
                associationLossCause: UInt8 = 41, sessionExpires: TimerDuration = .seconds(90),
                minSessionExpires: TimerDuration = .seconds(90), inDialogOptionsInterval: TimerDuration? = nil,
                isupHandling: String = "optional", followRedirects: Bool = false, unknownSource: UnknownSource = .reject) {
        self.destinationUnavailable = destinationUnavailable
        self.noCircuit = noCircuit
        self.overLimit = overLimit
        self.noRoute = noRoute
        self.peerDown = peerDown
        self.associationLossCause = associationLossCause
        self.sessionExpires = sessionExpires
        self.minSessionExpires = minSessionExpires
        self.inDialogOptionsInterval = inDialogOptionsInterval
        self.isupHandling = isupHandling
        self.followRedirects = followRedirects
        self.unknownSource = unknownSource
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CallPolicy()
        self.init(
            destinationUnavailable: try c.value(.destinationUnavailable, or: d.destinationUnavailable),
            noCircuit: try c.value(.noCircuit, or: d.noCircuit), overLimit: try c.value(.overLimit, or: d.overLimit),
            noRoute: try c.value(.noRoute, or: d.noRoute), peerDown: try c.value(.peerDown, or: d.peerDown),
            associationLossCause: try c.value(.associationLossCause, or: d.associationLossCause),
            sessionExpires: try c.value(.sessionExpires, or: d.sessionExpires),
            minSessionExpires: try c.value(.minSessionExpires, or: d.minSessionExpires),
            inDialogOptionsInterval: try c.decodeIfPresent(TimerDuration.self, forKey: .inDialogOptionsInterval),
            isupHandling: try c.value(.isupHandling, or: d.isupHandling),
            followRedirects: try c.value(.followRedirects, or: d.followRedirects),
            unknownSource: try c.value(.unknownSource, or: d.unknownSource))
    }
}
