import OracleSupport
import Testing
import Trace

@Suite("PcapWriter")
struct PcapWriterTests {
    static let times = [
        CaptureTimestamp(seconds: 1_795_515_330, nanoseconds: 123_456_000),
        CaptureTimestamp(seconds: 1_795_515_331, nanoseconds: 500_000_000),
    ]

    static func twoPackets() -> PcapWriter {
        var writer = PcapWriter(linkType: .mtp3)
        writer.append(octets(Vectors.iamMTP3), at: times[0])
        writer.append(octets(Vectors.relMTP3), at: times[1])
        return writer
    }

    @Test("writes the same octets as text2pcap -F pcap -l 141",
          .needsWireshark)
    func sameAsText2pcap() throws {
        let file = try Tshark.capture(
            ClassicPcapTests.packets, text2pcap: ["-F", "pcap", "-l", "141"])
        #expect(Self.twoPackets().bytes == file)
    }

    @Test("tshark decodes MTP3 and ISUP from a file written here",
          .needsWireshark)
    func tsharkReadsIt() throws {
        let rows = try Tshark.fields(
            ofCapture: Self.twoPackets().bytes,
            fields: ["frame.time_epoch", "mtp3.opc", "mtp3.dpc", "isup.cic", "isup.message_type", "isup.called",
                     "isup.calling"])
        #expect(rows == [
            ["1795515330.123456000", "1000", "2000", "291", "1", "14155551234", "442071234567"],
            ["1795515331.500000000", "0", "0", "291", "12", "", ""],
        ])
    }

    @Test("round trip through PcapReader; long packets are cut at the snap length")
    func roundTrip() throws {
        var writer = PcapWriter(linkType: .mtp2, snapLength: 10)
        let long = octets(Vectors.iamMTP2)
        writer.append(long, at: Self.times[0])
        writer.append(long.prefix(3), at: Self.times[1])
        let records = try PcapReader.records(in: writer.bytes)
        #expect(records.map { Array($0.data) } == [Array(long.prefix(10)), Array(long.prefix(3))])
        #expect(records.map(\.originalLength) == [long.count, 3])
        #expect(records.map(\.timestamp) == Self.times)
        #expect(records.map(\.linkType) == [.mtp2, .mtp2])
    }
}
