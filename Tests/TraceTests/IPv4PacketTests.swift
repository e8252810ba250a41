import OracleSupport
import Testing
@testable import Trace

/// The synthetic IPv4/UDP/SCTP packets of `IPv4Packet`, checked against published check values and tshark
/// with checksum verification on (oracles.md §1: SCTP checksums are not verified unless asked).
@Suite("IPv4Packet")
struct IPv4PacketTests {
    static let sip = IPv4Endpoint("127.0.0.2", port: 5060)!, gateway = IPv4Endpoint("127.0.0.1", port: 5060)!
    static let sg = IPv4Endpoint("127.0.0.20", port: 2905)!, asp = IPv4Endpoint("127.0.0.1", port: 2905)!

    /// RFC 3720 §B.4: CRC32c of the ASCII digits "123456789" is 0xE3069283.
    @Test func crc32cCheckValue() {
        #expect(CRC32c.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    /// RFC 1071 §3 worked example: the sum of 00 01 F2 03 F4 F5 F6 F7 is DDF2, its complement 220D.
    @Test func internetChecksumExample() {
        #expect(IPv4Packet.internetChecksum([0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7]) == 0x220D)
    }

    @Test func dottedAddresses() {
        #expect(Self.sg.address == 0x7F00_0014)
        #expect(Self.sg.description == "127.0.0.20:2905")
        #expect(IPv4Endpoint("127.0.0", port: 1) == nil)
        #expect(IPv4Endpoint("127.0.0.256", port: 1) == nil)
    }

    /// A SIP OPTIONS over UDP, an M3UA BEAT in SCTP with PPID 3, and 5 octets of no protocol (PPID 0, port 9999,
    /// so that tshark does not take it for M3UA) to have the chunk padded.
    @Test("tshark finds every checksum good", .needsWireshark)
    func tsharkVerifiesChecksums() throws {
        let options = Array("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nContent-Length: 0\r\n\r\n".utf8)
        let beat: [UInt8] = [1, 0, 3, 3, 0, 0, 0, 16, 0, 9, 0, 5, 0xAB, 0, 0, 0]  // RFC 4666 §3.5.5, data AB
        var writer = PcapWriter(linkType: .ipv4)
        writer.append(IPv4Packet.udp(options, from: Self.sip, to: Self.gateway), at: CaptureTimestamp(seconds: 1))
        writer.append(IPv4Packet.sctpData(beat, ppid: IPv4Packet.m3uaPPID, tsn: 7, from: Self.sg, to: Self.asp),
                      at: CaptureTimestamp(seconds: 2))
        let other = IPv4Endpoint(address: Self.asp.address, port: 9999)
        writer.append(IPv4Packet.sctpData([1, 2, 3, 4, 5], ppid: 0, tsn: 1, from: other, to: other),
                      at: CaptureTimestamp(seconds: 3))
        let rows = try Tshark.fields(
            ofCapture: writer.bytes,
            fields: ["ip.src", "ip.dst", "ip.checksum.status", "udp.checksum.status", "sctp.checksum.status",
                     "sctp.data_tsn_raw", "sctp.data_payload_proto_id", "sip.Method", "m3ua.message_type", "_ws.malformed"],
            options: ["-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "sctp.checksum:crc-32c"])
        #expect(rows == [
            ["127.0.0.2", "127.0.0.1", "1", "1", "", "", "", "OPTIONS", "", ""],
            ["127.0.0.20", "127.0.0.1", "1", "", "1", "7", "3", "", "3", ""],
            ["127.0.0.1", "127.0.0.1", "1", "", "1", "1", "0", "", "", ""],
        ])
    }
}
