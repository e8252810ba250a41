import OracleSupport
import Testing
@testable import Trace

/// `CaptureDecoder` on captures built by hand from the specifications (CaptureFrames, IPv4Packet), each also
/// given to tshark, whose dissectors must find the same messages in the same frames (oracles.md §1).
@Suite("CaptureDecoder")
struct CaptureDecoderTests {
    static let sg = IPv4Endpoint("192.0.2.20", port: 2905)!, asp = IPv4Endpoint("192.0.2.1", port: 2905)!
    static let peer = IPv4Endpoint("192.0.2.30", port: 5060)!, gateway = IPv4Endpoint("192.0.2.1", port: 5060)!
    static let iam = octets(Vectors.iam), rel = octets(Vectors.rel)
    /// isup-q763.md §7.1 and §7.3: both messages are for CIC 291.
    static let cic = "291"
    /// The M3UA DATA messages of the tests: OPC 1000, DPC 2000, NI 2, SLS 3, Routing Context 7.
    static let iamM3UA = CaptureFrames.m3uaData(iam, opc: 1000, dpc: 2000, sls: 3, routingContext: 7)
    static let relM3UA = CaptureFrames.m3uaData(rel, opc: 1000, dpc: 2000, sls: 3, routingContext: 7)
    static let route = ISUPRoute(opc: 1000, dpc: 2000, sls: 3, networkIndicator: 2, routingContext: 7)

    /// A capture of one link type: packets one second apart.
    struct Capture {
        var writer: PcapWriter
        var count = 0

        init(_ linkType: LinkType) { writer = PcapWriter(linkType: linkType) }

        mutating func add(_ packet: [UInt8]) {
            writer.append(packet, at: CaptureTimestamp(seconds: 1_700_000_000 + Int64(count)))
            count += 1
        }

        /// The decoder's messages and unreadable records, after `finish()`.
        func decoded(maximumPendingDatagrams: Int = 64) throws -> ([CapturedMessage], [UnreadableRecord]) {
            var decoder = CaptureDecoder(maximumPendingDatagrams: maximumPendingDatagrams)
            var messages = [CapturedMessage]()
            for record in try PcapReader.records(in: writer.bytes) { messages += decoder.decode(record) }
            decoder.finish()
            return (messages, decoder.unreadable)
        }

        /// (record, payload) of each message, for comparing with expectations derived by hand.
        func payloads(maximumPendingDatagrams: Int = 64) throws -> [(Int, CapturedMessage.Payload)] {
            let (messages, unreadable) = try decoded(maximumPendingDatagrams: maximumPendingDatagrams)
            #expect(unreadable == [])
            return messages.map { ($0.record, $0.payload) }
        }

        func tshark(_ fields: [String], options: [String] = []) throws -> [[String]] {
            try Tshark.fields(ofCapture: writer.bytes, fields: fields, options: options)
        }
    }

    static func expect(_ actual: [(Int, CapturedMessage.Payload)], _ expected: [(Int, CapturedMessage.Payload)],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.map(\.0) == expected.map(\.0), sourceLocation: sourceLocation)
        #expect(actual.map(\.1) == expected.map(\.1), sourceLocation: sourceLocation)
    }

    /// RFC 4960 §6.10 bundling behind an 802.1ad + 802.1Q tag pair: a SACK chunk (§3.3.4, passed over) then two
    /// DATA chunks, an IAM and a REL.
    @Test("Ethernet, QinQ VLAN tags, IPv4, SCTP with two bundled DATA chunks", .needsWireshark)
    func ethernetVLANBundledChunks() throws {
        let sack: [UInt8] = [3, 0, 0, 16, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
        let packet = IPv4Packet.sctp(
            [sack, IPv4Packet.dataChunk(Self.iamM3UA, ppid: 3, tsn: 1),
             IPv4Packet.dataChunk(Self.relM3UA, ppid: 3, tsn: 2)],
            from: Self.sg, to: Self.asp)
        var capture = Capture(.ethernet)
        capture.add(CaptureFrames.ethernet(packet, tags: [(0x88A8, 100), (0x8100, 200)]))
        Self.expect(try capture.payloads(), [(1, .isup(Self.iam, Self.route)), (1, .isup(Self.rel, Self.route))])
        let rows = try capture.tshark(["ieee8021ad.id", "vlan.id", "isup.cic", "isup.message_type",
                                       "m3ua.protocol_data_opc",
                                       "m3ua.protocol_data_dpc", "m3ua.routing_context", "_ws.malformed"])
        #expect(rows == [["100", "200", "291,291", "1,12", "1000,1000", "2000,2000", "7,7", ""]])
    }

    /// RFC 4960 §6.9: one M3UA message in three DATA chunks (B, none, E; TSN 10-12) over two packets; then that
    /// last packet retransmitted, an unfragmented REL (TSN 13), and the REL retransmitted (§6.3.3).
    @Test("SCTP: a message fragmented over 3 DATA chunks in 2 packets; retransmitted TSNs yield nothing", .needsWireshark)
    func sctpFragmentsAndRetransmissions() throws {
        let m = Self.iamM3UA
        let parts = [Array(m[..<20]), Array(m[20..<40]), Array(m[40...])]
        let first = IPv4Packet.sctp([
            IPv4Packet.dataChunk(parts[0], ppid: 3, tsn: 10, beginning: true, ending: false),
            IPv4Packet.dataChunk(parts[1], ppid: 3, tsn: 11, beginning: false, ending: false),
        ], from: Self.sg, to: Self.asp)
        let last = IPv4Packet.sctp([IPv4Packet.dataChunk(parts[2], ppid: 3, tsn: 12, beginning: false, ending: true)],
                                   from: Self.sg, to: Self.asp)
        let release = IPv4Packet.sctpData(Self.relM3UA, ppid: 3, tsn: 13, from: Self.sg, to: Self.asp)
        var capture = Capture(.ipv4)
        for packet in [first, last, last, release, release] { capture.add(packet) }
        Self.expect(try capture.payloads(), [(2, .isup(Self.iam, Self.route)), (4, .isup(Self.rel, Self.route))])
        let rows = try capture.tshark(["isup.message_type", "sctp.retransmission"])
        #expect(rows.map { $0[1].isEmpty } == [true, true, false, true, false])
        #expect(rows[1][0] == "1" && rows[3][0] == "12")
    }

    /// RFC 791 §3.2: an SCTP packet in three IPv4 fragments, captured first, last, middle.
    @Test("IPv4 fragments reassembled", .needsWireshark)
    func ipv4Fragments() throws {
        let whole = IPv4Packet.sctpData(Self.iamM3UA, ppid: 3, tsn: 1, from: Self.sg, to: Self.asp, identification: 0x4242)
        let fragments = IPv4Packet.fragments(of: whole, size: 32)
        try #require(fragments.count == 3)
        var capture = Capture(.ipv4)
        for i in [0, 2, 1] { capture.add(fragments[i]) }
        Self.expect(try capture.payloads(), [(3, .isup(Self.iam, Self.route))])
        let rows = try capture.tshark(["ip.flags.mf", "isup.cic"])
        #expect(rows.map { $0[1] } == ["", "", Self.cic])
    }

    /// At most `maximumPendingDatagrams` datagrams wait for fragments: the oldest is dropped and reported; what
    /// the capture ends without is reported by `finish()`.
    @Test("fragment sets are bounded and incomplete ones reported")
    func fragmentBounds() throws {
        let a = IPv4Packet.fragments(of: IPv4Packet.sctpData(Self.iamM3UA, ppid: 3, tsn: 1, from: Self.sg, to: Self.asp,
                                                             identification: 1), size: 32)
        let b = IPv4Packet.fragments(of: IPv4Packet.sctpData(Self.relM3UA, ppid: 3, tsn: 2, from: Self.sg, to: Self.asp,
                                                             identification: 2), size: 32)
        var capture = Capture(.ipv4)
        for packet in [a[0], b[0]] + b.dropFirst() + [a[1]] { capture.add(packet) }
        let (messages, unreadable) = try capture.decoded(maximumPendingDatagrams: 1)
        #expect(messages.map(\.record) == [b.count + 1])
        #expect(unreadable.map(\.record) == [1, b.count + 2])
        #expect(unreadable[0].reason.hasPrefix("IPv4 datagram 192.0.2.20 → 192.0.2.1 identification 1 protocol 132: "
            + "1 fragment(s), 32 octet(s), incomplete; dropped"))
        #expect(unreadable[1].reason.hasSuffix("the capture ends before the rest"))
    }

    static let options = Array(("OPTIONS sip:gw@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.30:5060;branch=z9hG4bK1\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:p@192.0.2.30>;tag=1\r\nTo: <sip:gw@192.0.2.1>\r\nCall-ID: c1@192.0.2.30\r\n"
        + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").utf8)
    static let udpRoute = SIPRoute(transport: .udp, sourceAddress: "192.0.2.30", sourcePort: 5060,
                                   destinationAddress: "192.0.2.1", destinationPort: 5060)

    /// LINKTYPE_LINUX_SLL and LINKTYPE_LINUX_SLL2 (tcpdump.org): SIP over UDP; a UDP datagram that is not SIP
    /// (a DNS-like query to port 53) yields nothing and is not reported.
    @Test("Linux SLL and SLL2, SIP over UDP; other UDP ignored", .needsWireshark,
          arguments: [LinkType.linuxSLL, .linuxSLL2])
    func linuxCooked(_ linkType: LinkType) throws {
        let frame: ([UInt8]) -> [UInt8] = linkType == .linuxSLL ? { CaptureFrames.sll($0) } : { CaptureFrames.sll2($0) }
        var capture = Capture(linkType)
        capture.add(frame(IPv4Packet.udp([0x12, 0x34, 1, 0, 0, 1, 0, 0], from: Self.peer,
                                         to: IPv4Endpoint(address: Self.gateway.address, port: 53))))
        capture.add(frame(IPv4Packet.udp(Self.options, from: Self.peer, to: Self.gateway)))
        Self.expect(try capture.payloads(), [(2, .sip(Self.options, Self.udpRoute))])
        let rows = try capture.tshark(["ip.src", "sip.Method"])
        #expect(rows == [["192.0.2.30", ""], ["192.0.2.30", "OPTIONS"]])
    }

    static let v6a: [UInt8] = [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [1]
    static let v6b: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]

    /// RFC 8200 §4.3, §4.6: Hop-by-Hop and Destination Options headers (one PadN option each) before SCTP; then
    /// SIP over UDP, whose addresses come out in RFC 5952 text.
    @Test("IPv6 with extension headers: M3UA over SCTP, SIP over UDP", .needsWireshark)
    func ipv6() throws {
        let padN: [UInt8] = [0, 0, 1, 4, 0, 0, 0, 0]
        let sctp = IPv4Packet.sctpPacket([IPv4Packet.dataChunk(Self.iamM3UA, ppid: 3, tsn: 5)],
                                         sourcePort: 2905, destinationPort: 2905)
        var capture = Capture(.ethernet)
        capture.add(CaptureFrames.ethernet(
            CaptureFrames.ipv6(sctp, nextHeader: 132, from: Self.v6a, to: Self.v6b,
                               extensions: [(0, padN), (60, padN)]), etherType: 0x86DD))
        capture.add(CaptureFrames.ethernet(
            CaptureFrames.udp6(Self.options, sourcePort: 5060, destinationPort: 5062, from: Self.v6a, to: Self.v6b),
            etherType: 0x86DD))
        Self.expect(try capture.payloads(), [
            (1, .isup(Self.iam, Self.route)),
            (2, .sip(Self.options, SIPRoute(transport: .udp, sourceAddress: "2001:db8::1", sourcePort: 5060,
                                            destinationAddress: "2001:db8::2", destinationPort: 5062))),
        ])
        let rows = try capture.tshark(["ipv6.src", "ipv6.dst", "isup.cic", "sip.Method", "udp.checksum.status"],
                                      options: ["-o", "udp.check_checksum:TRUE"])
        #expect(rows == [["2001:db8::1", "2001:db8::2", Self.cic, "", ""],
                         ["2001:db8::1", "2001:db8::2", "", "OPTIONS", "1"]])
    }

    /// RFC 4666 §1.3.2.2 framing over TCP: after the SYN, segment 1 holds message A and the start of B; segment 2
    /// the rest of B, a BEAT (no signalling) and C; segment 1 again (a retransmission); then D in two segments
    /// captured in the wrong order.
    @Test("M3UA over TCP: messages split across segments, two in one segment, retransmission, reordering", .needsWireshark)
    func m3uaOverTCP() throws {
        let a = Self.iamM3UA, b = Self.relM3UA
        let c = CaptureFrames.m3uaData(Self.iam, opc: 1000, dpc: 2000, sls: 9)
        let d = CaptureFrames.m3uaData(Self.rel, opc: 1000, dpc: 2000, sls: 10)
        let stream1 = a + b[..<10], stream2 = Array(b[10...]) + CaptureFrames.m3uaBeat + c
        let base: UInt32 = 1_000
        let s1 = base + 1, s2 = s1 + UInt32(stream1.count), s3 = s2 + UInt32(stream2.count), s4 = s3 + 30
        var capture = Capture(.ipv4)
        capture.add(IPv4Packet.tcp([], sequence: base, flags: IPv4Packet.tcpSYN, from: Self.sg, to: Self.asp))
        capture.add(IPv4Packet.tcp(stream1, sequence: s1, from: Self.sg, to: Self.asp))
        capture.add(IPv4Packet.tcp(stream2, sequence: s2, from: Self.sg, to: Self.asp))
        capture.add(IPv4Packet.tcp(stream1, sequence: s1, from: Self.sg, to: Self.asp))
        capture.add(IPv4Packet.tcp(Array(d[30...]), sequence: s4, from: Self.sg, to: Self.asp))
        capture.add(IPv4Packet.tcp(Array(d[..<30]), sequence: s3, from: Self.sg, to: Self.asp))
        let route = { (sls: UInt8, rc: UInt32?) in
            ISUPRoute(opc: 1000, dpc: 2000, sls: sls, networkIndicator: 2, routingContext: rc)
        }
        Self.expect(try capture.payloads(), [
            (2, .isup(Self.iam, Self.route)), (3, .isup(Self.rel, Self.route)), (3, .isup(Self.iam, route(9, nil))),
            (6, .isup(Self.rel, route(10, nil))),
        ])
        // tshark 4.0 has no M3UA over TCP ("m3ua" is no tcp.port protocol): it judges the segments only.
        // The second half of D comes after a gap ("previous segment not captured"); the first half, a second
        // later, is a retransmission to tshark, the gap's octets to the decoder.
        let rows = try capture.tshark(["tcp.analysis.retransmission", "tcp.analysis.lost_segment"])
        #expect(rows.map { !$0[0].isEmpty } == [false, false, false, true, false, true])
        #expect(rows.map { !$0[1].isEmpty } == [false, false, false, false, true, false])
    }

    static let invite = Array(("INVITE sip:+390612345678@192.0.2.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 192.0.2.30:5060;branch=z9hG4bK2\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:p@192.0.2.30>;tag=2\r\nTo: <sip:+390612345678@192.0.2.1>\r\n"
        + "Call-ID: c2@192.0.2.30\r\nCSeq: 1 INVITE\r\nContact: <sip:p@192.0.2.30;transport=tcp>\r\n"
        + "Content-Type: application/sdp\r\nContent-Length: 58\r\n\r\n"
        + "v=0\r\no=- 1 1 IN IP4 192.0.2.30\r\ns=-\r\nc=IN IP4 192.0.2.30\r\n").utf8)
    static let bye = Array(("BYE sip:gw@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.30:5060;branch=z9hG4bK3\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:p@192.0.2.30>;tag=2\r\nTo: <sip:gw@192.0.2.1>;tag=9\r\n"
        + "Call-ID: c2@192.0.2.30\r\nCSeq: 2 BYE\r\nl: 0\r\n\r\n").utf8)

    /// RFC 3261 §18.3: an INVITE with a 58-octet body cut inside its header and inside its body, then a BYE with
    /// the compact `l: 0` in the same segment, with or without a CRLF keep-alive (RFC 5626 §3.5.1) between them
    /// (tshark 4.0 does not find the BYE behind one, so it judges the capture without).
    @Test("SIP over TCP framed by Content-Length across segments", .needsWireshark, arguments: [false, true])
    func sipOverTCP(keepAlive: Bool) throws {
        #expect(Self.invite.count - (Self.invite.firstRange(of: Array("\r\n\r\n".utf8))!.lowerBound + 4) == 58)
        let stream = Self.invite + (keepAlive ? Array("\r\n\r\n".utf8) : []) + Self.bye
        let cuts = [0, 100, Self.invite.count - 20, stream.count]
        var capture = Capture(.ipv4)
        for i in 0..<3 {
            capture.add(IPv4Packet.tcp(Array(stream[cuts[i]..<cuts[i + 1]]), sequence: 5_000 + UInt32(cuts[i]),
                                       from: Self.peer, to: Self.gateway))
        }
        let route = SIPRoute(transport: .tcp, sourceAddress: "192.0.2.30", sourcePort: 5060,
                             destinationAddress: "192.0.2.1", destinationPort: 5060)
        Self.expect(try capture.payloads(), [(3, .sip(Self.invite, route)), (3, .sip(Self.bye, route))])
        guard !keepAlive else { return }
        let rows = try capture.tshark(["sip.Method"])
        #expect(rows.map { $0[0] } == ["", "", "INVITE,BYE"])
    }

    /// LINKTYPE_MTP2_WITH_PHDR: the pseudo-header (sent 1, Annex A 0, link 2), then the vectors.md A10 MSU; a
    /// FISU (LI 0) yields nothing; the same MSU with Annex A (Q.703 Annex A): 12-bit BSN and FSN on 2 octets
    /// each, LI 31 on 9 bits.
    @Test("MTP2 with pseudo-header, basic and Annex A", .needsWireshark)
    func mtp2WithPseudoHeader() throws {
        let msu = octets(Vectors.iamMTP2)
        var capture = Capture(.mtp2WithPseudoHeader)
        capture.add([1, 0, 0, 2] + msu)
        capture.add([1, 0, 0, 2, 0x81, 0x82, 0x00])
        capture.add([1, 1, 0, 2, 0x01, 0x80, 0x02, 0x80, 31, 0] + msu.dropFirst(3))
        let route = ISUPRoute(opc: 333, dpc: 444, sls: 14, networkIndicator: 0)
        let isup = octets(Vectors.iamMTP2ISUP)
        Self.expect(try capture.payloads(), [(1, .isup(isup, route)), (3, .isup(isup, route))])
        let rows = try capture.tshark(["isup.cic", "mtp3.opc", "mtp3.dpc"])
        #expect(rows == [["5", "333", "444"], ["", "", ""], ["5", "333", "444"]])
    }

    /// RFC 4165 §2.3.2: M2PA User Data (PPID 5) with the isup-q763.md §7.1 MSU (SIO 0x85, OPC 1000, DPC 2000, SLS 3).
    @Test("M2PA User Data over SCTP", .needsWireshark)
    func m2pa() throws {
        var capture = Capture(.ipv4)
        capture.add(IPv4Packet.sctpData(CaptureFrames.m2paUserData(octets(Vectors.iamMTP3)), ppid: 5, tsn: 1,
                                        from: IPv4Endpoint(address: Self.sg.address, port: 3565),
                                        to: IPv4Endpoint(address: Self.asp.address, port: 3565)))
        let route = ISUPRoute(opc: 1000, dpc: 2000, sls: 3, networkIndicator: 2)
        Self.expect(try capture.payloads(), [(1, .isup(Self.iam, route))])
        let rows = try capture.tshark(["m2pa.type", "isup.cic", "mtp3.opc"])
        #expect(rows == [["1", Self.cic, "1000"]])
    }

    /// Bad records are reported with their numbers, and the records after them are still decoded: an Ethernet
    /// frame cut inside the IPv4 header, a good one, an M3UA message of version 2 (at octet 14 + 20 + 12 + 16),
    /// an IHL of 4; a capture of a link type the decoder does not read; MTP2 records cut in the pseudo-header
    /// and in the Annex A header.
    @Test("truncated, malformed and unknown-link-type records reported with their numbers")
    func unreadableRecords() throws {
        var bad = Self.iamM3UA
        bad[0] = 2
        var shortHeader = IPv4Packet.sctpData(Self.iamM3UA, ppid: 3, tsn: 3, from: Self.sg, to: Self.asp)
        shortHeader[0] = 0x44
        var capture = Capture(.ethernet)
        capture.add(CaptureFrames.ethernet(Array(IPv4Packet.sctpData(Self.iamM3UA, ppid: 3, tsn: 1, from: Self.sg,
                                                                     to: Self.asp).prefix(10))))
        capture.add(CaptureFrames.ethernet(IPv4Packet.sctpData(Self.iamM3UA, ppid: 3, tsn: 1, from: Self.sg, to: Self.asp)))
        capture.add(CaptureFrames.ethernet(IPv4Packet.sctpData(bad, ppid: 3, tsn: 2, from: Self.sg, to: Self.asp)))
        capture.add(CaptureFrames.ethernet(shortHeader))
        let (messages, unreadable) = try capture.decoded()
        #expect(messages.map(\.record) == [2])
        #expect(unreadable.map(\.description) == [
            "record 1: offset 14, IPv4 header: truncated: 20 octet(s) needed, 10 available",
            "record 3: offset 62, M3UA version: version 2, only 1 is defined (RFC 4666 §3.1.1)",
            "record 4: offset 14, IPv4 header length: IHL 4, below 5 (RFC 791 §3.1)",
        ])

        var other = Capture(LinkType(rawValue: 147))
        other.add([1, 2, 3])
        other.add([4, 5, 6])
        let (none, reports) = try other.decoded()
        #expect(none.isEmpty)
        #expect(reports.map(\.record) == [1, 2])
        #expect(reports[0].reason.hasPrefix("offset 0, link type: link type 147 is not supported"))

        var mtp2 = Capture(.mtp2WithPseudoHeader)
        mtp2.add([1, 0])
        mtp2.add([1, 1, 0, 2, 0x01, 0x80, 0x02])
        #expect(try mtp2.decoded().1.map(\.description) == [
            "record 1: offset 0, MTP2 pseudo-header: truncated: 4 octet(s) needed, 2 available",
            "record 2: offset 4, MTP2 header (Q.703 Annex A): truncated: 6 octet(s) needed, 3 available",
        ])
    }
}
