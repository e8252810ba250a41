import Interworking

/// One M3UA association of the gateway (RFC 4666): its role, transport, addresses and routing contexts.
public struct M3UAAssociationConfiguration: Codable, Hashable, Sendable {
    /// RFC 4666 §1.3: the gateway as ASP toward an SGP/STP, as IPSP toward a switch, or as SGP accepting the
    /// switch's ASP.
    public enum Role: String, Codable, Hashable, Sendable {
        case asp, ipsp, sgp
    }

    /// Kernel SCTP (RFC 4666 §1.4, PPID 3) or TCP (as Osmocom carries M3UA).
    public enum Transport: String, Codable, Hashable, Sendable {
        case sctp, tcp
    }

    /// RFC 4666 §3.8.2 traffic mode type names.
    public enum TrafficMode: String, Codable, Hashable, Sendable {
        case override, loadshare, broadcast
    }

    public var name: String
    public var role: Role
    public var transport: Transport
    /// `address:port` values; SCTP may list several (multi-homing), TCP takes one.
    public var local: [String]
    public var remote: [String]
    public var routingContexts: [UInt32]
    public var trafficMode: TrafficMode

    public init(name: String, role: Role, transport: Transport = .sctp, local: [String] = [], remote: [String] = [],
                routingContexts: [UInt32] = [], trafficMode: TrafficMode = .loadshare) {
        self.name = name
        self.role = role
        self.transport = transport
        self.local = local
        self.remote = remote
        self.routingContexts = routingContexts
        self.trafficMode = trafficMode
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), role: try c.decode(Role.self, forKey: .role),
            transport: try c.decodeIfPresent(Transport.self, forKey: .transport) ?? .sctp,
            local: try c.decodeIfPresent([String].self, forKey: .local) ?? [],
            remote: try c.decodeIfPresent([String].self, forKey: .remote) ?? [],
            routingContexts: try c.decodeIfPresent([UInt32].self, forKey: .routingContexts) ?? [],
            trafficMode: try c.decodeIfPresent(TrafficMode.self, forKey: .trafficMode) ?? .loadshare)
    }
}
