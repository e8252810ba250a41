/// Routing: called numbers (in the global SIP-I form, "39…") to SIP peers, Request-URI numbers to trunks, and an
/// optional ENUM lookup in front of the table.
public struct RouteConfiguration: Codable, Hashable, Sendable {
    /// ISUP → SIP: the longest `prefix` of the global called number wins.
    public struct ToSIP: Codable, Hashable, Sendable {
        public var prefix: String
        public var peer: String
        /// Digits (without "+") a number needs before the collection timer may end it (fewer: T35, cause 28).
        public var minimumLength: Int
        /// Digits that make the number complete at once (en-bloc out, ST 769 §7.3.2); nil: only ST or the timer.
        public var completeLength: Int?

        public init(prefix: String, peer: String, minimumLength: Int = 1, completeLength: Int? = nil) {
            self.prefix = prefix
            self.peer = peer
            self.minimumLength = minimumLength
            self.completeLength = completeLength
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(prefix: try c.value(.prefix, or: ""), peer: try c.decode(String.self, forKey: .peer),
                      minimumLength: try c.value(.minimumLength, or: 1),
                      completeLength: try c.decodeIfPresent(Int.self, forKey: .completeLength))
        }
    }

    /// SIP → ISUP: the longest `prefix` of the Request-URI number (global digits, without "+") wins.
    public struct ToISUP: Codable, Hashable, Sendable {
        public var prefix: String
        public var trunk: String

        public init(prefix: String, trunk: String) {
            self.prefix = prefix
            self.trunk = trunk
        }
    }

    /// RFC 6116 ENUM: the shell resolves NAPTR records in `zone`; the answer, NXDOMAIN or the timeout decide the
    /// route (the table is the fallback).
    public struct ENUM: Codable, Hashable, Sendable {
        public var zone: String
        public var timeout: TimerDuration
        /// The DNS servers the shell asks (`address` or `address:port`, IPv6 in brackets with a port); none: the
        /// system's (/etc/resolv.conf). The engine does not read them.
        public var servers: [String]

        public init(zone: String = "e164.arpa", timeout: TimerDuration = .seconds(2), servers: [String] = []) {
            self.zone = zone
            self.timeout = timeout
            self.servers = servers
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(zone: try c.value(.zone, or: "e164.arpa"), timeout: try c.value(.timeout, or: .seconds(2)),
                      servers: try c.value(.servers, or: []))
        }
    }

    public var toSIP: [ToSIP]
    public var toISUP: [ToISUP]
    public var enumLookup: ENUM?

    public init(toSIP: [ToSIP] = [], toISUP: [ToISUP] = [], enumLookup: ENUM? = nil) {
        self.toSIP = toSIP
        self.toISUP = toISUP
        self.enumLookup = enumLookup
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(toSIP: try c.value(.toSIP, or: []), toISUP: try c.value(.toISUP, or: []),
                  enumLookup: try c.decodeIfPresent(ENUM.self, forKey: .enumLookup))
    }

    /// The route of the longest matching prefix (the first on a tie).
    static func longest<R>(_ routes: [R], prefix: KeyPath<R, String>, matching digits: some StringProtocol) -> R? {
        var best: R?
        for route in routes where digits.hasPrefix(route[keyPath: prefix]) {
            if best == nil || route[keyPath: prefix].count > best![keyPath: prefix].count { best = route }
        }
        return best
    }
}
