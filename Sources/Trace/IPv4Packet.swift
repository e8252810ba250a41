/// Synthetic IPv4 packets for captures of link type `.ipv4`: a UDP datagram (SIP) or an SCTP packet with one DATA
/// chunk (M3UA, PPID 3), with every checksum right, so that Wireshark decodes them as if captured on the wire.
/// No fragmentation: the payload must fit one IPv4 packet (65,535 octets with the headers).
///
/// ```swift
/// var writer = PcapWriter(linkType: .ipv4)
/// writer.append(IPv4Packet.udp(sip, from: peer, to: gateway), at: time)
/// writer.append(IPv4Packet.sctpData(m3ua, ppid: IPv4Packet.m3uaPPID, tsn: 1, from: sg, to: asp), at: time)
/// ```
public enum IPv4Packet {
    /// The SCTP payload protocol identifier of M3UA (RFC 4666 §1.4.7, IANA).
    public static let m3uaPPID: UInt32 = 3

    /// IPv4 + UDP (RFC 768) carrying `payload`, with the UDP checksum over the pseudo-header.
    public static func udp(_ payload: some Collection<UInt8>, from source: IPv4Endpoint, to destination: IPv4Endpoint,
                           identification: UInt16 = 0) -> [UInt8] {
        let length = 8 + payload.count
        var segment = [UInt8]()
        segment.reserveCapacity(length)
        append16(source.port, to: &segment)
        append16(destination.port, to: &segment)
        append16(UInt16(length), to: &segment)
        append16(0, to: &segment)
        segment.append(contentsOf: payload)
        // RFC 768: the sum covers the pseudo-header (addresses, zero, protocol, UDP length); 0 is sent as 0xFFFF.
        var pseudo = [UInt8]()
        append32(source.address, to: &pseudo)
        append32(destination.address, to: &pseudo)
        append16(UInt16(udpProtocol), to: &pseudo)
        append16(UInt16(length), to: &pseudo)
        let checksum = internetChecksum(pseudo + segment)
        segment[6] = UInt8(checksum == 0 ? 0xFF : checksum >> 8)
        segment[7] = UInt8(checksum == 0 ? 0xFF : checksum & 0xFF)
        return header(protocol: udpProtocol, payloadLength: length, from: source, to: destination,
                      identification: identification) + segment
    }

    /// IPv4 + SCTP (RFC 9260 §3): the common header and one DATA chunk (§3.3.1, unfragmented: B and E set) with
    /// `payload`, padded to 4 octets, and the CRC32c checksum (§6.8).
    public static func sctpData(_ payload: some Collection<UInt8>, ppid: UInt32, stream: UInt16 = 0,
                                streamSequence: UInt16 = 0, tsn: UInt32, verificationTag: UInt32 = 1,
                                from source: IPv4Endpoint, to destination: IPv4Endpoint,
                                identification: UInt16 = 0) -> [UInt8] {
        let chunkLength = 16 + payload.count
        var packet = [UInt8]()
        packet.reserveCapacity(12 + chunkLength + 3)
        append16(source.port, to: &packet)
        append16(destination.port, to: &packet)
        append32(verificationTag, to: &packet)
        append32(0, to: &packet)  // checksum, computed below over the packet with this field zero
        packet += [0, 0x03]  // DATA, flags B | E
        append16(UInt16(chunkLength), to: &packet)
        append32(tsn, to: &packet)
        append16(stream, to: &packet)
        append16(streamSequence, to: &packet)
        append32(ppid, to: &packet)
        packet.append(contentsOf: payload)
        packet += [UInt8](repeating: 0, count: (4 - chunkLength % 4) % 4)
        // Appendix A: the CRC's least significant octet goes first (as the Linux kernel and usrsctp write it).
        let crc = CRC32c.checksum(packet)
        for i in 0..<4 { packet[8 + i] = UInt8(truncatingIfNeeded: crc >> (8 * i)) }
        return header(protocol: sctpProtocol, payloadLength: packet.count, from: source, to: destination,
                      identification: identification) + packet
    }

    static let udpProtocol: UInt8 = 17
    static let sctpProtocol: UInt8 = 132

    /// RFC 791 §3.1: version 4, IHL 5 (no options), DF, TTL 64, header checksum (RFC 1071).
    static func header(protocol: UInt8, payloadLength: Int, from source: IPv4Endpoint, to destination: IPv4Endpoint,
                       identification: UInt16) -> [UInt8] {
        let total = 20 + payloadLength
        precondition(total <= Int(UInt16.max), "\(payloadLength) octets do not fit one IPv4 packet")
        var header: [UInt8] = [0x45, 0]
        append16(UInt16(total), to: &header)
        append16(identification, to: &header)
        header += [0x40, 0, 64, `protocol`, 0, 0]
        append32(source.address, to: &header)
        append32(destination.address, to: &header)
        let checksum = internetChecksum(header)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(checksum & 0xFF)
        return header
    }

    /// RFC 1071: the ones' complement of the ones' complement sum of the 16-bit words (odd length padded with 0).
    static func internetChecksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        for i in stride(from: 0, to: bytes.count, by: 2) {
            sum += UInt32(bytes[i]) << 8 | (i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0)
        }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        append16(UInt16(value >> 16), to: &bytes)
        append16(UInt16(value & 0xFFFF), to: &bytes)
    }
}
