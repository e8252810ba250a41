import SIPI

/// One Via value, `via-parm` of RFC 3261 §20.42 / §25.1: `SIP/2.0/UDP host:port;branch=…;received=…;rport=…`.
public struct Via: Hashable, Sendable, CustomStringConvertible {
    /// RFC 3261 §8.1.1.7: the prefix of every branch an RFC 3261 element generates.
    public static let magicCookie = "z9hG4bK"

    /// RFC 3581 §3: `rport` is sent empty in a request and filled with the source port by the server.
    public enum RPort: Hashable, Sendable {
        case requested
        case port(Int)
    }

    /// `SIP` in `SIP/2.0/UDP`.
    public var protocolName: String
    /// `2.0` in `SIP/2.0/UDP`.
    public var protocolVersion: String
    /// `UDP`, `TCP`, `TLS`, `SCTP`, … (upper-cased; RFC 3261 §7.1: compared case-insensitively).
    public var transport: String
    /// The sent-by host: a host name, IPv4 address or bracketed IPv6 reference (`[::1]`), as written.
    public var host: String
    /// The sent-by port; nil when absent (RFC 3261 §18.2.2: then 5060, 5061 for TLS).
    public var port: Int?
    /// Every via-param in order, `branch`, `received` and `rport` included.
    public var parameters: [HeaderParameter]

    public init(transport: String, host: String, port: Int? = nil, parameters: [HeaderParameter] = []) {
        protocolName = "SIP"
        protocolVersion = "2.0"
        self.transport = transport.uppercased()
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// Parses one via-parm; linear white space is accepted around the `/` of sent-protocol (RFC 3261 §25.1).
    /// Nil when the text is not a via-parm.
    public init?(parsing text: some StringProtocol) {
        let text = Substring(text)
        let semicolon = text.utf8.firstIndex(of: 0x3B) ?? text.endIndex
        let head = text[..<semicolon]
        guard let slash1 = head.utf8.firstIndex(of: 0x2F),
              let slash2 = head[head.utf8.index(after: slash1)...].utf8.firstIndex(of: 0x2F) else { return nil }
        let name = head[..<slash1].trimmingWhitespace()
        let version = head[head.utf8.index(after: slash1)..<slash2].trimmingWhitespace()
        // `transport LWS sent-by`: exactly two words.
        let rest = head[head.utf8.index(after: slash2)...].trimmingWhitespaceSlice()
        guard let space = rest.utf8.firstIndex(where: \.isProtocolWhitespace) else { return nil }
        let transport = rest[..<space], sentBy = rest[space...].trimmingWhitespaceSlice()
        guard !name.isEmpty, !version.isEmpty, !sentBy.utf8.contains(where: \.isProtocolWhitespace),
              let (host, port) = Self.sentBy(sentBy) else { return nil }
        var parameters: [HeaderParameter] = []
        if semicolon < text.endIndex {
            guard let list = HeaderParameter.list(text[text.index(after: semicolon)...]) else { return nil }
            parameters = list
        }
        protocolName = name
        protocolVersion = version
        self.transport = transport.uppercased()
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// Every via-parm of a message in order: several Via header fields, each possibly holding several
    /// comma-separated values (RFC 3261 §7.3.1); the first is the top Via.
    public static func values(of message: SIPMessage) -> [Substring] {
        message.headers("via").flatMap { HeaderText.split(Substring($0), on: ",") }
    }

    /// The first via-parm of a message: of the first Via header field, up to its first comma.
    public static func topValue(of message: SIPMessage) -> Substring? {
        message.header("via").flatMap { HeaderText.first(Substring($0), on: ",") }
    }

    /// The top Via of a message (RFC 3261 §8.2.6.2, §18.1.2), or nil when it has none or the top one does not parse.
    public static func top(of message: SIPMessage) -> Via? {
        topValue(of: message).flatMap { Via(parsing: $0) }
    }

    /// `branch`, RFC 3261 §8.1.1.7.
    public var branch: String? { parameters[parameter: "branch"]?.value }

    /// `received`, RFC 3261 §18.2.1.
    public var received: String? { parameters[parameter: "received"]?.value }

    /// `rport`, RFC 3581 §3; nil when absent (and when its value is not a port).
    public var rport: RPort? {
        guard let parameter = parameters[parameter: "rport"] else { return nil }
        guard let value = parameter.value else { return .requested }
        return Int(value).flatMap { (0...65535).contains($0) ? .port($0) : nil }
    }

    /// RFC 3261 §17.2.3: sent-by as the server transaction compares it, host case-insensitively (§19.1.4 for host
    /// names), the port as written (absent stays absent).
    public var sentBy: String { port.map { "\(host.lowercased()):\($0)" } ?? host.lowercased() }

    public var description: String {
        let head = "\(protocolName)/\(protocolVersion)/\(transport) \(port.map { "\(host):\($0)" } ?? host)"
        return ([head] + parameters.map(\.description)).joined(separator: ";")
    }

    /// `host[:port]`; an IPv6 reference keeps its brackets (RFC 3261 §25.1 `sent-by`).
    private static func sentBy(_ text: Substring) -> (String, Int?)? {
        // On the octets: `[`, `]` and `:` are ASCII, and a host or port with anything else fails below anyway.
        let utf8 = text.utf8
        let hostEnd: String.Index
        if utf8.first == 0x5B {
            guard let close = utf8.firstIndex(of: 0x5D) else { return nil }
            hostEnd = utf8.index(after: close)
        } else {
            hostEnd = utf8.firstIndex(of: 0x3A) ?? text.endIndex
        }
        let host = String(text[..<hostEnd])
        guard !host.isEmpty else { return nil }
        guard hostEnd < text.endIndex else { return (host, nil) }
        guard utf8[hostEnd] == 0x3A, let port = Int(text[utf8.index(after: hostEnd)...]), (0...65535).contains(port)
        else { return nil }
        return (host, port)
    }
}
