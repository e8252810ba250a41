/// pcap link-layer header types used for SS7 and SIP-I traces (tcpdump.org LINKTYPE_ values).
public struct LinkType: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// LINKTYPE_MTP2 (140): MTP2 header (BSN/FSN/LI) + SIO + routing label + user part.
    public static let mtp2 = LinkType(rawValue: 140)
    /// LINKTYPE_MTP3 (141): SIO + routing label + user part.
    public static let mtp3 = LinkType(rawValue: 141)
    /// LINKTYPE_IPV4 (228): a raw IPv4 packet, no link-layer header (the synthetic packets of `IPv4Packet`).
    public static let ipv4 = LinkType(rawValue: 228)
}
