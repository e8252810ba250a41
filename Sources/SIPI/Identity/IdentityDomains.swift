/// The host parts of the SIP URIs at one NNI (ST 769 §7.3.1, Tables 2, T3-host, T4-host): the directly
/// interconnected network names the Request-URI and To; the originating network names P-Asserted-Identity and
/// From. Configuration data, one value per SIP trunk.
public struct IdentityDomains: Codable, Hashable, Sendable {
    /// Our first-level domain (`olo1.it`): host of PAI and From we originate.
    public var own: String
    /// The peer's domain (`olo2.it`): host of the Request-URI and To we send it.
    public var peer: String
    /// AGCOM note to Tables T3/T4: a transit network MAY replace the domain of the originating identity (PAI, From)
    /// with its own. The user part (the CLI) is never modified.
    public var replaceOriginatingDomainInTransit: Bool

    public init(own: String, peer: String, replaceOriginatingDomainInTransit: Bool = true) {
        self.own = own
        self.peer = peer
        self.replaceOriginatingDomainInTransit = replaceOriginatingDomainInTransit
    }

    /// Request-URI (and To) for a called user part: `sip:+39…@<peer>;user=phone` (§7.3.1, §7.3.2).
    public func requestURI(userPart: String) -> NNIPhoneURI { NNIPhoneURI(user: userPart, host: peer) }

    /// Transit (T3/T4, §6.1 R-DOM): the Request-URI and To toward the next network name it; the user part stays
    /// byte-identical (st769-1 T27).
    public func transitRequestURI(_ received: NNIPhoneURI) -> NNIPhoneURI {
        var uri = received
        uri.host = peer
        return uri
    }

    /// Transit: the originating identity (PAI, From) with our domain when `replaceOriginatingDomainInTransit`, and
    /// its user part unchanged.
    public func transitIdentity(_ received: NNIPhoneURI) -> NNIPhoneURI {
        guard replaceOriginatingDomainInTransit else { return received }
        var uri = received
        uri.host = own
        return uri
    }
}
