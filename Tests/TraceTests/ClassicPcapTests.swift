import OracleSupport
import Testing
import Trace

/// Classic pcap files written by text2pcap (draft-ietf-opsawg-pcap §4–§5), read back by `PcapReader`.
@Suite("Classic pcap")
struct ClassicPcapTests {
    /// 2026-11-24T10:15:30Z, the first packet's time.
    static let epoch: Int64 = 1_795_515_330
    static let packets = [
        Tshark.TimedPacket(octets(Vectors.iamMTP3), time: "1795515330.123456"),
        Tshark.TimedPacket(octets(Vectors.relMTP3), time: "1795515331.5"),
    ]

    /// Both packets, in order, as MTP3 with the hexdump's times.
    static func expectTwoPackets(_ records: [PcapRecord], nanoseconds: UInt32) {
        #expect(records.count == 2)
        guard records.count == 2 else { return }
        #expect(records.map(\.number) == [1, 2])
        #expect(records.map(\.linkType) == [.mtp3, .mtp3])
        #expect(Array(records[0].data) == octets(Vectors.iamMTP3))
        #expect(Array(records[1].data) == octets(Vectors.relMTP3))
        #expect(records.map(\.originalLength) == [35, 13])
        #expect(records[0].timestamp == CaptureTimestamp(seconds: epoch, nanoseconds: nanoseconds))
        #expect(records[1].timestamp == CaptureTimestamp(seconds: epoch + 1, nanoseconds: 500_000_000))
    }

    @Test("microsecond magic, little-endian (text2pcap -F pcap)",
          .needsWireshark)
    func microseconds() throws {
        let file = try Tshark.capture(Self.packets, text2pcap: ["-F", "pcap", "-l", "141"])
        #expect(try PcapReader(bytes: file).format == .pcap(.littleEndian, nanosecondTimestamps: false))
        Self.expectTwoPackets(try PcapReader.records(in: file), nanoseconds: 123_456_000)
    }

    @Test("nanosecond magic (text2pcap -F nsecpcap)",
          .needsWireshark)
    func nanoseconds() throws {
        var packets = Self.packets
        packets[0].time = "1795515330.123456789"
        let file = try Tshark.capture(packets, text2pcap: ["-F", "nsecpcap", "-l", "141"])
        #expect(try PcapReader(bytes: file).format == .pcap(.littleEndian, nanosecondTimestamps: true))
        Self.expectTwoPackets(try PcapReader.records(in: file), nanoseconds: 123_456_789)
    }

    @Test("big-endian: text2pcap's file with every header field byte-swapped",
          .needsWireshark)
    func bigEndian() throws {
        let file = try Tshark.capture(Self.packets, text2pcap: ["-F", "pcap", "-l", "141"])
        let swapped = Self.byteSwapped(file)
        #expect(swapped != file)
        #expect(try PcapReader(bytes: swapped).format == .pcap(.bigEndian, nanosecondTimestamps: false))
        Self.expectTwoPackets(try PcapReader.records(in: swapped), nanoseconds: 123_456_000)
    }

    /// The same file as written on a big-endian host: header fields swapped (§4 sizes 4,2,2,4,4,4,4; §5 4×4),
    /// packet data untouched.
    static func byteSwapped(_ file: [UInt8]) -> [UInt8] {
        var out = file
        func swap(_ offset: Int, _ width: Int) { out[offset..<offset + width].reverse() }
        for (offset, width) in [(0, 4), (4, 2), (6, 2), (8, 4), (12, 4), (16, 4), (20, 4)] { swap(offset, width) }
        var record = 24
        while record < file.count {
            for field in 0..<4 { swap(record + 4 * field, 4) }
            let captured = Int(file[record + 8]) | Int(file[record + 9]) << 8
            record += 16 + captured
        }
        return out
    }

    @Test("every truncation of a file is a typed error or a prefix of its records",
          .needsWireshark)
    func truncations() throws {
        let file = try Tshark.capture(Self.packets, text2pcap: ["-F", "pcap", "-l", "141"])
        try expectEveryCutIsTruncatedOrAPrefix(of: file, completeAt: [24, 24 + 16 + 35])
    }

    @Test("truncated packet data names the packet, the field and where it starts")
    func truncatedPacketData() throws {
        var writer = PcapWriter(linkType: .mtp3)
        writer.append(octets(Vectors.relMTP3), at: CaptureTimestamp(seconds: 1))
        writer.append(octets(Vectors.iamMTP3), at: CaptureTimestamp(seconds: 2))
        let cut = Array(writer.bytes.dropLast(5))
        var reader = try PcapReader(bytes: cut)
        #expect(try reader.next()?.number == 1)
        #expect(throws: TraceError(offset: 24 + 16 + 13 + 16, field: "packet data", packet: 2,
                                   reason: .truncated(needed: 35, available: 30))) {
            try reader.next()
        }
    }

    @Test("a file that is not a capture")
    func garbled() throws {
        #expect(throws: TraceError(offset: 0, field: "file magic", reason: .truncated(needed: 4, available: 0))) {
            try PcapReader(bytes: [])
        }
        #expect(throws: TraceError(offset: 0, field: "file magic", reason: .unknownMagic(0x0A0D_3C3F))) {
            try PcapReader(bytes: Array("?<\r\n".utf8) + [UInt8](repeating: 0, count: 20))
        }
        var version3 = PcapWriter(linkType: .mtp3).bytes
        version3[4] = 3
        #expect(throws: TraceError(offset: 4, field: "pcap file header",
                                   reason: .unsupportedVersion(major: 3, minor: 4))) {
            try PcapReader(bytes: version3)
        }
        #expect(throws: TraceError(offset: 0, field: "pcap file header",
                                   reason: .truncated(needed: 24, available: 10))) {
            try PcapReader(bytes: Array(PcapWriter(linkType: .mtp3).bytes.prefix(10)))
        }
    }
}
