extension TrafficModeType: Codable {}

/// How this node runs the ASP procedures on one association.
public struct ASPConfiguration: Codable, Hashable, Sendable {
    /// RFC 4666 §1.2 / §4.3.3: an ASP toward an SGP, or an IPSP toward another IPSP in Single Exchange (§4.3,
    /// §5.5.1: one request and one ack per exchange, either side may start it; SE is the mandatory IPSP mode).
    public enum Role: String, Codable, Hashable, Sendable {
        case asp
        case ipsp
    }

    public var role: Role = .asp
    /// The ASs served: sent in DATA when only one is configured (RFC 4666 §3.3.1).
    public var routingContexts: [UInt32] = []
    /// The Routing Context DATA carries for each local point code (OPC), when the node serves several ASs.
    public var routingContextByPointCode: [UInt32: UInt32] = [:]
    /// Traffic Mode Type sent in ASPAC (RFC 4666 §3.7.1); nil leaves it to the SGP's configuration.
    public var trafficMode: TrafficModeType? = nil
    /// ASP Identifier sent in ASPUP (RFC 4666 §3.5.1).
    public var aspIdentifier: UInt32? = nil
    /// Outbound SCTP streams (1 for TCP: DATA then shares stream 0's ordering, as libosmo-sigtran does).
    public var outboundStreams: UInt16 = 2
    public var timers = M3UATimerConfiguration()

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        role = try c.decodeIfPresent(Role.self, forKey: .role) ?? d.role
        routingContexts = try c.decodeIfPresent([UInt32].self, forKey: .routingContexts) ?? d.routingContexts
        routingContextByPointCode =
            try c.decodeIfPresent([UInt32: UInt32].self, forKey: .routingContextByPointCode) ?? d.routingContextByPointCode
        trafficMode = try c.decodeIfPresent(TrafficModeType.self, forKey: .trafficMode)
        aspIdentifier = try c.decodeIfPresent(UInt32.self, forKey: .aspIdentifier)
        outboundStreams = try c.decodeIfPresent(UInt16.self, forKey: .outboundStreams) ?? d.outboundStreams
        timers = try c.decodeIfPresent(M3UATimerConfiguration.self, forKey: .timers) ?? d.timers
    }

    /// Every Routing Context configured, as ASPAC and ASPIA carry them (RFC 4666 §3.7.1, §3.7.3).
    var allRoutingContexts: [UInt32] { Set(routingContexts + routingContextByPointCode.values).sorted() }

    /// The Routing Context for DATA from this OPC (RFC 4666 §3.3.1: conditional, needed with several ASs).
    func routingContext(for data: ProtocolData) -> UInt32? {
        routingContextByPointCode[data.opc] ?? (routingContexts.count == 1 ? routingContexts[0] : nil)
    }

    /// DATA for the peer: Routing Context then Protocol Data (RFC 4666 §3.3.1).
    func dataMessage(_ data: ProtocolData) -> M3UAMessage {
        M3UAMessage(.data, (routingContext(for: data).map { [.routingContext([$0])] } ?? []) + [.protocolData(data)])
    }
}
