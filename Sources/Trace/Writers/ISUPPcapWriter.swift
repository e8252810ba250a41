import M3UA

/// The `isup-pcap` format (a SIP capture converted): the ISUP between the two gateways as M3UA DATA (RFC 4666
/// §3.3.1, with the trunk's routing context when it has one) in SCTP packets (PPID 3, one DATA chunk each, stream
/// by SLS, TSNs counted per direction, the receiver's address as verification tag) in raw IPv4, classic pcap, at the capture's times, every checksum right.
public struct ISUPPcapWriter: ConversionWriter {
    /// The capture writes the messages themselves, never a message's one-line summary.
    public var readsSummaries: Bool { false }

    var pcap = PcapWriter(linkType: .ipv4)
    var tsns: [IPv4Endpoint: UInt32] = [:]

    public init() {}

    public mutating func write(_ output: ConversionOutput, into bytes: inout [UInt8]) {
        if case .isup(let isup) = output {
            var parameters: [M3UAParameter] = [.protocolData(isup.data)]
            if let context = isup.routingContext { parameters.insert(.routingContext([context]), at: 0) }
            if let m3ua = try? M3UAMessage(.data, parameters).encoded() {
                let tsn = tsns[isup.source, default: 0] &+ 1
                tsns[isup.source] = tsn
                // Each direction its own verification tag (RFC 9260 §8.5), so that readers tell the TSN spaces apart.
                pcap.append(IPv4Packet.sctpData(m3ua, ppid: IPv4Packet.m3uaPPID, stream: UInt16(isup.data.sls), tsn: tsn,
                                                verificationTag: isup.destination.address, from: isup.source,
                                                to: isup.destination), at: isup.time)
            }
        }
        bytes.append(contentsOf: pcap.take())
    }

    public mutating func finish(_ statistics: ConversionStatistics, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: pcap.take())
    }
}
