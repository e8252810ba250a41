/// pcap link-layer header types used for SS7 traces (tcpdump.org LINKTYPE_ values).
public struct LinkType: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// LINKTYPE_MTP2 (140): MTP2 header (BSN/FSN/LI) + SIO + routing label + user part.
    public static let mtp2 = LinkType(rawValue: 140)
    /// LINKTYPE_MTP3 (141): SIO + routing label + user part.
    public static let mtp3 = LinkType(rawValue: 141)
}
