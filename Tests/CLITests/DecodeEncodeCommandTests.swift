import Foundation
import OracleSupport
import Testing

/// `sipigw decode` / `sipigw encode` as a user runs them (the binary built next to the tests).
@Suite struct DecodeEncodeCommandTests {
    let sipigw = Command.builtProduct("sipigw")

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: sipigw), "run `swift build --build-tests` first (make test does)")
    }

    @Test func decodeSplitOctetsAsOneMessage() throws {
        // isup-q763.md §7.3 REL typed as separate octets.
        let r = try Command.run(sipigw, ["decode", "23", "01", "0C", "02", "00", "02", "82", "90"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix(#"{"cic":291,"type":"REL","code":12,"parameters":{"causeIndicators":{"value":16,"location":2,"#))
    }

    @Test func badLineIsReportedAndTheOthersStillDecoded() throws {
        try ScratchDirectory.with("sipigw-cli") { dir in
            let file = dir.appendingPathComponent("m.txt")
            try "# comment\n23 01 09 00\n01 00 0C 02 00 05 82 90  # REL cut short\nzz\n23 01 10 00\n".write(to: file, atomically: true, encoding: .utf8)
            let r = try Command.run(sipigw, ["decode", "--file", file.path])
            #expect(r.status == 1)
            let lines = r.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.first?.contains(#""type":"ANM""#) == true)
            #expect(lines.last?.contains(#""type":"RLC""#) == true)
            #expect(r.stderr.contains("m.txt:3: offset 5, causeIndicators: length indicator 5 runs past the end"))
            #expect(r.stderr.contains("m.txt:4: not a hex string"))
        }
    }

    @Test func decodeThenEncodeGivesTheSameOctets() throws {
        let samples = [
            "2301010060010A00020A0884904151551532040A08041344021732547600",  // isup-q763.md §7.1
            "0900011048000A03020A08831029992400800F0A080313940342309320F215361908000015FFFFFFFFFFFFFFFFFFFF1D4538CB2000",  // vectors.md A1
        ]
        let decoded = try Command.run(sipigw, ["decode"] + samples)
        #expect(decoded.status == 0)
        let encoded = try Command.run(sipigw, ["encode"], input: decoded.stdout)
        #expect(encoded.status == 0)
        #expect(encoded.stdout == samples.joined(separator: "\n") + "\n")
    }

    @Test func noCICFraming() throws {
        let r = try Command.run(sipigw, ["decode", "--no-cic", "0C 02 00 02 82 90"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix(#"{"type":"REL""#))
        let e = try Command.run(sipigw, ["encode", "--no-cic"], input: r.stdout)
        #expect(e.stdout == "0C0200028290\n")
    }

    @Test func encodeReportsThePath() throws {
        let r = try Command.run(sipigw, ["encode"], input: #"{"cic": 1, "type": "REL", "parameters": {"causeIndicators": {"value": 200}}}"#)
        #expect(r.status == 1)
        #expect(r.stderr.contains("$.parameters.causeIndicators.value: 200 is outside 0...127"))
    }

    @Test func textFormat() throws {
        let r = try Command.run(sipigw, ["decode", "--format", "text", "23 01 0C 02 00 02 82 90"])
        #expect(r.stdout.contains("REL (Release) cic=291"))
        #expect(r.stdout.contains("value=16 location=2 (public network serving the local user)"))
        #expect(r.stdout.contains("— Normal call clearing"))
    }
}
