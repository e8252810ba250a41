import OracleSupport
import Testing
import Trace

/// MTP3 message signal units and the ISUP messages inside LINKTYPE_MTP3 (141) and LINKTYPE_MTP2 (140) records.
@Suite("Signal units")
struct SignalUnitTests {
    @Test("MTP3: SIO, routing label and the ISUP message from the CIC on (spec/isup-q763.md §7.1 framing)",
          .needsWireshark)
    func mtp3() throws {
        let file = try Tshark.capture(ClassicPcapTests.packets, text2pcap: ["-l", "141"])
        let record = try #require(try PcapReader.records(in: file).first)
        let unit = try #require(try record.messageSignalUnit())
        #expect(unit.serviceIndicator == 5)
        #expect(unit.networkIndicator == 2)
        #expect(unit.routingLabel == RoutingLabel(destinationPointCode: 2000, originatingPointCode: 1000,
                                                  signallingLinkSelection: 3))
        #expect(try record.isupMessage().map(Array.init) == octets(Vectors.iam))
        #expect(unit.encoded == octets(Vectors.iamMTP3))
    }

    @Test("MTP2: FISU and LSSU carry no message; an MSU after BSN/FSN/LI (spec/vectors.md A10)",
          .needsWireshark)
    func mtp2() throws {
        let packets = ["81 82 00", "81 82 01 01", Vectors.iamMTP2].map { Tshark.TimedPacket(octets($0)) }
        let records = try PcapReader.records(in: try Tshark.capture(packets, text2pcap: ["-l", "140"]))
        #expect(records.count == 3)
        #expect(try records.map { try $0.isupMessage().map(Array.init) } == [nil, nil, octets(Vectors.iamMTP2ISUP)])
        let unit = try #require(try records[2].messageSignalUnit())
        #expect(unit.routingLabel == RoutingLabel(destinationPointCode: 444, originatingPointCode: 333,
                                                  signallingLinkSelection: 14))
        #expect(unit.networkIndicator == 0)
    }

    @Test("other user parts are no ISUP; short units and other link types are typed errors")
    func notISUP() throws {
        var writer = PcapWriter(linkType: .mtp3)
        writer.append(octets("83 D0 07 FA 30 09 00 11"), at: CaptureTimestamp(seconds: 0))  // SI 3, SCCP
        writer.append(octets("85 D0 07"), at: CaptureTimestamp(seconds: 0))
        let records = try PcapReader.records(in: writer.bytes)
        #expect(try records[0].messageSignalUnit()?.serviceIndicator == 3)
        #expect(try records[0].isupMessage() == nil)
        let short = 24 + 16 + 8 + 16
        #expect(throws: TraceError(offset: short, field: "routing label", packet: 2,
                                   reason: .truncated(needed: 5, available: 3))) {
            try records[1].isupMessage()
        }

        var mtp2 = PcapWriter(linkType: .mtp2)
        mtp2.append([0x81, 0x82], at: CaptureTimestamp(seconds: 0))
        let header = try #require(try PcapReader.records(in: mtp2.bytes).first)
        #expect(throws: TraceError(offset: 40, field: "MTP2 header", packet: 1,
                                   reason: .truncated(needed: 3, available: 2))) {
            try header.isupMessage()
        }

        var ethernet = PcapWriter(linkType: LinkType(rawValue: 1))
        ethernet.append([UInt8](repeating: 0, count: 60), at: CaptureTimestamp(seconds: 0))
        let frame = try #require(try PcapReader.records(in: ethernet.bytes).first)
        #expect(throws: TraceError(offset: 40, field: "link type", packet: 1,
                                   reason: .unsupportedLinkType(LinkType(rawValue: 1)))) {
            try frame.isupMessage()
        }
    }

    @Test("routing label octets: 32 bits, least significant octet first (Q.704 §2.2)")
    func routingLabel() {
        let label = RoutingLabel(octets: octets("bc 41 53 e0"))
        #expect(label == RoutingLabel(destinationPointCode: 444, originatingPointCode: 333,
                                      signallingLinkSelection: 14))
        #expect(label.octets == octets("bc 41 53 e0"))
    }
}
