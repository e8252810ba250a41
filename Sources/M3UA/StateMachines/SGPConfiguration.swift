/// One Application Server as the SGP provisions it (RFC 4666 §1.2, §4.3.2).
public struct ApplicationServerConfiguration: Codable, Hashable, Sendable {
    public var routingContext: UInt32
    /// RFC 4666 §3.7.1; an ASPAC asking for another mode is refused with ERR 0x05.
    public var trafficMode: TrafficModeType = .override
    /// n of RFC 4666 §4.3.2: the ASPs that must be active before the AS is (Loadshare; 1 for Override).
    public var minimumActive: Int = 1
    /// The Routing Key's DPCs: SS7 traffic to these point codes goes to this AS (RFC 4666 §1.4.2).
    public var pointCodes: [UInt32] = []

    public init(routingContext: UInt32, trafficMode: TrafficModeType = .override, minimumActive: Int = 1,
        pointCodes: [UInt32] = [])
    {
        self.routingContext = routingContext
        self.trafficMode = trafficMode
        self.minimumActive = minimumActive
        self.pointCodes = pointCodes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(routingContext: try c.decode(UInt32.self, forKey: .routingContext))
        trafficMode = try c.decodeIfPresent(TrafficModeType.self, forKey: .trafficMode) ?? trafficMode
        minimumActive = try c.decodeIfPresent(Int.self, forKey: .minimumActive) ?? minimumActive
        pointCodes = try c.decodeIfPresent([UInt32].self, forKey: .pointCodes) ?? pointCodes
    }
}

/// The SGP (or an IPSP in the server role of Double Exchange) accepting ASPs.
public struct SGPConfiguration: Codable, Hashable, Sendable {
    public var applicationServers: [ApplicationServerConfiguration] = []
    public var outboundStreams: UInt16 = 2
    public var timers = M3UATimerConfiguration()

    public init(applicationServers: [ApplicationServerConfiguration] = []) {
        self.applicationServers = applicationServers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            applicationServers: try c.decodeIfPresent([ApplicationServerConfiguration].self, forKey: .applicationServers)
                ?? [])
        outboundStreams = try c.decodeIfPresent(UInt16.self, forKey: .outboundStreams) ?? outboundStreams
        timers = try c.decodeIfPresent(M3UATimerConfiguration.self, forKey: .timers) ?? timers
    }
}
