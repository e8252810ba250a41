import Interworking

/// The `sipi-pcap` format: the SIP-I messages between the gateways as UDP datagrams in raw IPv4 packets (classic
/// pcap, LINKTYPE_IPV4), at the capture's times, with every checksum right: Wireshark decodes the SIP, the
/// multipart body and the encapsulated ISUP, and its VoIP call flow shows one dialog per call.
public struct SIPIPcapWriter: ConversionWriter {
    /// The capture writes the messages themselves, never a message's one-line summary.
    public var readsSummaries: Bool { false }

    var pcap = PcapWriter(linkType: .ipv4)
    var identification: UInt16 = 0

    public init() {}

    public mutating func write(_ output: ConversionOutput, into bytes: inout [UInt8]) {
        guard case .sip(let sip) = output, let octets = sip.bytes,
              let source = IPv4Endpoint(sip.source.host, port: UInt16(truncatingIfNeeded: sip.source.port)),
              let destination = IPv4Endpoint(sip.destination.host, port: UInt16(truncatingIfNeeded: sip.destination.port))
        else {
            bytes.append(contentsOf: pcap.take())
            return
        }
        identification &+= 1
        pcap.append(IPv4Packet.udp(octets, from: source, to: destination, identification: identification), at: sip.time)
        bytes.append(contentsOf: pcap.take())
    }

    public mutating func finish(_ statistics: ConversionStatistics, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: pcap.take())
    }
}
