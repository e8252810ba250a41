/// An IPv4 or IPv6 packet reduced to what the transport layers need: addresses, the upper-layer protocol, its
/// octets, and where they sit in the original datagram when the packet is a fragment.
struct IPDatagram {
    var source: IPAddress
    var destination: IPAddress
    /// The IANA protocol number of the payload (6 TCP, 17 UDP, 132 SCTP).
    var `protocol`: UInt8
    var payload: ArraySlice<UInt8>
    var fragment: Fragment?

    /// RFC 791 §3.2 fragmentation fields, or those of the RFC 8200 §4.5 Fragment header.
    struct Fragment: Hashable {
        var identification: UInt32
        /// In octets (the header field counts 8-octet units).
        var offset: Int
        var more: Bool
    }

    static let tcp: UInt8 = 6
    static let udp: UInt8 = 17
    static let sctp: UInt8 = 132

    /// RFC 791 §3.1: version 4, IHL of at least 5 words, total length covering the header and within the
    /// captured octets (Ethernet padding after it is dropped). A total length of 0 is taken as "the captured
    /// octets", as TCP segmentation offload writes it. Checksums are not checked: captures on the sending host
    /// hold them before the interface fills them in.
    static func ipv4(_ packet: ArraySlice<UInt8>) throws(CaptureDecodingError) -> IPDatagram {
        try packet.require(20, field: "IPv4 header")
        let version = packet.u8(at: 0) >> 4
        guard version == 4 else {
            throw CaptureDecodingError(offset: packet.startIndex, field: "IPv4 version",
                                       reason: "version \(version), not 4")
        }
        let headerLength = Int(packet.u8(at: 0) & 0x0F) * 4
        guard headerLength >= 20 else {
            throw CaptureDecodingError(offset: packet.startIndex, field: "IPv4 header length",
                                       reason: "IHL \(headerLength / 4), below 5 (RFC 791 §3.1)")
        }
        try packet.require(headerLength, field: "IPv4 options")
        var totalLength = Int(packet.u16(at: 2))
        if totalLength == 0 { totalLength = packet.count }
        guard totalLength >= headerLength else {
            throw CaptureDecodingError(offset: packet.startIndex + 2, field: "IPv4 total length",
                                       reason: "\(totalLength), less than the \(headerLength)-octet header")
        }
        guard totalLength <= packet.count else {
            throw CaptureDecodingError(offset: packet.startIndex + 2, field: "IPv4 total length",
                                       reason: "\(totalLength) octets, \(packet.count) captured")
        }
        let flagsAndOffset = packet.u16(at: 6)
        let offset = Int(flagsAndOffset & 0x1FFF) * 8, more = flagsAndOffset & 0x2000 != 0
        return IPDatagram(
            source: IPAddress(packet.slice(12, 4)), destination: IPAddress(packet.slice(16, 4)),
            protocol: packet.u8(at: 9), payload: packet.slice(headerLength, totalLength - headerLength),
            fragment: offset != 0 || more
                ? Fragment(identification: UInt32(packet.u16(at: 4)), offset: offset, more: more) : nil)
    }

    /// RFC 8200 §3: version 6, payload length within the captured octets (0, a jumbogram or segmentation
    /// offload, is taken as "the captured octets"); the extension headers of §4 that precede the upper layer are
    /// skipped (Hop-by-Hop 0, Routing 43, Destination Options 60, and RFC 4302 AH 51), and a Fragment header
    /// (44) gives the fragment fields and ends the walk.
    static func ipv6(_ packet: ArraySlice<UInt8>) throws(CaptureDecodingError) -> IPDatagram {
        try packet.require(40, field: "IPv6 header")
        let version = packet.u8(at: 0) >> 4
        guard version == 6 else {
            throw CaptureDecodingError(offset: packet.startIndex, field: "IPv6 version",
                                       reason: "version \(version), not 6")
        }
        var payloadLength = Int(packet.u16(at: 4))
        if payloadLength == 0 { payloadLength = packet.count - 40 }
        guard 40 + payloadLength <= packet.count else {
            throw CaptureDecodingError(offset: packet.startIndex + 4, field: "IPv6 payload length",
                                       reason: "\(payloadLength) octets, \(packet.count - 40) captured")
        }
        var datagram = IPDatagram(
            source: IPAddress(packet.slice(8, 16)), destination: IPAddress(packet.slice(24, 16)),
            protocol: packet.u8(at: 6), payload: packet.slice(40, payloadLength), fragment: nil)
        while true {
            let header = datagram.payload
            let length: Int
            switch datagram.protocol {
            case 0, 43, 60:
                try header.require(2, field: "IPv6 extension header")
                length = (Int(header.u8(at: 1)) + 1) * 8
            case 51:
                try header.require(2, field: "IPv6 authentication header")
                length = (Int(header.u8(at: 1)) + 2) * 4
            case 44:
                try header.require(8, field: "IPv6 fragment header")
                let offsetAndFlags = header.u16(at: 2)
                datagram.fragment = Fragment(identification: header.u32(at: 4), offset: Int(offsetAndFlags & 0xFFF8),
                                             more: offsetAndFlags & 1 != 0)
                datagram.protocol = header.u8(at: 0)
                datagram.payload = header.dropping(8)
                return datagram  // what follows is fragment data, read once reassembled
            default:
                return datagram
            }
            try header.require(length, field: "IPv6 extension header \(datagram.protocol)")
            datagram.protocol = header.u8(at: 0)
            datagram.payload = header.dropping(length)
        }
    }
}
