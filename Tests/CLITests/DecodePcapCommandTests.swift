import Foundation
import OracleSupport
import Testing

/// `sipigw decode --pcap`: captures written by text2pcap (LINKTYPE_MTP3 141, LINKTYPE_MTP2 140), checked against
/// tshark reading the same file.
@Suite(.enabled(if: Tshark.isAvailable || Tshark.isCI, Comment(rawValue: Tshark.missingNote)))
struct DecodePcapCommandTests {
    let sipigw = Command.builtProduct("sipigw")

    static func octets(_ hex: String) -> [UInt8] {
        hex.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    /// isup-q763.md §7.1 IAM (with its MTP3 framing), an SCCP unit (SI 3), a REL whose cause length runs past
    /// the end, a unit cut inside the routing label, and the §7.3 RLC.
    static let mixed: [[UInt8]] = [
        "85 D0 07 FA 30 23 01 01 00 60 01 0A 00 02 0A 08 84 90 41 51 55 15 32 04 0A 08 04 13 44 02 17 32 54 76 00",
        "83 D0 07 FA 30 09 00 11",
        "85 00 00 00 00 01 00 0C 02 00 05 82 90",
        "85 00",
        "85 00 00 00 00 23 01 10 00",
    ].map(octets)

    func decode(_ capture: [UInt8], _ options: [String] = []) throws -> Command.Result {
        try ScratchDirectory.with("sipigw-pcap") { dir in
            let file = dir.appendingPathComponent("trace.pcapng")
            try Data(capture).write(to: file)
            return try Command.run(sipigw, ["decode", "--pcap", file.path] + options)
        }
    }

    @Test func everyISUPPacketIsDecodedAndBadOnesNamed() throws {
        let capture = try Tshark.capture(Self.mixed.map { Tshark.TimedPacket($0) }, text2pcap: ["-l", "141"])
        let r = try decode(capture)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(#"{"cic":291,"type":"IAM","code":1,"#) == true)
        #expect(lines.last == #"{"cic":291,"type":"RLC","code":16,"parameters":{}}"#)
        #expect(r.stderr.contains("trace.pcapng: packet 3: offset 5, causeIndicators: length indicator 5 runs past"))
        #expect(r.stderr.contains("trace.pcapng: packet 4, offset "))
        #expect(r.stderr.contains("routing label: truncated: 5 octet(s) needed, 2 available"))

        // tshark finds ISUP in the same three packets (it flags packet 3 as malformed).
        let rows = try Tshark.fields(ofCapture: capture, fields: ["isup.cic", "isup.message_type"])
        #expect(rows.filter { $0[0] != "" }.map { $0[1] } == ["1", "12", "16"])
    }

    @Test func mtp2CaptureSkipsFillInUnits() throws {
        // vectors.md A10 after a FISU and an LSSU, as classic pcap.
        let units = [
            "81 82 00", "81 82 01 01",
            "81 82 1f 05 bc 41 53 e0 05 00 01 00 20 00 0a 03 02 08 06 03 10 11 11 11 f1 0a 06 03 13 22 22 22 22 00",
        ]
        let capture = try Tshark.capture(units.map { Tshark.TimedPacket(Self.octets($0)) },
                                         text2pcap: ["-F", "pcap", "-l", "140"])
        let r = try decode(capture, ["--format", "text"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("IAM (Initial address) cic=5\n"))
        #expect(r.stdout.contains("digits=1111111"))
    }

    @Test func truncatedCaptureKeepsThePacketsBeforeTheDamage() throws {
        let capture = try Tshark.capture(Self.mixed.suffix(1).map { Tshark.TimedPacket($0) } + [
            Tshark.TimedPacket(Self.mixed[0]),
        ], text2pcap: ["-F", "pcap", "-l", "141"])
        let r = try decode(Array(capture.dropLast(10)))
        #expect(r.status == 1)
        #expect(r.stdout == #"{"cic":291,"type":"RLC","code":16,"parameters":{}}"# + "\n")
        #expect(r.stderr.contains("packet 2, offset 65, packet data: truncated: 35 octet(s) needed, 25 available"))
    }

    @Test func noCICIsRefused() throws {
        let r = try Command.run(sipigw, ["decode", "--pcap", "x.pcap", "--no-cic"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--no-cic does not apply to --pcap"))
    }
}
