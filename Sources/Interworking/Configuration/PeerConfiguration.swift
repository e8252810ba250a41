/// A SIP peer of the NNI: another operator's border element (ST 769 part 3).
public struct PeerConfiguration: Codable, Hashable, Sendable {
    /// ST 769 profiles: B encapsulates ISUP (SIP-I, Q.1912.5 profile C); A is plain SIP without ISUP bodies.
    public enum Profile: String, Codable, Hashable, Sendable {
        case sipI = "B"
        case sip = "A"
    }

    public var name: String
    /// Where requests go; its host is a source address accepted from the peer.
    public var address: SIPEndpoint
    /// More hosts the peer sends from (its other border elements): with `address.host`, the peer's source allowlist.
    /// SIP from any other host gets no dialog (`CallPolicy.unknownSource`).
    public var sources: [String]
    /// The peer's domain, the host part of Request-URIs and To toward it (ST 769 §7.3.1).
    public var domain: String
    public var profile: Profile
    /// Cause mapping profile of `Mappings/profiles.csv` (`st769`, `q1912.5`, `rfc3398`).
    public var causeProfile: String
    /// On 415 to a SIP-I INVITE, send it again without the ISUP part (digest A.6); otherwise release with cause 79.
    public var fallbackWithoutISUPOn415: Bool
    /// Send provisional responses reliably (RFC 3262) when the peer supports 100rel.
    public var reliableProvisionals: Bool
    /// The peer is an international switching centre: it may send plain "+39 55…" numbers where national peers
    /// must send a routing number (ST 769 §6.2.5; st769-2 §7.3, a per-peer setting).
    public var internationalSwitchingCentre: Bool
    public var limits: Limits
    /// ST 769 §7.7.1.2: out-of-dialog OPTIONS (Max-Forwards 0) at this interval (at most 60 s) mark the peer up
    /// (200 or 483) or down (anything else, or no answer); nil: no supervision.
    public var keepAliveInterval: TimerDuration?

    public init(name: String, address: SIPEndpoint, domain: String, profile: Profile = .sipI,
                causeProfile: String = "st769", fallbackWithoutISUPOn415: Bool = true,
                reliableProvisionals: Bool = true, internationalSwitchingCentre: Bool = false,
                limits: Limits = Limits(), keepAliveInterval: TimerDuration? = nil, sources: [String] = []) {
        self.name = name
        self.address = address
        self.sources = sources
        self.domain = domain
        self.profile = profile
        self.causeProfile = causeProfile
        self.fallbackWithoutISUPOn415 = fallbackWithoutISUPOn415
        self.reliableProvisionals = reliableProvisionals
        self.internationalSwitchingCentre = internationalSwitchingCentre
        self.limits = limits
        self.keepAliveInterval = keepAliveInterval
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PeerConfiguration(name: "", address: SIPEndpoint(host: ""), domain: "")
        self.init(
            name: try c.decode(String.self, forKey: .name),
            address: try c.decode(SIPEndpoint.self, forKey: .address),
            domain: try c.decode(String.self, forKey: .domain),
            profile: try c.value(.profile, or: d.profile),
            causeProfile: try c.value(.causeProfile, or: d.causeProfile),
            fallbackWithoutISUPOn415: try c.value(.fallbackWithoutISUPOn415, or: d.fallbackWithoutISUPOn415),
            reliableProvisionals: try c.value(.reliableProvisionals, or: d.reliableProvisionals),
            internationalSwitchingCentre: try c.value(.internationalSwitchingCentre, or: d.internationalSwitchingCentre),
            limits: try c.value(.limits, or: d.limits),
            keepAliveInterval: try c.decodeIfPresent(TimerDuration.self, forKey: .keepAliveInterval),
            sources: try c.value(.sources, or: d.sources))
    }
}
