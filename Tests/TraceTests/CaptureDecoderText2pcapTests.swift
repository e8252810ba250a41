import Foundation
import OracleSupport
import Testing
@testable import Trace

/// `CaptureDecoder` on captures that text2pcap framed (its own Ethernet, IPv4/IPv6, SCTP, TCP and UDP headers),
/// an encoder independent of this repository's, around the oracles.md §1 M3UA DATA vector: IAM CIC 1 with
/// Routing Context 1, OPC 1, DPC 2, SI 5, NI 2, SLS 3.
@Suite("CaptureDecoder on text2pcap captures")
struct CaptureDecoderText2pcapTests {
    static let m3ua = octets("01 00 01 01 00 00 00 3c 00 06 00 08 00 00 00 01 02 10 00 2a 00 00 00 01 00 00 00 02"
        + " 05 02 00 03 01 00 01 00 60 01 0a 00 02 08 06 03 10 21 43 65 87 0a 06 83 13 55 15 32 04 00 00 00")
    static let iam = octets("01 00 01 00 60 01 0a 00 02 08 06 03 10 21 43 65 87 0a 06 83 13 55 15 32 04 00")
    static let route = ISUPRoute(opc: 1, dpc: 2, sls: 3, networkIndicator: 2, routingContext: 1)

    /// text2pcap's capture of `packets` with `options`, decoded: (record, payload) of each message, and the
    /// unreadable records.
    static func decode(_ packets: [[UInt8]], _ options: [String]) throws
        -> ([(Int, CapturedMessage.Payload)], [UnreadableRecord])
    {
        try ScratchDirectory.with("sipigw-text2pcap") { dir in
            let dump = dir.appendingPathComponent("in.txt"), capture = dir.appendingPathComponent("out.pcap")
            var text = ""
            for packet in packets {
                for start in stride(from: 0, to: packet.count, by: 16) {
                    text += String(format: "%06x ", start)
                        + packet[start..<min(start + 16, packet.count)].map { String(format: " %02x", $0) }.joined() + "\n"
                }
            }
            try text.write(to: dump, atomically: true, encoding: .utf8)
            let result = try Command.run(Tshark.text2pcapPath, ["-q", "-F", "pcap"] + options + [dump.path, capture.path])
            try #require(result.status == 0, "text2pcap: \(result.stderr)")
            var decoder = CaptureDecoder()
            var messages = [(Int, CapturedMessage.Payload)]()
            for record in try PcapReader.records(in: Array(try Data(contentsOf: capture))) {
                messages += decoder.decode(record).map { ($0.record, $0.payload) }
            }
            decoder.finish()
            return (messages, decoder.unreadable)
        }
    }

    @Test("Ethernet, IPv4, SCTP DATA with PPID 3 (text2pcap -S)", .needsWireshark)
    func sctp() throws {
        let (messages, unreadable) = try Self.decode([Self.m3ua, CaptureFrames.m3uaBeat], ["-S", "2905,2905,3"])
        #expect(unreadable == [])
        CaptureDecoderTests.expect(messages, [(1, .isup(Self.iam, Self.route))])
    }

    /// text2pcap -T numbers the segments consecutively from 0: the message cut after 25 octets, its rest
    /// followed by a BEAT in the second segment.
    @Test("M3UA over TCP in two segments (text2pcap -T)", .needsWireshark)
    func tcp() throws {
        let (messages, unreadable) = try Self.decode(
            [Array(Self.m3ua[..<25]), Array(Self.m3ua[25...]) + CaptureFrames.m3uaBeat], ["-T", "2905,2905"])
        #expect(unreadable == [])
        CaptureDecoderTests.expect(messages, [(2, .isup(Self.iam, Self.route))])
    }

    @Test("SIP over UDP over IPv6 (text2pcap -6 -u)", .needsWireshark)
    func sipOverIPv6() throws {
        let (messages, unreadable) = try Self.decode([CaptureDecoderTests.options],
                                                     ["-6", "2001:db8::a,2001:db8:0:1::b", "-u", "5060,5070"])
        #expect(unreadable == [])
        CaptureDecoderTests.expect(messages, [(1, .sip(CaptureDecoderTests.options, SIPRoute(
            transport: .udp, sourceAddress: "2001:db8::a", sourcePort: 5060,
            destinationAddress: "2001:db8:0:1::b", destinationPort: 5070)))])
    }
}
