import OracleSupport
import Testing
import Trace

/// pcapng files (draft-ietf-opsawg-pcapng): written by text2pcap, or built by hand where text2pcap cannot.
@Suite("pcapng")
struct PcapngTests {
    @Test("text2pcap's default output: SHB with options, IDB with if_tsresol 9, EPBs",
          .needsWireshark)
    func text2pcapFile() throws {
        var packets = ClassicPcapTests.packets
        packets[0].time = "1795515330.123456789"
        let file = try Tshark.capture(packets, text2pcap: ["-l", "141"])
        #expect(try PcapReader(bytes: file).format == .pcapng)
        ClassicPcapTests.expectTwoPackets(try PcapReader.records(in: file), nanoseconds: 123_456_789)
    }

    /// Big-endian section: IDB 0 MTP3 default resolution (µs), IDB 1 MTP2 with if_tsresol 2^-3 s and
    /// if_tsoffset 100 s; a Name Resolution Block and an
    /// Interface Statistics Block to skip; EPBs on both; an SPB.
    static func bigEndianFile() -> [UInt8] {
        var b = PcapngBuilder(byteOrder: .bigEndian)
        b.sectionHeader()
        b.interface(.mtp3, options: b.option(2, Array("mtp3 link".utf8)) + b.option(0, []))
        b.block(4, b.u16(0) + b.u16(0))  // Name Resolution Block with nrb_record_end only
        b.interface(.mtp2, snapLength: 65535, options: b.option(9, [0x83]) + b.option(14, b.u64(100)))
        b.enhancedPacket(interface: 0, units: 1_795_515_330_123_456, octets(Vectors.iamMTP3))
        b.block(5, b.u32(0) + b.u32(0) + b.u32(0))  // Interface Statistics Block, no options
        b.enhancedPacket(interface: 1, units: 8 * 1_795_515_330 + 3, octets(Vectors.iamMTP2))
        b.simplePacket(octets(Vectors.relMTP3))
        return b.bytes
    }

    @Test("big-endian section, two interfaces, skipped blocks, SPB")
    func bigEndian() throws {
        let records = try PcapReader.records(in: Self.bigEndianFile())
        #expect(records.map(\.number) == [1, 2, 3])
        #expect(records.map(\.linkType) == [.mtp3, .mtp2, .mtp3])
        #expect(records.map(\.interfaceID) == [0, 1, 0])
        #expect(records.map { Array($0.data) } == [Vectors.iamMTP3, Vectors.iamMTP2, Vectors.relMTP3].map(octets))
        #expect(records.map(\.timestamp) == [
            CaptureTimestamp(seconds: 1_795_515_330, nanoseconds: 123_456_000),
            CaptureTimestamp(seconds: 1_795_515_430, nanoseconds: 375_000_000),
            nil,
        ])
    }

    @Test("tshark reads the hand-built big-endian file the same way",
          .needsWireshark)
    func bigEndianInTshark() throws {
        let rows = try Tshark.fields(
            ofCapture: Self.bigEndianFile(),
            fields: ["frame.interface_id", "frame.len", "isup.cic", "isup.message_type", "frame.time_epoch"])
        #expect(rows.map { $0.prefix(4) } == [["0", "35", "291", "1"], ["1", "34", "5", "1"], ["0", "13", "291", "12"]])
        #expect(rows.prefix(2).map(\.last) == ["1795515330.123456000", "1795515430.375000000"])
    }

    @Test("a new section forgets the interfaces of the previous one and may change byte order")
    func sections() throws {
        var little = PcapngBuilder(byteOrder: .littleEndian)
        little.sectionHeader()
        little.interface(.mtp3)
        little.interface(.mtp2)
        little.enhancedPacket(interface: 1, units: 0, octets(Vectors.iamMTP2))
        var big = PcapngBuilder(byteOrder: .bigEndian)
        big.sectionHeader()
        big.interface(.mtp3)
        big.enhancedPacket(interface: 0, units: 0, octets(Vectors.relMTP3))
        let secondSection = little.bytes.count
        big.enhancedPacket(interface: 1, units: 0, octets(Vectors.relMTP3))
        var reader = try PcapReader(bytes: little.bytes + big.bytes)
        #expect(try reader.next()?.linkType == .mtp2)
        #expect(try reader.next()?.data.elementsEqual(octets(Vectors.relMTP3)) == true)
        let thirdPacket = secondSection + big.bytes.count - (32 + 16) + 8
        #expect(throws: TraceError(offset: thirdPacket, field: "enhanced packet block", packet: 3,
                                   reason: .unknownInterface(id: 1, declared: 1))) {
            try reader.next()
        }
    }

    @Test("SPB captured length: the smallest of original length, snap length and block room")
    func simplePacketLength() throws {
        var b = PcapngBuilder(byteOrder: .littleEndian)
        b.sectionHeader()
        b.interface(.mtp3, snapLength: 6)
        b.simplePacket(octets(Vectors.relMTP3))
        b.simplePacket(octets(Vectors.relMTP3), originalLength: 3)
        let records = try PcapReader.records(in: b.bytes)
        #expect(records.map { Array($0.data) } == [Array(octets(Vectors.relMTP3).prefix(6)), [0x85, 0, 0]])
        #expect(records.map(\.originalLength) == [13, 3])
    }

    @Test("every truncation of text2pcap's pcapng is a typed error or a prefix of its records",
          .needsWireshark)
    func truncations() throws {
        let file = try Tshark.capture(ClassicPcapTests.packets, text2pcap: ["-l", "141"])
        try expectEveryCutIsTruncatedOrAPrefix(of: file, from: 4)
    }

    @Test("garbled blocks name offset and block")
    func garbled() throws {
        var b = PcapngBuilder(byteOrder: .littleEndian)
        b.sectionHeader()
        let idb = b.bytes.count
        b.interface(.mtp3)
        let epb = b.bytes.count
        b.enhancedPacket(interface: 0, units: 0, octets(Vectors.relMTP3))
        let good = b.bytes

        var badOrder = good
        badOrder[8] = 0x4E
        #expect(throws: TraceError(offset: 8, field: "section header block",
                                   reason: .unknownByteOrderMagic(0x1A2B_3C4E))) {
            try PcapReader.records(in: badOrder)
        }
        var odd = good
        odd[idb + 4] = 21
        #expect(throws: TraceError(offset: idb + 4, field: "interface description block",
                                   reason: .invalidBlockLength(21))) {
            try PcapReader.records(in: odd)
        }
        var mismatch = good
        mismatch[good.count - 4] = 0x34
        #expect(throws: TraceError(offset: good.count - 4, field: "enhanced packet block", packet: 1,
                                   reason: .blockLengthMismatch(leading: 48, trailing: 0x34))) {
            try PcapReader.records(in: mismatch)
        }
        var overrun = good
        overrun[epb + 20] = 17
        #expect(throws: TraceError(offset: epb + 20, field: "enhanced packet block captured length", packet: 1,
                                   reason: .lengthOverrun(length: 17, available: 16))) {
            try PcapReader.records(in: overrun)
        }
        var version2 = good
        version2[12] = 2
        #expect(throws: TraceError(offset: 12, field: "section header block",
                                   reason: .unsupportedVersion(major: 2, minor: 0))) {
            try PcapReader.records(in: version2)
        }
        var noInterface = PcapngBuilder(byteOrder: .littleEndian)
        noInterface.sectionHeader()
        noInterface.simplePacket([0x85])
        #expect(throws: TraceError.self) { try PcapReader.records(in: noInterface.bytes) }
    }
}
