import OracleSupport
import Testing
@testable import Trace

/// Bad input never crashes the decoder nor passes silently: every cut of a good packet is reported (the IPv4,
/// IPv6 and UDP length fields, the link headers and the SCTP chunk lengths all bound what follows), and random
/// corruption of good records (a reproducible SplitMix64 sequence) only ever yields messages, reports or nothing.
@Suite("CaptureDecoder robustness")
struct CaptureDecoderRobustnessTests {
    typealias T = CaptureDecoderTests

    static var frames: [(LinkType, [UInt8])] {
        let sctp6 = IPv4Packet.sctpPacket([IPv4Packet.dataChunk(T.iamM3UA, ppid: 3, tsn: 5)], sourcePort: 2905,
                                          destinationPort: 2905)
        return [
            (.ethernet, CaptureFrames.ethernet(IPv4Packet.sctpData(T.iamM3UA, ppid: 3, tsn: 1, from: T.sg, to: T.asp),
                                               tags: [(0x8100, 5)])),
            (.linuxSLL2, CaptureFrames.sll2(IPv4Packet.udp(T.options, from: T.peer, to: T.gateway))),
            (.linuxSLL, CaptureFrames.sll(CaptureFrames.ipv6(sctp6, nextHeader: 132, from: T.v6a, to: T.v6b,
                                                             extensions: [(0, [0, 0, 1, 4, 0, 0, 0, 0])]),
                                          etherType: 0x86DD)),
            (.raw, IPv4Packet.tcp(T.relM3UA, sequence: 1, from: T.sg, to: T.asp)),
        ]
    }

    @Test("every cut of a packet is reported with its record, never decoded")
    func everyCutReported() throws {
        for (linkType, frame) in Self.frames {
            var whole = CaptureDecoder()
            #expect(whole.decode(Self.record(frame, linkType)).count == 1, "\(linkType)")
            #expect(whole.unreadable.isEmpty)
            for length in 0..<frame.count {
                var decoder = CaptureDecoder()
                let messages = decoder.decode(Self.record(Array(frame.prefix(length)), linkType))
                decoder.finish()
                #expect(messages.isEmpty, "\(linkType) cut at \(length)")
                #expect(decoder.unreadable.map(\.record) == [7], "\(linkType) cut at \(length): \(decoder.unreadable)")
            }
        }
    }

    @Test("random corruption: messages, reports or nothing, never a crash")
    func randomCorruption() {
        var random = SplitMix64(seed: 0x5EED_CAFE)
        var decoder = CaptureDecoder(maximumPendingDatagrams: 4)
        var number = 0
        let linkTypes: [LinkType] = [.ethernet, .raw, .linuxSLL, .linuxSLL2, .mtp2, .mtp2WithPseudoHeader, .mtp3, .ipv6]
        for _ in 0..<4_000 {
            var (linkType, frame) = Self.frames.randomElement(using: &random)!
            if random.next() % 4 == 0 { linkType = linkTypes.randomElement(using: &random)! }
            for _ in 0...(random.next() % 4) {
                frame[Int(random.next() % UInt64(frame.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            if random.next() % 3 == 0 { frame = Array(frame.prefix(Int(random.next() % UInt64(frame.count)))) }
            number += 1
            for message in decoder.decode(Self.record(frame, linkType, number: number)) {
                #expect(message.record == number)
            }
        }
        decoder.finish()
        #expect(decoder.unreadable.allSatisfy { (1...number).contains($0.record) && !$0.reason.isEmpty })
    }

    static func record(_ octets: [UInt8], _ linkType: LinkType, number: Int = 7) -> PcapRecord {
        PcapRecord(number: number, timestamp: CaptureTimestamp(seconds: 1), linkType: linkType, data: octets[...],
                   originalLength: octets.count)
    }
}
