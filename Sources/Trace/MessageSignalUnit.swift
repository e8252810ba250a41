/// An MTP3 message signal unit as a LINKTYPE_MTP3 record carries it (Q.704 §2.2, §14.2): service information
/// octet, ITU routing label, then the user part's message (for ISUP, starting at the CIC).
public struct MessageSignalUnit: Hashable, Sendable {
    /// Q.704 §14.2.1 service indicator of ISDN User Part messages.
    public static let isupServiceIndicator: UInt8 = 5

    public var serviceInformationOctet: UInt8
    public var routingLabel: RoutingLabel
    /// The signalling information field after the routing label; indices are those of the bytes decoded.
    public var userData: ArraySlice<UInt8>

    public init(serviceInformationOctet: UInt8, routingLabel: RoutingLabel, userData: ArraySlice<UInt8>) {
        self.serviceInformationOctet = serviceInformationOctet
        self.routingLabel = routingLabel
        self.userData = userData
    }

    /// Q.704 §14.2.1: bits D–A of the SIO (5 = ISUP).
    public var serviceIndicator: UInt8 { serviceInformationOctet & 0x0F }
    /// Q.704 §14.2.2: bits D–C of the subservice field (0 international, 2 national).
    public var networkIndicator: UInt8 { serviceInformationOctet >> 6 }

    /// Reads SIO + routing label + user data; offsets in errors are indices of `bytes`.
    public init(decoding bytes: ArraySlice<UInt8>) throws(TraceError) {
        let header = 1 + RoutingLabel.length
        guard bytes.count >= header else {
            let field = bytes.isEmpty ? "service information octet" : "routing label"
            throw TraceError(offset: bytes.startIndex, field: field,
                             reason: .truncated(needed: header, available: bytes.count))
        }
        let start = bytes.startIndex
        self.init(
            serviceInformationOctet: bytes[start],
            routingLabel: RoutingLabel(octets: bytes[start + 1..<start + header]),
            userData: bytes[(start + header)...]
        )
    }

    /// SIO + routing label + user data, as a LINKTYPE_MTP3 record holds them.
    public var encoded: [UInt8] { [serviceInformationOctet] + routingLabel.octets + userData }
}
