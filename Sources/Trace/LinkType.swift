/// pcap link-layer header types used for SS7 and SIP-I traces (tcpdump.org LINKTYPE_ values).
public struct LinkType: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// LINKTYPE_ETHERNET (1): IEEE 802.3 header (destination, source, EtherType), VLAN tags allowed.
    public static let ethernet = LinkType(rawValue: 1)
    /// LINKTYPE_RAW (101): a raw IPv4 or IPv6 packet, the version nibble tells which.
    public static let raw = LinkType(rawValue: 101)
    /// LINKTYPE_LINUX_SLL (113): the 16-octet Linux "cooked" header of captures on `any`.
    public static let linuxSLL = LinkType(rawValue: 113)
    /// LINKTYPE_MTP2_WITH_PHDR (139): a 4-octet pseudo-header (sent, Annex A used, link number), then MTP2.
    public static let mtp2WithPseudoHeader = LinkType(rawValue: 139)
    /// LINKTYPE_MTP2 (140): MTP2 header (BSN/FSN/LI) + SIO + routing label + user part.
    public static let mtp2 = LinkType(rawValue: 140)
    /// LINKTYPE_MTP3 (141): SIO + routing label + user part.
    public static let mtp3 = LinkType(rawValue: 141)
    /// LINKTYPE_IPV4 (228): a raw IPv4 packet, no link-layer header (the synthetic packets of `IPv4Packet`).
    public static let ipv4 = LinkType(rawValue: 228)
    /// LINKTYPE_IPV6 (229): a raw IPv6 packet, no link-layer header.
    public static let ipv6 = LinkType(rawValue: 229)
    /// LINKTYPE_LINUX_SLL2 (276): the 20-octet second version of the Linux "cooked" header.
    public static let linuxSLL2 = LinkType(rawValue: 276)
}
