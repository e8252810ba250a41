import SIPI

/// Everything the interworking engine is configured with; the daemon's YAML decodes into it.
public struct EngineConfiguration: Codable, Hashable, Sendable {
    /// The gateway's own SIP identity: its address in Via and Contact, and its domain (ST 769 §7.3.1 hosts).
    public struct LocalSIP: Codable, Hashable, Sendable {
        public var address: SIPEndpoint
        public var domain: String
        public var userAgent: String

        public init(address: SIPEndpoint, domain: String, userAgent: String = "sipigw") {
            self.address = address
            self.domain = domain
            self.userAgent = userAgent
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(address: try c.decode(SIPEndpoint.self, forKey: .address),
                      domain: try c.decode(String.self, forKey: .domain), userAgent: try c.value(.userAgent, or: "sipigw"))
        }
    }

    public var sip: LocalSIP
    public var sipTimers: SIPTimers
    public var trunks: [TrunkConfiguration]
    public var peers: [PeerConfiguration]
    public var routes: RouteConfiguration
    public var timers: CallTimers
    public var policy: CallPolicy
    /// ST 769 §6.1, Annex A.1.1 c and A.1.2: the plan the Request-URI user part of an incoming INVITE is classified
    /// with (formats, assigned code lists, Annex A outcomes); nil: not classified.
    public var numbering: NumberingPlan?
    /// ST 769 Annex A.1.1 d, A.1.2 c and "not enabled", A.2.1: this network as the destination of incoming calls
    /// (its domain, its codes, its peers); nil: not checked (the gateway is not the destination, e.g. transit).
    public var destination: LocalNetwork?

    public init(sip: LocalSIP, sipTimers: SIPTimers = SIPTimers(), trunks: [TrunkConfiguration],
                peers: [PeerConfiguration], routes: RouteConfiguration, timers: CallTimers = CallTimers(),
                policy: CallPolicy = CallPolicy(), numbering: NumberingPlan? = nil, destination: LocalNetwork? = nil) {
        self.sip = sip
        self.sipTimers = sipTimers
        self.trunks = trunks
        self.peers = peers
        self.routes = routes
        self.timers = timers
        self.policy = policy
        self.numbering = numbering
        self.destination = destination
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sip: try c.decode(LocalSIP.self, forKey: .sip), sipTimers: try c.value(.sipTimers, or: SIPTimers()),
            trunks: try c.value(.trunks, or: []), peers: try c.value(.peers, or: []),
            routes: try c.value(.routes, or: RouteConfiguration()), timers: try c.value(.timers, or: CallTimers()),
            policy: try c.value(.policy, or: CallPolicy()),
            numbering: try c.decodeIfPresent(NumberingPlan.self, forKey: .numbering),
            destination: try c.decodeIfPresent(LocalNetwork.self, forKey: .destination))
    }
}
