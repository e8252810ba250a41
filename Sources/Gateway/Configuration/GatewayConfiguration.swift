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

        /// `host` may be left out: loopback.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(host: try c.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1",
                      port: try c.decode(Int.self, forKey: .port))
        }
    }

    /// SIGTERM: the cause calls in progress are released with, and how long their releases may take.
    public struct Shutdown: Codable, Hashable, Sendable {
        public var cause: UInt8
        public var drainTime: TimerDuration

        public init(cause: UInt8 = 41, drainTime: TimerDuration = .seconds(5)) {
            self.cause = cause
            self.drainTime = drainTime
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(cause: try c.decodeIfPresent(UInt8.self, forKey: .cause) ?? 41,
                      drainTime: try c.decodeIfPresent(TimerDuration.self, forKey: .drainTime) ?? .seconds(5))
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
    public var shutdown: Shutdown
    /// swift-log level name (`trace` … `critical`); numbers are logged only at `debug` and below.
    public var logLevel: String

    public init(engine: EngineConfiguration, associations: [M3UAAssociationConfiguration] = [],
                listeners: [SIPEndpoint] = [], metrics: HTTPEndpoint? = nil, control: HTTPEndpoint? = nil,
                records: Records? = nil, shutdown: Shutdown = Shutdown(), logLevel: String = "info") {
        self.engine = engine
        self.associations = associations
        self.listeners = listeners
        self.metrics = metrics
        self.control = control
        self.records = records
        self.shutdown = shutdown
        self.logLevel = logLevel
    }
}

extension GatewayConfiguration: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case m3ua, listeners, metrics, control, records, shutdown, logLevel
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
            shutdown: try c.decodeIfPresent(Shutdown.self, forKey: .shutdown) ?? Shutdown(),
            logLevel: try c.decodeIfPresent(String.self, forKey: .logLevel) ?? "info")
    }
}
