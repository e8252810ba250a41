/// Synthetic IPv4 packets for captures of link type `.ipv4`: a UDP datagram (SIP), an SCTP packet with one DATA
/// chunk (M3UA, PPID 3) or several, a TCP segment, with every checksum right, so that Wireshark decodes them as
/// if captured on the wire. The payload must fit one IPv4 packet (65,535 octets with the headers); `fragments`
/// cuts a packet into IPv4 fragments.
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
        sctp([dataChunk(payload, ppid: ppid, stream: stream, streamSequence: streamSequence, tsn: tsn)],
             verificationTag: verificationTag, from: source, to: destination, identification: identification)
    }

    /// IPv4 + SCTP (RFC 9260 §3) bundling `chunks` (each from `dataChunk` or built by hand, padded to 4 octets)
    /// after the common header, with the CRC32c checksum (§6.8).
    public static func sctp(_ chunks: [[UInt8]], verificationTag: UInt32 = 1, from source: IPv4Endpoint,
                            to destination: IPv4Endpoint, identification: UInt16 = 0) -> [UInt8] {
        let packet = sctpPacket(chunks, sourcePort: source.port, destinationPort: destination.port,
                                verificationTag: verificationTag)
        return header(protocol: sctpProtocol, payloadLength: packet.count, from: source, to: destination,
                      identification: identification) + packet
    }

    /// An SCTP packet without IP header (RFC 9260 §3): common header, `chunks`, CRC32c checksum (§6.8).
    public static func sctpPacket(_ chunks: [[UInt8]], sourcePort: UInt16, destinationPort: UInt16,
                                  verificationTag: UInt32 = 1) -> [UInt8] {
        var packet = [UInt8]()
        append16(sourcePort, to: &packet)
        append16(destinationPort, to: &packet)
        append32(verificationTag, to: &packet)
        append32(0, to: &packet)  // checksum, computed below over the packet with this field zero
        for chunk in chunks { packet += chunk }
        // Appendix A: the CRC's least significant octet goes first (as the Linux kernel and usrsctp write it).
        let crc = CRC32c.checksum(packet)
        for i in 0..<4 { packet[8 + i] = UInt8(truncatingIfNeeded: crc >> (8 * i)) }
        return packet
    }

    /// RFC 9260 §3.3.1 DATA chunk with `payload`, padded to 4 octets. `beginning` and `ending` are the B and E
    /// flags (both set: an unfragmented message).
    public static func dataChunk(_ payload: some Collection<UInt8>, ppid: UInt32, stream: UInt16 = 0,
                                 streamSequence: UInt16 = 0, tsn: UInt32, beginning: Bool = true,
                                 ending: Bool = true) -> [UInt8] {
        let chunkLength = 16 + payload.count
        var chunk: [UInt8] = [0, (beginning ? 0x02 : 0) | (ending ? 0x01 : 0)]
        chunk.reserveCapacity(chunkLength + 3)
        append16(UInt16(chunkLength), to: &chunk)
        append32(tsn, to: &chunk)
        append16(stream, to: &chunk)
        append16(streamSequence, to: &chunk)
        append32(ppid, to: &chunk)
        chunk.append(contentsOf: payload)
        chunk += [UInt8](repeating: 0, count: (4 - chunkLength % 4) % 4)
        return chunk
    }

    /// TCP flags (RFC 9293 §3.1).
    public static let tcpSYN: UInt8 = 0x02, tcpACK: UInt8 = 0x10, tcpPSH: UInt8 = 0x08

    /// IPv4 + TCP (RFC 9293 §3.1): a 20-octet header without options, window 65535, with `payload`, and the
    /// checksum over the pseudo-header (§3.1, as RFC 768's).
    public static func tcp(_ payload: some Collection<UInt8>, sequence: UInt32, acknowledgment: UInt32 = 0,
                           flags: UInt8 = tcpACK | tcpPSH, from source: IPv4Endpoint, to destination: IPv4Endpoint,
                           identification: UInt16 = 0) -> [UInt8] {
        var segment = [UInt8]()
        append16(source.port, to: &segment)
        append16(destination.port, to: &segment)
        append32(sequence, to: &segment)
        append32(acknowledgment, to: &segment)
        segment += [5 << 4, flags, 0xFF, 0xFF, 0, 0, 0, 0]  // data offset 5, flags, window, checksum, urgent
        segment.append(contentsOf: payload)
        var pseudo = [UInt8]()
        append32(source.address, to: &pseudo)
        append32(destination.address, to: &pseudo)
        append16(UInt16(tcpProtocol), to: &pseudo)
        append16(UInt16(segment.count), to: &pseudo)
        let checksum = internetChecksum(pseudo + segment)
        segment[16] = UInt8(checksum >> 8)
        segment[17] = UInt8(checksum & 0xFF)
        return header(protocol: tcpProtocol, payloadLength: segment.count, from: source, to: destination,
                      identification: identification) + segment
    }

    /// RFC 791 §3.2: `packet` (an unfragmented packet of this type) cut into fragments carrying at most
    /// `size` octets of its payload each (`size` a multiple of 8), each with its own header and checksum.
    public static func fragments(of packet: [UInt8], size: Int) -> [[UInt8]] {
        precondition(size > 0 && size % 8 == 0, "fragment payloads are multiples of 8 octets")
        let payload = packet[20...]
        let source = IPv4Endpoint(address: UInt32(packet[12]) << 24 | UInt32(packet[13]) << 16
                                      | UInt32(packet[14]) << 8 | UInt32(packet[15]), port: 0)
        let destination = IPv4Endpoint(address: UInt32(packet[16]) << 24 | UInt32(packet[17]) << 16
                                           | UInt32(packet[18]) << 8 | UInt32(packet[19]), port: 0)
        let identification = UInt16(packet[4]) << 8 | UInt16(packet[5])
        return stride(from: 0, to: payload.count, by: size).map { offset in
            let piece = payload.dropFirst(offset).prefix(size)
            return header(protocol: packet[9], payloadLength: piece.count, from: source, to: destination,
                          identification: identification,
                          fragment: (offset: offset, more: offset + size < payload.count)) + piece
        }
    }

    static let udpProtocol: UInt8 = 17
    static let sctpProtocol: UInt8 = 132
    static let tcpProtocol: UInt8 = 6

    /// RFC 791 §3.1: version 4, IHL 5 (no options), DF (or, for a fragment, its offset and MF), TTL 64, header
    /// checksum (RFC 1071).
    static func header(protocol: UInt8, payloadLength: Int, from source: IPv4Endpoint, to destination: IPv4Endpoint,
                       identification: UInt16, fragment: (offset: Int, more: Bool)? = nil) -> [UInt8] {
        let total = 20 + payloadLength
        precondition(total <= Int(UInt16.max), "\(payloadLength) octets do not fit one IPv4 packet")
        var header: [UInt8] = [0x45, 0]
        append16(UInt16(total), to: &header)
        append16(identification, to: &header)
        if let fragment {
            append16(UInt16(fragment.offset / 8) | (fragment.more ? 0x2000 : 0), to: &header)
        } else {
            header += [0x40, 0]
        }
        header += [64, `protocol`, 0, 0]
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

    static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        append16(UInt16(value >> 16), to: &bytes)
        append16(UInt16(value & 0xFFFF), to: &bytes)
    }
}
