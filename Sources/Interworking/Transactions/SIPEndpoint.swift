/// A SIP transport address (RFC 3261 §18): where a message came from or goes to.
public struct SIPEndpoint: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Transport: String, Hashable, Sendable, Codable {
        case udp = "UDP", tcp = "TCP"

        /// RFC 3261 §17: unreliable transports retransmit, reliable ones do not.
        public var isReliable: Bool { self != .udp }
    }

    public var host: String
    public var port: Int
    public var transport: Transport

    public init(host: String, port: Int = 5060, transport: Transport = .udp) {
        self.host = host
        self.port = port
        self.transport = transport
    }

    /// Decodes an endpoint in which port (5060) and transport (UDP) are optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(host: try c.decode(String.self, forKey: .host),
                  port: try c.decodeIfPresent(Int.self, forKey: .port) ?? 5060,
                  transport: try c.decodeIfPresent(Transport.self, forKey: .transport) ?? .udp)
    }

    public var description: String { "\(host):\(port)/\(transport.rawValue)" }
}
