import Foundation
import OracleSupport
import Testing

/// `sipigw convert` as a user runs it, from the repository root, on Samples/calls.pcap (built by
/// Scripts/samples.py from the hand-written Samples/calls.txt: a GRS, five calls with causes 16, 17, 1, 19 and 16,
/// one placed by each switch) with the shipped Config/gateway.yaml.
@Suite struct ConvertCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func convert(_ arguments: [String]) throws -> Command.Result {
        try Command.run(Command.builtProduct("sipigw"), ["convert"] + arguments, in: root)
    }

    static func sample(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Samples/\(name)"), encoding: .utf8)
    }

    /// The ladder fixture was read through by hand against Q.1912.5 (ACM no indication → 183, ANM → 200, REL 17 →
    /// 486, REL 1 → 404, REL 19 → 480, REL after answer → BYE with Reason); the capture and its hex text give it
    /// alike (record numbers aside: packets and lines count differently).
    @Test func samplesConvertToTheirFixtures() throws {
        let pcap = try Self.convert(["Samples/calls.pcap", "--to", "ladder"])
        #expect(pcap.status == 0, "\(pcap.stderr)")
        #expect(pcap.stdout == (try Self.sample("calls.ladder.txt")))
        let text = try Self.convert(["Samples/calls.txt", "--to", "ladder"])
        let withoutRecords = { (s: String) in s.replacingOccurrences(of: #"\(record \d+\)"#, with: "", options: .regularExpression) }
        #expect(withoutRecords(text.stdout) == withoutRecords(pcap.stdout))
        let summary = try Self.convert(["Samples/calls.pcap", "--to", "summary"])
        #expect(summary.stdout == (try Self.sample("calls.summary.txt")))
        #expect(summary.stdout.contains("calls: 5 (answered 2"))
    }

    /// The SIP-I capture: five dialogs, every INVITE carrying an IAM, no item of error severity in tshark.
    @Test(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
    func sipiPcapOfTheSamples() throws {
        try ScratchDirectory.with("sipigw-convert") { dir in
            let out = dir.appendingPathComponent("calls-sipi.pcap").path
            let result = try Self.convert(["Samples/calls.pcap", "--to", "sipi-pcap", "-o", out])
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try Tshark.fields(ofFile: URL(fileURLWithPath: out), fields: [
                "sip.Method", "sip.Call-ID", "isup.message_type", "_ws.expert.severity",
            ])
            #expect(Set(rows.map { $0[1] }).count == 5)
            #expect(rows.filter { $0[0] == "INVITE" }.allSatisfy { $0[2] == "1" })
            #expect(rows.filter { $0[0] == "INVITE" }.count == 5)
            #expect(!rows.contains { $0[3].split(separator: ",").contains { $0 == Substring(Tshark.errorSeverity) } })
        }
    }

    /// The SIP-I capture of the samples converted back: the same five calls with the same release causes, and an
    /// isup-pcap tshark reads as M3UA with the ISUP inside.
    @Test(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
    func sipiCaptureConvertsBackToISUP() throws {
        try ScratchDirectory.with("sipigw-convert") { dir in
            let sipi = dir.appendingPathComponent("sipi.pcap").path, isup = dir.appendingPathComponent("isup.pcap").path
            #expect(try Self.convert(["Samples/calls.pcap", "--to", "sipi-pcap", "-o", sipi]).status == 0)
            let summary = try Self.convert([sipi, "--to", "summary"]).stdout
            let causes = { (text: String) in text.split(separator: "\n").filter { $0.contains(" cause ") } }
            #expect(causes(summary) == causes(try Self.sample("calls.summary.txt")), "\(summary)")
            #expect(summary.hasPrefix("calls: 5 (answered 2"))
            #expect(try Self.convert([sipi, "--to", "isup-pcap", "-o", isup]).status == 0)
            let rows = try Tshark.fields(ofFile: URL(fileURLWithPath: isup), fields: ["isup.message_type", "_ws.expert.severity"])
            #expect(rows.filter { $0[0] == "1" }.count == 5)
            #expect(rows.allSatisfy { !$0[0].isEmpty && $0[1].isEmpty })
        }
    }

    /// A capture cut in the middle of a record: what came before converts, the cut record is reported with its
    /// number, the exit status is 0 (the conversion went on as far as it could).
    @Test func truncatedCaptureIsReportedNotFatal() throws {
        try ScratchDirectory.with("sipigw-convert") { dir in
            let bytes = try Data(contentsOf: Self.root.appendingPathComponent("Samples/calls.pcap"))
            let cut = dir.appendingPathComponent("cut.pcap")
            try bytes.prefix(bytes.count - 3).write(to: cut)
            let result = try Self.convert([cut.path, "--to", "summary"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("unreadable records: 1"))
            #expect(result.stdout.contains("record 22:"))
            #expect(result.stdout.contains("truncated"))
        }
    }

    @Test func badArgumentsAreRefused() throws {
        let filter = try Self.convert(["Samples/calls.pcap", "--to", "summary", "--filter", "colour=red"])
        #expect(filter.status != 0 && filter.stderr.contains("unknown filter key"))
        let missing = try Self.convert(["no-such-file.pcap", "--to", "json"])
        #expect(missing.status != 0 && missing.stderr.contains("cannot open no-such-file.pcap"))
    }

    @Test func filterAndLimitSelectCalls() throws {
        let one = try Self.convert(["Samples/calls.pcap", "--to", "json", "--filter", "cic=6"])
        let kinds = one.stdout.split(separator: "\n").filter { $0.contains(#""kind":"call""#) }
        #expect(kinds.count == 1 && kinds.first?.contains(#""cic":6"#) == true)
        let two = try Self.convert(["Samples/calls.pcap", "--to", "summary", "--limit", "2"])
        #expect(two.stdout.hasPrefix("calls: 2 "))
    }
}
