import OracleSupport
import Testing
@testable import Trace

/// `CaptureDecoder` on IPv6 fragments, on bad input inside reassembled buffers and streams, and at its bounds:
/// every problem an `UnreadableRecord` with the record number and the offset and field, counted by hand from
/// the layouts (IPv4 header 20 octets, SCTP common header 12, DATA chunk header 16; RFC 791, RFC 4960).
@Suite("CaptureDecoder errors and bounds")
struct CaptureDecoderErrorTests {
    typealias T = CaptureDecoderTests
    static let flow = "192.0.2.20:2905 → 192.0.2.1:2905"

    /// RFC 8200 §4.5: the SCTP packet in two fragments (offset 0 with M, offset 48 without), identification 7.
    @Test("IPv6 fragments reassembled", .needsWireshark)
    func ipv6Fragments() throws {
        let sctp = IPv4Packet.sctpPacket([IPv4Packet.dataChunk(T.iamM3UA, ppid: 3, tsn: 5)],
                                         sourcePort: 2905, destinationPort: 2905)
        let fragment = { (offset: Int, more: Bool) -> [UInt8] in
            [0, 0, UInt8(offset >> 8), UInt8(offset & 0xF8) | (more ? 1 : 0), 0, 0, 0, 7]
        }
        var capture = T.Capture(.ipv6)
        capture.add(CaptureFrames.ipv6(Array(sctp[..<48]), nextHeader: 132, from: T.v6a, to: T.v6b,
                                       extensions: [(44, fragment(0, true))]))
        capture.add(CaptureFrames.ipv6(Array(sctp[48...]), nextHeader: 132, from: T.v6a, to: T.v6b,
                                       extensions: [(44, fragment(48, false))]))
        T.expect(try capture.payloads(), [(2, .isup(T.iam, T.route))])
        let rows = try capture.tshark(["ipv6.fraghdr.nxt", "isup.cic"])
        #expect(rows == [["132", ""], ["132", T.cic]])
    }

    /// A DATA chunk, then a chunk whose length field (at 20 + 12 + 16 + 64 + 2) says 2: the message is kept.
    @Test("a bad SCTP chunk after a good DATA chunk")
    func badChunk() throws {
        var packet = IPv4Packet.sctp([IPv4Packet.dataChunk(T.iamM3UA, ppid: 3, tsn: 1), [0x0E, 0, 0, 2]],
                                     from: T.sg, to: T.asp)
        packet[3] = UInt8(packet.count)  // the IPv4 total length stays right (it is below 256 here)
        var capture = T.Capture(.ipv4)
        capture.add(packet)
        let (messages, unreadable) = try capture.decoded()
        #expect(messages.map(\.payload) == [.isup(T.iam, T.route)])
        #expect(unreadable.map(\.description) == [
            "record 1: offset 114, SCTP chunk length: 2, less than the 4-octet chunk header",
        ])
    }

    /// An M3UA message of version 2 in two DATA chunks: the offset counts in the reassembled user message.
    @Test("malformed M3UA in a reassembled SCTP message")
    func malformedReassembled() throws {
        var bad = T.iamM3UA
        bad[0] = 2
        var capture = T.Capture(.ipv4)
        capture.add(IPv4Packet.sctp([IPv4Packet.dataChunk(bad[..<30], ppid: 3, tsn: 10, beginning: true, ending: false)],
                                    from: T.sg, to: T.asp))
        capture.add(IPv4Packet.sctp([IPv4Packet.dataChunk(bad[30...], ppid: 3, tsn: 11, beginning: false, ending: true)],
                                    from: T.sg, to: T.asp))
        let (messages, unreadable) = try capture.decoded()
        #expect(messages.isEmpty)
        #expect(unreadable.map(\.description) == [
            "record 2: offset 0 of the SCTP user message of TSN 10–11, \(Self.flow), M3UA version: "
                + "version 2, only 1 is defined (RFC 4666 §3.1.1)",
        ])
    }

    /// M3UA over TCP: a good message, then octets of version 9 where the next header should be: reported, and
    /// the rest of that stream ignored; on another stream, a well-framed message of an undefined type (class 1,
    /// type 9), whose offset counts in the message; on a third, half a message when the capture ends.
    @Test("M3UA over TCP: lost framing, a malformed message, a stream ending inside a message")
    func m3uaStreamErrors() throws {
        let other = IPv4Endpoint(address: T.sg.address, port: 40_000)
        let third = IPv4Endpoint(address: T.sg.address, port: 40_001)
        var undefined = CaptureFrames.m3uaBeat
        undefined[2] = 1
        undefined[3] = 9
        var capture = T.Capture(.ipv4)
        capture.add(IPv4Packet.tcp(T.iamM3UA + [9, 0, 0, 0, 0, 0, 0, 8], sequence: 1, from: T.sg, to: T.asp))
        capture.add(IPv4Packet.tcp(T.relM3UA, sequence: 1 + UInt32(T.iamM3UA.count) + 8, from: T.sg, to: T.asp))
        capture.add(IPv4Packet.tcp(undefined, sequence: 1, from: other, to: T.asp))
        capture.add(IPv4Packet.tcp(Array(T.iamM3UA[..<30]), sequence: 1, from: third, to: T.asp))
        let (messages, unreadable) = try capture.decoded()
        #expect(messages.map(\.record) == [1])
        #expect(unreadable.map(\.description) == [
            "record 1: TCP stream \(Self.flow), stream offset 64: M3UA version 9, not 1: the stream lost its framing; "
                + "the rest of the stream is ignored",
            "record 3: offset 3 of the M3UA message at stream offset 0 of TCP stream 192.0.2.20:40000 → 192.0.2.1:2905, "
                + "M3UA messageType: message type 9 is not defined in this class (RFC 4666 §3.1.2)",
            "record 4: TCP stream 192.0.2.20:40001 → 192.0.2.1:2905, stream offset 0: 30 octet(s) of an incomplete "
                + "M3UA message when the stream ends",
        ])
    }

    /// A SIP request line followed by 80,000 octets without the empty line ending a header.
    @Test("SIP over TCP: a header past 64 KiB is reported")
    func sipHeaderBound() throws {
        let stream = Array("INVITE sip:a@192.0.2.1 SIP/2.0\r\nX: ".utf8) + [UInt8](repeating: 0x61, count: 80_000)
        var capture = T.Capture(.ipv4)
        capture.add(IPv4Packet.tcp(Array(stream[..<40_000]), sequence: 1, from: T.peer, to: T.gateway))
        capture.add(IPv4Packet.tcp(Array(stream[40_000...]), sequence: 40_001, from: T.peer, to: T.gateway))
        let (messages, unreadable) = try capture.decoded()
        #expect(messages.isEmpty)
        #expect(unreadable.map(\.description) == [
            "record 2: TCP stream 192.0.2.30:5060 → 192.0.2.1:5060, stream offset 0: SIP header at offset 0: "
                + "no empty line within 65536 octets (RFC 3261 §7); the rest of the stream is ignored",
        ])
    }

    /// Beginning fragments of 60,000 octets on odd TSNs (none completes): the 18th passes the 1 MiB bound, so
    /// the 17 waiting are dropped and reported under the first record; the 18th is reported at the end.
    @Test("SCTP fragments are bounded")
    func sctpFragmentBound() throws {
        var capture = T.Capture(.ipv4)
        for i in 0..<18 {
            capture.add(IPv4Packet.sctp([IPv4Packet.dataChunk([UInt8](repeating: 1, count: 60_000), ppid: 3,
                                                              tsn: UInt32(2 * i + 1), beginning: true, ending: false)],
                                        from: T.sg, to: T.asp))
        }
        let (messages, unreadable) = try capture.decoded()
        #expect(messages.isEmpty)
        #expect(unreadable.map(\.record) == [1, 18])
        #expect(unreadable[0].reason.hasPrefix("SCTP \(Self.flow): 17 fragment(s) of user messages (TSN 1, 3, 5, 7, "
            + "9, 11, 13, 15, ...), 1020000 octet(s), incomplete; dropped"))
        #expect(unreadable[1].reason.hasSuffix("incomplete; the capture ends before the rest"))
    }

    /// A packet cut at a snap length of 40 octets: the IPv4 total length (20 + 12 + 16 + 64) runs past the 26
    /// octets captured after the Ethernet header, and the reason says the capture cut the packet.
    @Test("a record cut at the snap length")
    func snapLength() throws {
        var writer = PcapWriter(linkType: .ethernet, snapLength: 40)
        writer.append(CaptureFrames.ethernet(IPv4Packet.sctpData(T.iamM3UA, ppid: 3, tsn: 1, from: T.sg, to: T.asp)),
                      at: CaptureTimestamp(seconds: 0))
        var decoder = CaptureDecoder()
        for record in try PcapReader.records(in: writer.bytes) { #expect(decoder.decode(record).isEmpty) }
        #expect(decoder.unreadable.map(\.description) == [
            "record 1: offset 16, IPv4 total length: 112 octets, 26 captured "
                + "(the capture kept 40 of the packet's 126 octets)",
        ])
    }
}

/// Transports around the common cases: SCTP over UDP, PPID 0, CRLF keep-alives opening a stream, closed streams,
/// and the text of IPv6 addresses.
@Suite("CaptureDecoder transports")
struct CaptureDecoderTransportTests {
    typealias T = CaptureDecoderTests

    /// RFC 6951 §5.1 SCTP over UDP port 9899; PPID 0 on port 2905 is M3UA (RFC 4666 §1.4.7), as to Wireshark.
    @Test("SCTP over UDP, PPID 0 on the M3UA port", .needsWireshark)
    func sctpOverUDP() throws {
        let sctp = IPv4Packet.sctpPacket([IPv4Packet.dataChunk(T.iamM3UA, ppid: 0, tsn: 1)],
                                         sourcePort: 2905, destinationPort: 2905)
        var capture = T.Capture(.ipv4)
        capture.add(IPv4Packet.udp(sctp, from: IPv4Endpoint(address: T.sg.address, port: 9899),
                                   to: IPv4Endpoint(address: T.asp.address, port: 9900)))
        T.expect(try capture.payloads(), [(1, .isup(T.iam, T.route))])
        let rows = try capture.tshark(["sctp.data_payload_proto_id", "isup.cic"])
        #expect(rows == [["0", T.cic]])
    }

    /// RFC 5626 §3.5.1: a CRLF keep-alive before the first message of a SIP stream; the stream closed (FIN) after
    /// the INVITE, and a new connection on the same addresses and ports whose SYN the capture missed (sequence
    /// numbers far before the old ones).
    @Test("SIP over TCP: keep-alive first, a closed stream forgotten")
    func closedStream() throws {
        let route = SIPRoute(transport: .tcp, sourceAddress: "192.0.2.30", sourcePort: 5060,
                             destinationAddress: "192.0.2.1", destinationPort: 5060)
        var capture = T.Capture(.ipv4)
        capture.add(IPv4Packet.tcp(Array("\r\n\r\n".utf8) + T.invite, sequence: 90_000, from: T.peer, to: T.gateway))
        capture.add(IPv4Packet.tcp([], sequence: 90_004 + UInt32(T.invite.count), flags: IPv4Packet.tcpACK | 0x01,
                                   from: T.peer, to: T.gateway))
        capture.add(IPv4Packet.tcp(T.bye, sequence: 7, from: T.peer, to: T.gateway))
        T.expect(try capture.payloads(), [(1, .sip(T.invite, route)), (3, .sip(T.bye, route))])
    }

    /// draft-ietf-opsawg-pcapng §4.2: each record decoded by its own interface's link type (Ethernet, MTP3,
    /// SLL2); a Simple Packet Block (§4.4, interface 0) gives a message without a timestamp.
    @Test("pcapng with interfaces of several link types", .needsWireshark)
    func pcapngInterfaces() throws {
        var file = PcapngBuilder(byteOrder: .littleEndian)
        file.sectionHeader()
        file.interface(.ethernet)
        file.interface(.mtp3)
        file.interface(.linuxSLL2)
        let sctp = CaptureFrames.ethernet(IPv4Packet.sctpData(T.iamM3UA, ppid: 3, tsn: 1, from: T.sg, to: T.asp))
        file.enhancedPacket(interface: 0, units: 1_000_000, sctp)
        file.enhancedPacket(interface: 1, units: 2_000_000, octets(Vectors.iamMTP3))
        file.enhancedPacket(interface: 2, units: 3_000_000, CaptureFrames.sll2(IPv4Packet.udp(T.options, from: T.peer,
                                                                                               to: T.gateway)))
        file.simplePacket(CaptureFrames.ethernet(IPv4Packet.sctpData(T.relM3UA, ppid: 3, tsn: 2, from: T.sg, to: T.asp)))
        var decoder = CaptureDecoder()
        let messages = try PcapReader.records(in: file.bytes).flatMap { decoder.decode($0) }
        decoder.finish()
        #expect(decoder.unreadable == [])
        #expect(messages.map(\.record) == [1, 2, 3, 4])
        #expect(messages.map(\.timestamp) == [1, 2, 3].map { CaptureTimestamp(seconds: $0) } + [nil])
        #expect(messages.map(\.payload) == [
            .isup(T.iam, T.route), .isup(T.iam, ISUPRoute(opc: 1000, dpc: 2000, sls: 3, networkIndicator: 2)),
            .sip(T.options, T.udpRoute), .isup(T.rel, T.route),
        ])
        let rows = try Tshark.fields(ofCapture: file.bytes, fields: ["frame.interface_id", "isup.cic", "sip.Method"])
        #expect(rows == [["0", T.cic, ""], ["1", T.cic, ""], ["2", "", "OPTIONS"], ["0", T.cic, ""]])
    }

    /// RFC 5952 §4.2.1-§4.2.3 (shortest form, no `::` for one zero group, the first of equal runs) and §4.3
    /// (lower case).
    @Test("IPv6 addresses in RFC 5952 text", arguments: [
        ("2001:0db8:0000:0000:0001:0000:0000:0001", "2001:db8::1:0:0:1"),
        ("2001:0db8:0000:0001:0001:0001:0001:0001", "2001:db8:0:1:1:1:1:1"),
        ("2001:0db8:0000:0000:0001:0000:0000:0000", "2001:db8:0:0:1::"),
        ("0000:0000:0000:0000:0000:0000:0000:0001", "::1"),
        ("0000:0000:0000:0000:0000:0000:0000:0000", "::"),
        ("2001:0DB8:AAAA:BBBB:CCCC:DDDD:EEEE:0AAA", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaa"),
    ])
    func ipv6Text(_ full: String, _ expected: String) {
        #expect(IPAddress(octets(full.replacingOccurrences(of: ":", with: ""))).description == expected)
        #expect(IPAddress([192, 0, 2, 1]).description == "192.0.2.1")
    }
}
