/// A SIP URI carrying a telephone number, the one URI form used at the NNI: `sip:+390612345678@olo2.it;user=phone`.
///
/// ST 769 §7.3.1 (SIP URIs with `user=phone` in Request-URI, P-Asserted-Identity, To, From, History-Info; tel URIs
/// deferred) and Annex A.1.1 a/d (malformed URI, wrong domain). The user part is checked by
/// `NumberingPlan.classify(userPart:)` (A.1.1 c and A.1.2), not here.
public struct NNIPhoneURI: Hashable, Sendable, CustomStringConvertible {
    /// The telephone-subscriber, global: "+39…".
    public var user: String
    /// The domain (`<operator>.it`, §7.3.1) or an IPv4 address.
    public var host: String
    public var port: Int?
    /// URI parameters in order, as written (`user=phone`, `transport=udp`, ...).
    public var parameters: [String]

    public init(user: String, host: String, port: Int? = nil, parameters: [String] = ["user=phone"]) {
        self.user = user
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// Parses `sip:user@host[:port][;params][?headers]` (RFC 3261 §19.1.1; headers are dropped).
    ///
    /// - Parameter requiresUserPhone: reject a URI without `user=phone`. Not an Annex A case ([OPEN] st769-2 §7.10),
    ///   so off by default.
    public init(
        parsing text: some StringProtocol, requiresUserPhone: Bool = false, policy: AnnexAPolicy = .st769
    ) throws(NumberingError) {
        let text = Substring(text)
        guard let colon = text.firstIndex(of: ":") else { throw policy.error(.malformedURI("no sip: scheme")) }
        switch text[..<colon].lowercased() {
        case "sip": break
        case "tel": throw policy.error(.telURI)
        default: throw policy.error(.malformedURI("scheme \"\(text[..<colon])\" is not sip"))
        }
        let rest = text[text.index(after: colon)...].prefix { $0 != "?" }
        guard let at = rest.lastIndex(of: "@") else { throw policy.error(.malformedURI("no @ and domain")) }
        user = String(rest[..<at])
        guard !user.isEmpty else { throw policy.error(.malformedURI("no telephone-subscriber")) }
        var pieces = rest[rest.index(after: at)...].split(separator: ";", omittingEmptySubsequences: false)
        let hostPort = pieces.removeFirst()
        parameters = pieces.map(String.init)
        let hostAndPort = hostPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        host = String(hostAndPort[0])
        guard !host.isEmpty else { throw policy.error(.malformedURI("no domain")) }
        guard Self.isHostName(host) else { throw policy.error(.invalidDomain(host)) }
        if hostAndPort.count == 2 {
            guard let port = Int(hostAndPort[1]), (1...65535).contains(port) else {
                throw policy.error(.malformedURI("port \"\(hostAndPort[1])\""))
            }
            self.port = port
        }
        if requiresUserPhone, !isUserPhone { throw policy.error(.malformedURI("no user=phone")) }
    }

    /// The URI carries `user=phone` (§7.3.1).
    public var isUserPhone: Bool { parameters.contains { $0.lowercased() == "user=phone" } }

    public var description: String {
        var text = "sip:"
        text.reserveCapacity(4 + user.utf8.count + 1 + host.utf8.count + 6 + parameters.reduce(0) { $0 + 1 + $1.utf8.count })
        text += user
        text += "@"
        text += host
        if let port {
            text += ":"
            text += String(port)
        }
        for parameter in parameters {
            text += ";"
            text += parameter
        }
        return text
    }

    /// A valid FQDN (RFC 1035 labels of letters, digits and inner hyphens, at most 63 characters) or an IPv4
    /// address; a trailing dot is allowed.
    static func isHostName(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let body = labels.last == "" && labels.count > 1 ? labels.dropLast() : labels[...]
        return body.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
