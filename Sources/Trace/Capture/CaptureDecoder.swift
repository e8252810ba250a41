import SIPI

/// Decodes capture records into the signalling messages they carry, one record at a time: ISUP from MTP2 and
/// MTP3 signal units, from M3UA DATA and M2PA User Data over SCTP (or SCTP over UDP port 9899, RFC 6951), and
/// from M3UA over TCP; SIP over UDP and TCP.
/// Pure and streaming: state across records (IP fragments, SCTP fragments and seen TSNs, TCP streams) is kept
/// here, bounded, and `finish()` reports what the capture left incomplete.
///
/// Link types: Ethernet (1, with IEEE 802.1Q and 802.1ad VLAN tags), raw IP (101, 228, 229), Linux SLL (113)
/// and SLL2 (276), MTP2 (140) and MTP2 with pseudo-header (139), MTP3 (141).
///
/// A record that cannot be read (unknown link type, truncated or bad header, malformed M3UA) yields an
/// `UnreadableRecord` with its number and the offset and field at fault, and decoding goes on. Offsets count
/// from the record's first octet, or from the first octet of the reassembled buffer the reason names. Records
/// without signalling (ARP, ICMP, SCTP control chunks, other payload protocols, UDP that is not SIP, TCP streams
/// that are neither M3UA nor SIP, M3UA management messages, other user parts) yield nothing, unreported.
///
/// ```swift
/// var decoder = CaptureDecoder()
/// var reader = try PcapReader(bytes: file)
/// while let record = try reader.next() { messages += decoder.decode(record) }
/// decoder.finish()
/// report(decoder.unreadable)
/// ```
public struct CaptureDecoder: Sendable {
    /// Every record found unreadable so far, in the order found (a fragment set dropped or left incomplete is
    /// reported under its first record, so numbers may go back).
    public private(set) var unreadable: [UnreadableRecord] = []

    private var fragments: FragmentReassembler
    private var sctp = SCTPReassembler()
    private var tcp = TCPStreams()

    /// `maximumPendingDatagrams`: how many fragmented IP datagrams may wait for fragments at a time.
    public init(maximumPendingDatagrams: Int = 64) {
        fragments = FragmentReassembler(maximumPending: maximumPendingDatagrams)
    }

    /// The messages `record` completes, in the order they were sent.
    public mutating func decode(_ record: PcapRecord) -> [CapturedMessage] {
        let payloads: [CapturedMessage.Payload]
        do {
            payloads = try messages(in: record)
        } catch {
            report(error, record: record, in: nil)
            return []
        }
        return payloads.map { CapturedMessage(record: record.number, timestamp: record.timestamp, payload: $0) }
    }

    /// Reports what the capture left incomplete (IP datagrams missing fragments, SCTP messages missing chunks,
    /// TCP streams ending inside a message) and forgets all state, ready for another capture.
    public mutating func finish() {
        unreadable += fragments.finish()
        unreadable += sctp.finish()
        unreadable += tcp.finish()
    }

    /// Takes the records found unreadable so far, for a caller that reports them as it goes.
    public mutating func takeUnreadable() -> [UnreadableRecord] {
        defer { unreadable = [] }
        return unreadable
    }

    private mutating func messages(in record: PcapRecord) throws(CaptureDecodingError) -> [CapturedMessage.Payload] {
        let data = record.data
        switch record.linkType {
        case .mtp2, .mtp2WithPseudoHeader, .mtp3:
            return try signalUnit(of: record).map { [$0] } ?? []
        case .ethernet:
            return try network(LinkLayerFrame.ethernet(data), record: record)
        case .linuxSLL:
            return try network(LinkLayerFrame.linuxSLL(data), record: record)
        case .linuxSLL2:
            return try network(LinkLayerFrame.linuxSLL2(data), record: record)
        case .ipv4:
            return try ip(IPDatagram.ipv4(data), record: record)
        case .ipv6:
            return try ip(IPDatagram.ipv6(data), record: record)
        case .raw:
            try data.require(1, field: "IP version")
            switch data.u8(at: 0) >> 4 {
            case 4: return try ip(IPDatagram.ipv4(data), record: record)
            case 6: return try ip(IPDatagram.ipv6(data), record: record)
            case let version:
                throw CaptureDecodingError(offset: data.startIndex, field: "IP version",
                                           reason: "version \(version), neither 4 nor 6")
            }
        default:
            throw CaptureDecodingError(offset: data.startIndex, field: "link type",
                                       reason: TraceError.Reason.unsupportedLinkType(record.linkType).explanation)
        }
    }

    /// LINKTYPE_MTP2, LINKTYPE_MTP2_WITH_PHDR and LINKTYPE_MTP3 through `PcapRecord.messageSignalUnit()`.
    private func signalUnit(of record: PcapRecord) throws(CaptureDecodingError) -> CapturedMessage.Payload? {
        let unit: MessageSignalUnit?
        do {
            unit = try record.messageSignalUnit()
        } catch {
            throw CaptureDecodingError(offset: error.offset, field: error.field, reason: error.reason.explanation)
        }
        return unit.flatMap(SignallingPayload.isup(in:)).map(CapturedMessage.Payload.isup)
    }

    private mutating func network(_ frame: LinkLayerFrame, record: PcapRecord) throws(CaptureDecodingError)
        -> [CapturedMessage.Payload]
    {
        switch frame.etherType {
        case LinkLayerFrame.ipv4: try ip(IPDatagram.ipv4(frame.payload), record: record)
        case LinkLayerFrame.ipv6: try ip(IPDatagram.ipv6(frame.payload), record: record)
        default: []
        }
    }

    /// The transports that can carry signalling; fragments of other protocols are not kept.
    static let transports: Set<UInt8> = [IPDatagram.tcp, IPDatagram.udp, IPDatagram.sctp]

    /// A whole datagram goes to its transport; a fragment waits for the others.
    private mutating func ip(_ datagram: IPDatagram, record: PcapRecord) throws(CaptureDecodingError)
        -> [CapturedMessage.Payload]
    {
        guard Self.transports.contains(datagram.protocol) else { return [] }
        guard let fragment = datagram.fragment, fragment.offset != 0 || fragment.more else {
            return try transport(datagram, record: record, context: nil)
        }
        guard let whole = try fragments.add(datagram, fragment: fragment, record: record.number, dropped: &unreadable)
        else { return [] }
        var reassembled = datagram
        reassembled.payload = whole[...]
        reassembled.fragment = nil
        let context = "the payload of \(datagram.source.isIPv6 ? "IPv6" : "IPv4") datagram \(datagram.source) → "
            + "\(datagram.destination) identification \(fragment.identification), reassembled"
        do {
            return try transport(reassembled, record: record, context: context)
        } catch {
            throw error.within(context)
        }
    }

    /// RFC 6951 §5.1: the IANA port of SCTP over UDP (usrsctp's encapsulation, as the oracle runs use).
    static let sctpTunnelingPort: UInt16 = 9899

    /// `context`: the reassembled buffer the datagram's payload is, if any.
    private mutating func transport(_ datagram: IPDatagram, record: PcapRecord, context: String?)
        throws(CaptureDecodingError) -> [CapturedMessage.Payload]
    {
        switch datagram.protocol {
        case IPDatagram.udp:
            let udp = try UDPDatagram(datagram.payload)
            if SIPFraming.startLine(of: udp.payload) == .sip {
                return [.sip(Array(udp.payload), SIPRoute(
                    transport: .udp, sourceAddress: datagram.source.description, sourcePort: udp.sourcePort,
                    destinationAddress: datagram.destination.description, destinationPort: udp.destinationPort))]
            }
            guard [udp.sourcePort, udp.destinationPort].contains(Self.sctpTunnelingPort) else { return [] }
            var tunnelled = datagram
            tunnelled.payload = udp.payload
            return try sctpPacket(tunnelled, record: record, context: context)
        case IPDatagram.tcp:
            return try tcpSegment(datagram, record: record)
        case IPDatagram.sctp:
            return try sctpPacket(datagram, record: record, context: context)
        default:
            return []
        }
    }

    private mutating func tcpSegment(_ datagram: IPDatagram, record: PcapRecord) throws(CaptureDecodingError)
        -> [CapturedMessage.Payload]
    {
        let segment = try TCPSegment(datagram.payload)
        let flow = TransportFlow(source: datagram.source, sourcePort: segment.sourcePort,
                                 destination: datagram.destination, destinationPort: segment.destinationPort)
        var out = [CapturedMessage.Payload]()
        for frame in tcp.add(segment, flow: flow, record: record.number, reports: &unreadable) {
            switch frame.content {
            case .sip:
                out.append(.sip(frame.octets, SIPRoute(
                    transport: .tcp, sourceAddress: flow.source.description, sourcePort: flow.sourcePort,
                    destinationAddress: flow.destination.description, destinationPort: flow.destinationPort)))
            case .m3ua:
                do {
                    if let (isup, route) = try SignallingPayload.m3ua(frame.octets[...]) {
                        out.append(.isup(isup, route))
                    }
                } catch {
                    report(error, record: record,
                           in: "the M3UA message at stream offset \(frame.streamOffset) of TCP stream \(flow)")
                }
            }
        }
        return out
    }

    /// Every DATA chunk of the packet, in order; a chunk that cannot be read is reported and the others kept.
    private mutating func sctpPacket(_ datagram: IPDatagram, record: PcapRecord, context: String?)
        throws(CaptureDecodingError) -> [CapturedMessage.Payload]
    {
        let packet = try SCTPPacket(datagram.payload)
        let direction = SCTPReassembler.Direction(
            flow: TransportFlow(source: datagram.source, sourcePort: packet.sourcePort,
                                destination: datagram.destination, destinationPort: packet.destinationPort),
            verificationTag: packet.verificationTag)
        var out = [CapturedMessage.Payload]()
        for chunk in packet.dataChunks {
            guard let message = sctp.add(chunk, in: direction, record: record.number, reports: &unreadable)
            else { continue }
            do {
                let isup: ([UInt8], ISUPRoute)?
                switch SignallingPayload.payloadProtocol(message.payloadProtocol,
                                                         ports: (packet.sourcePort, packet.destinationPort)) {
                case SignallingPayload.m3uaPPID: isup = try SignallingPayload.m3ua(message.octets)
                case SignallingPayload.m2paPPID: isup = try SignallingPayload.m2pa(message.octets)
                default: isup = nil
                }
                if let (octets, route) = isup { out.append(.isup(octets, route)) }
            } catch {
                report(error, record: record, in: message.context ?? context)
            }
        }
        if let error = packet.error { report(error, record: record, in: context) }
        return out
    }

    /// Records cut at the snap length say so, as the likely cause of a truncation.
    private mutating func report(_ error: CaptureDecodingError, record: PcapRecord, in context: String?) {
        let placed = context.map { error.within($0) } ?? error
        var reason = placed.reason(in: record.data)
        if record.originalLength > record.data.count {
            reason += " (the capture kept \(record.data.count) of the packet's \(record.originalLength) octets)"
        }
        unreadable.append(UnreadableRecord(record: record.number, reason: reason))
    }
}
