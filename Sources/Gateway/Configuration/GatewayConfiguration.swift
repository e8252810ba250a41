import Interworking

/// The daemon's configuration file: the engine's configuration (its keys at the top level: `sip`, `sipTimers`,
/// `trunks`, `peers`, `routes`, `timers`, `policy`) and what the shell around it needs.
public struct GatewayConfiguration: Hashable, Sendable {
    /// A loopback-only-by-default HTTP endpoint (metrics, control).
    public struct HTTPEndpoint: Codable, Hashable, Sendable {
        public var host: String
        public var port: Int

        public init(host: String = "127.0.0.1", port: Int) {
            self.host = host
            self.port = port
        }
    }

    public struct Records: Codable, Hashable, Sendable {
        /// One JSON line per finished call.
        public var path: String
        public init(path: String) { self.path = path }
    }

    public var engine: EngineConfiguration
    public var associations: [M3UAAssociationConfiguration]
    /// SIP listeners; without any, the engine's own address.
    public var listeners: [SIPEndpoint]
    public var metrics: HTTPEndpoint?
    public var control: HTTPEndpoint?
    public var records: Records?
    /// swift-log level name (`trace` … `critical`); numbers are logged only at `debug` and below.
    public var logLevel: String

    public init(engine: EngineConfiguration, associations: [M3UAAssociationConfiguration] = [],
                listeners: [SIPEndpoint] = [], metrics: HTTPEndpoint? = nil, control: HTTPEndpoint? = nil,
                records: Records? = nil, logLevel: String = "info") {
        self.engine = engine
        self.associations = associations
        self.listeners = listeners
        self.metrics = metrics
        self.control = control
        self.records = records
        self.logLevel = logLevel
    }
}

extension GatewayConfiguration: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case m3ua, listeners, metrics, control, records, logLevel
    }

    enum M3UAKeys: String, CodingKey {
        case associations
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let m3ua = try? c.nestedContainer(keyedBy: M3UAKeys.self, forKey: .m3ua)
        self.init(
            engine: try EngineConfiguration(from: decoder),
            associations: try m3ua?.decodeIfPresent([M3UAAssociationConfiguration].self, forKey: .associations) ?? [],
            listeners: try c.decodeIfPresent([SIPEndpoint].self, forKey: .listeners) ?? [],
            metrics: try c.decodeIfPresent(HTTPEndpoint.self, forKey: .metrics),
            control: try c.decodeIfPresent(HTTPEndpoint.self, forKey: .control),
            records: try c.decodeIfPresent(Records.self, forKey: .records),
            logLevel: try c.decodeIfPresent(String.self, forKey: .logLevel) ?? "info")
    }
}
