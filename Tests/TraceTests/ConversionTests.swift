import Foundation
import Interworking
import ISUP
import OracleSupport
import SIPI
import Testing
import Trace

/// `TraceConverter` and its writers on hand-built traces. The ISUP messages are the basic call of
/// spec/isup-q763.md §7 (also Samples/isup-messages.txt: IAM, ACM, ANM, REL cause 16, RLC on CIC 291), with the
/// CIC octets changed where a test needs other circuits (Q.763 §1.2: 12 bits, least significant octet first).
@Suite struct ConversionTests {
    static let template = EngineConfiguration(
        sip: .init(address: SIPEndpoint(host: "127.0.0.1"), domain: "sipigw.example.it"),
        trunks: [TrunkConfiguration(
            name: "switch", circuits: CircuitGroupConfiguration(name: "switch", opc: 1, dpc: 2, cics: [CICRange(1, 31)!]),
            media: MediaEndpoint(address: "192.0.2.9", port: 40000))],
        peers: [PeerConfiguration(name: "olo", address: SIPEndpoint(host: "127.0.0.2"), domain: "olo.example.it")],
        routes: RouteConfiguration())

    static let iamBody = "01 00 60 01 0A 00 02 0A 08 84 90 41 51 55 15 32 04 0A 08 04 13 44 02 17 32 54 76 00"
    static let acmBody = "06 16 14 01 29 01 01 00"
    static let anmBody = "09 00"
    static let relBody = "0C 02 00 02 82 90"
    static let rlcBody = "10 00"

    /// The CIC field for `cic`.
    static func cic(_ cic: Int) -> String { String(format: "%02X %02X", cic & 0xFF, cic >> 8) }

    /// A whole call as hex-trace lines: placed by `from`, answered after 5 s, released by the caller after 60 s.
    static func basicCall(cic: Int, from: UInt32 = 2, to: UInt32 = 1, at start: Int = 1_700_000_000) -> String {
        let c = Self.cic(cic)
        return """
            @\(start).000 \(from)>\(to) \(c) \(iamBody)
            @\(start).400 \(to)>\(from) \(c) \(acmBody)
            @\(start + 5).000 \(to)>\(from) \(c) \(anmBody)
            @\(start + 65).000 \(from)>\(to) \(c) \(relBody)
            @\(start + 65).050 \(to)>\(from) \(c) \(rlcBody)

            """
    }

    /// Converts hex-trace text; the outputs in order and the final statistics.
    static func convert(
        _ text: String, horizon: Duration = .zero, strict: Bool = false, summaries: Bool = true
    ) -> (outputs: [ConversionOutput], statistics: ConversionStatistics) {
        var converter = TraceConverter(gateways: ConversionGateways(template: template), mappings: repositoryMappings,
                                       horizon: horizon, strict: strict)
        converter.summaries = summaries
        let trace = HexTrace(defaultRoute: ISUPRoute(opc: 2, dpc: 1, sls: 0, networkIndicator: 2))
        var outputs = [ConversionOutput]()
        for item in trace.messages(in: text) {
            switch item {
            case .success(let message): outputs += converter.feed(message)
            case .failure(let record): outputs += converter.unreadable(record)
            }
        }
        outputs += converter.finish()
        return (outputs, converter.statistics)
    }

    static func calls(_ outputs: [ConversionOutput]) -> [ConvertedCall] {
        outputs.compactMap { if case .call(let call) = $0 { call } else { nil } }
    }

    static func written(_ writer: inout some ConversionWriter, _ conversion: (outputs: [ConversionOutput], statistics: ConversionStatistics)) -> [UInt8] {
        var bytes = [UInt8]()
        for output in conversion.outputs { writer.write(output, into: &bytes) }
        writer.finish(conversion.statistics, into: &bytes)
        return bytes
    }

    @Test func basicCallBecomesOneSIPIDialogWithTheISUPEncapsulated() throws {
        let conversion = Self.convert(Self.basicCall(cic: 291))
        let calls = Self.calls(conversion.outputs)
        let call = try #require(calls.first)
        #expect(calls.count == 1)
        #expect(call.complete && call.opc == 2 && call.dpc == 1 && call.cic == 291)
        #expect(call.called == "14155551234")
        #expect(call.releaseCause == 16)
        #expect(call.sipFinalStatus == 200)
        #expect(call.conversationTime == .seconds(60))
        let sip = call.messages.filter { $0.signalling == .sip }
        // Q.1912.5: INVITE with the IAM at the IAM's time; ACM (no indication) → 183; ANM → 200; REL → BYE.
        #expect(sip.first?.type == "INVITE" && sip.first?.summary.contains("ISUP IAM") == true)
        #expect(sip.first?.time == CaptureTimestamp(seconds: 1_700_000_000))
        #expect(sip.contains { $0.type == "183" && $0.summary.contains("ISUP ACM") })
        #expect(sip.contains { $0.type == "200" && $0.inResponseTo == "INVITE" && $0.summary.contains("ISUP ANM") })
        let bye = try #require(sip.first { $0.type == "BYE" })
        #expect(bye.cause == 16 && bye.time == CaptureTimestamp(seconds: 1_700_000_065))
        // The other gateway's IAM toward the called switch carries the same number; the capture's messages are all
        // there, each with its record.
        let toCalled = call.messages.filter { $0.from == .terminatingGateway && $0.to == .terminatingSwitch }
        #expect(toCalled.map(\.type) == ["IAM", "REL"])
        #expect(toCalled.first?.summary.contains("called 14155551234") == true)
        #expect(call.messages.compactMap(\.record) == [1, 2, 3, 4, 5])
        #expect(conversion.statistics.unreadable == 0 && conversion.statistics.circuitMessages == 0)
    }

    /// `summaries` off (what `convert --to summary` and the pcap forms set): the same calls, messages, causes and
    /// summary text, only the one-line summaries of the messages left empty.
    @Test func summariesOffChangeNothingButTheSummaryLines() throws {
        let trace = Self.basicCall(cic: 291) + Self.basicCall(cic: 292, at: 1_700_000_010)
        let with = Self.convert(trace), without = Self.convert(trace, summaries: false)
        let calls = Self.calls(with.outputs), bare = Self.calls(without.outputs)
        #expect(calls.count == 2 && bare.count == 2)
        #expect(calls.flatMap(\.messages).allSatisfy { !$0.summary.isEmpty })
        #expect(bare.flatMap(\.messages).allSatisfy { $0.summary.isEmpty })
        for (a, b) in zip(calls, bare) {
            #expect(a.messages.map { [$0.type, "\($0.time)", "\($0.cause ?? 0)", "\($0.from)"] }
                    == b.messages.map { [$0.type, "\($0.time)", "\($0.cause ?? 0)", "\($0.from)"] })
        }
        var summary1 = SummaryWriter(), summary2 = SummaryWriter()
        #expect(!SummaryWriter().readsSummaries && LadderWriter().readsSummaries)
        #expect(Self.written(&summary1, with) == Self.written(&summary2, without))
    }

    /// An ACM whose optional backward call indicators have two octets (Q.763 §3.37 fixes one): by default the
    /// call converts as the daemon would run it (the parameter dropped with a CFN cause 100 to the switch; without
    /// its in-band indication the ACM gives 180, not 183); `strict` makes the ACM unreadable: no 18x at all.
    @Test(arguments: [false, true])
    func erroneousOptionalParameter(strict: Bool) throws {
        let trace = Self.basicCall(cic: 291).replacingOccurrences(of: Self.acmBody, with: "06 16 14 01 29 02 01 00 00")
        let conversion = Self.convert(trace, strict: strict)
        let call = try #require(Self.calls(conversion.outputs).first)
        let sip = call.messages.filter { $0.signalling == .sip }.map(\.type)
        #expect(conversion.statistics.erroneousParameterMessages == (strict ? 0 : 1))
        #expect(conversion.statistics.unreadable == (strict ? 1 : 0))
        #expect(sip.contains("180") == !strict)
        #expect(!sip.contains("183"))
        let confusion = call.messages.filter { $0.type == "CFN" && $0.from == .terminatingGateway }
        #expect(confusion.count == (strict ? 0 : 1))
        #expect(confusion.first?.cause == (strict ? nil : 100))
    }

    /// tshark reads the SIP-I capture: one dialog, the ISUP message types Q.763 Table 4 gives (IAM 1, ACM 6,
    /// ANM 9, REL 12) inside INVITE, 183, 200 and BYE, and no item of error severity.
    @Test(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
    func sipiPcapDecodesInTshark() throws {
        var writer = SIPIPcapWriter()
        let pcap = Self.written(&writer, Self.convert(Self.basicCall(cic: 291)))
        let rows = try Tshark.fields(ofCapture: pcap, fields: [
            "sip.Method", "sip.Status-Code", "isup.message_type", "sip.Call-ID", "_ws.expert.severity",
        ])
        #expect(rows.count >= 8)
        let withISUP = rows.filter { !$0[2].isEmpty }.map { ($0[0].isEmpty ? $0[1] : $0[0], $0[2]) }
        #expect(withISUP.map(\.0) == ["INVITE", "183", "200", "BYE"])
        #expect(withISUP.map(\.1) == ["1", "6", "9", "12"])
        #expect(Set(rows.map { $0[3] }).count == 1)
        #expect(!rows.contains { $0[4].split(separator: ",").contains { $0 == Substring(Tshark.errorSeverity) } })
    }

    /// Calls both ways on one trunk: the gateway in front of switch 1 seizes CIC 0 for the first call (its lowest
    /// controlled circuit), and the second call, which switch 1 places on CIC 0 itself, is moved to a free circuit;
    /// both calls are answered and released with their own messages.
    @Test func callsBothWaysKeepTheirCircuitsApart() throws {
        let text = Self.basicCall(cic: 7, from: 2, to: 1, at: 1_700_000_000)
            + Self.basicCall(cic: 0, from: 1, to: 2, at: 1_700_000_001)
        let lines = text.split(separator: "\n").sorted { $0.prefix(15) < $1.prefix(15) }.joined(separator: "\n")
        let calls = Self.calls(Self.convert(lines).outputs).sorted { $0.number < $1.number }
        #expect(calls.count == 2)
        for call in calls {
            #expect(call.complete && call.answer != nil && call.releaseCause == 16, "\(LadderWriter.ladder(call))")
            #expect(call.messages.filter { $0.isFromCapture }.count == 5)
            #expect(call.messages.filter { $0.signalling == .sip && $0.type == "BYE" }.count == 1)
        }
        #expect(calls.map(\.opc) == [2, 1])
        #expect(calls.map(\.cic) == [7, 0])
        #expect(calls[0].sipCallID != calls[1].sipCallID)
    }

    /// Q.764 §2.9.6: the called switch never answers the REL with RLC; within a horizon of 100 s past the capture the
    /// gateway in front of it repeats the REL every T1 (15 s by default) and the call stays incomplete.
    @Test func releaseWithoutRLCShowsT1() throws {
        let c = Self.cic(5)
        let text = """
            @100.000 2>1 \(c) \(Self.iamBody)
            @100.400 1>2 \(c) \(Self.acmBody)
            @110.000 2>1 \(c) \(Self.relBody)
            @110.010 1>2 \(c) \(Self.acmBody)
            """
        let call = try #require(Self.calls(Self.convert(text, horizon: .seconds(100)).outputs).first)
        #expect(!call.complete)
        let repeated = call.messages.filter { $0.from == .terminatingGateway && $0.to == .terminatingSwitch && $0.type == "REL" }
        #expect(repeated.count >= 6, "\(LadderWriter.ladder(call))")
        let gaps = zip(repeated, repeated.dropFirst()).map { $0.time.duration(to: $1.time) }
        #expect(gaps.allSatisfy { $0 == .seconds(15) }, "\(gaps)")
        // The capture's own RLC toward the caller was never needed: the originating gateway sent it at once.
        #expect(call.messages.contains { $0.from == .originatingGateway && $0.to == .originatingSwitch && $0.type == "RLC" })
    }

    /// The same call as M3UA DATA (RFC 4666 §3.3.1) over SCTP in raw IPv4 records, one message per packet, read
    /// through `CaptureSource` (pcap, `CaptureDecoder`): the same messages on both sides as from the hex text.
    @Test func m3uaOverSCTPCaptureConvertsLikeTheHexText() throws {
        let text = Self.basicCall(cic: 291)
        let trace = HexTrace(defaultRoute: ISUPRoute(opc: 2, dpc: 1, sls: 0, networkIndicator: 2))
        var writer = PcapWriter(linkType: .ipv4)
        let sg = IPv4Endpoint("192.0.2.1", port: 2905)!, asp = IPv4Endpoint("192.0.2.2", port: 2905)!
        for (n, item) in trace.messages(in: text).enumerated() {
            let message = try item.get()
            guard case .isup(let bytes, let route) = message.payload else { continue }
            let m3ua = CaptureFrames.m3uaData(bytes, opc: route.opc, dpc: route.dpc, sls: 11, routingContext: 7)
            let (from, to) = route.opc == 2 ? (sg, asp) : (asp, sg)
            writer.append(IPv4Packet.sctpData(m3ua, ppid: IPv4Packet.m3uaPPID, tsn: UInt32(n + 1), from: from, to: to),
                          at: message.timestamp!)
        }
        let (outputs, statistics) = try Self.convert(capture: writer.bytes)
        let fromCapture = try #require(Self.calls(outputs).first)
        let fromText = try #require(Self.calls(Self.convert(text).outputs).first)
        #expect(fromCapture.messages.map(\.summary) == fromText.messages.map(\.summary))
        #expect(fromCapture.messages.compactMap(\.record) == [1, 2, 3, 4, 5])
        #expect(statistics.unreadable == 0)
    }

    /// Converts a capture file's bytes, read through `CaptureSource` as `sipigw convert` reads them.
    static func convert(capture: [UInt8]) throws -> (outputs: [ConversionOutput], statistics: ConversionStatistics) {
        var bytes = capture[...]
        var source = try CaptureSource(read: { count in
            defer { bytes = bytes.dropFirst(count) }
            return Array(bytes.prefix(count))
        }, template: template)
        var converter = TraceConverter(gateways: ConversionGateways(template: template), mappings: repositoryMappings)
        var outputs = [ConversionOutput]()
        for item in source.messages() {
            switch item {
            case .message(let message, _): outputs += converter.feed(message)
            case .unreadable(let record): outputs += converter.unreadable(record)
            }
        }
        outputs += converter.finish()
        return (outputs, converter.statistics)
    }

    /// Round trip (issue 9): ISUP trace → SIP-I capture → ISUP again. Each call's ISUP between the gateways of the
    /// second conversion has the message types the capture's switches exchanged (CICs renumbered); tshark reads the
    /// M3UA/SCTP capture of it with the types in that order and no error item.
    @Test func isupToSIPIAndBackGivesTheSameISUPPerCall() throws {
        let busy = Self.cic(9)
        let text = Self.basicCall(cic: 291) + """
            @1700000100.000 2>1 \(busy) \(Self.iamBody)
            @1700000100.300 1>2 \(busy) 0C 02 00 02 82 91
            @1700000100.320 2>1 \(busy) \(Self.rlcBody)

            """
        let first = Self.convert(text)
        var sipi = SIPIPcapWriter()
        let (outputs, statistics) = try Self.convert(capture: Self.written(&sipi, first))
        #expect(statistics.unreadable == 0)
        let original = Self.calls(first.outputs).sorted { $0.number < $1.number }
        let back = Self.calls(outputs).sorted { $0.number < $1.number }
        #expect(back.count == 2)
        for (a, b) in zip(original, back) {
            let types = a.messages.filter(\.isFromCapture).map(\.type)
            let between = b.messages.filter { $0.signalling == .isup && Set([$0.from, $0.to]) == [.originatingGateway, .terminatingGateway] }
            #expect(between.map(\.type) == types, "\(LadderWriter.ladder(b))")
            #expect(b.captured == .sip && b.complete)
            #expect(b.releaseCause == a.releaseCause)
        }
        guard Tshark.isAvailable else { return }
        var isup = ISUPPcapWriter()
        let rows = try Tshark.fields(ofCapture: Self.written(&isup, (outputs, statistics)),
                                     fields: ["isup.message_type", "_ws.expert.severity"])
        #expect(rows.map { $0[0] } == ["1", "6", "9", "12", "16", "1", "12", "16"])
        #expect(rows.allSatisfy { $0[1].isEmpty })
    }

    @Test func circuitMessagesAndUnreadableLinesAreReportedInPlace() throws {
        let text = """
            @1.000 2>1 01 00 17 01 01 1E
            @1.100 2>1 zz not hex
            @1.200 2>1 \(Self.cic(3)) \(Self.iamBody)
            """
        let conversion = Self.convert(text)
        // GRS for CICs 1–31 (Q.763 §3.43 range 30): the capture's, then the gateway's GRA.
        let circuits = conversion.outputs.compactMap { output -> ConvertedMessage? in
            if case .circuit(let message, _, _, _) = output { message } else { nil }
        }
        #expect(circuits.map(\.type) == ["GRS", "GRA"])
        #expect(circuits.first?.record == 1 && circuits.last?.record == nil)
        let unreadable = conversion.outputs.compactMap { output -> UnreadableRecord? in
            if case .unreadable(let record) = output { record } else { nil }
        }
        #expect(unreadable.map(\.record) == [2])
        #expect(unreadable.first?.reason.contains("line 2") == true)
        // The conversion went on: the IAM after them is a call (incomplete at the end).
        #expect(Self.calls(conversion.outputs).map(\.complete) == [false])
        var summary = SummaryWriter()
        let text2 = String(decoding: Self.written(&summary, conversion), as: UTF8.self)
        #expect(text2.contains("unreadable records: 1") && text2.contains("record 2: line 2"))
        #expect(text2.contains("circuit messages (outside calls): 2"))
    }

    @Test func jsonLinesParseAndSummarise() throws {
        var writer = JSONConversionWriter()
        let conversion = Self.convert(Self.basicCall(cic: 291) + Self.basicCall(cic: 292, at: 1_700_000_100))
        let lines = String(decoding: Self.written(&writer, conversion), as: UTF8.self).split(separator: "\n")
        let objects = try lines.map { try #require(JSONValue(parsing: $0).object) }
        #expect(objects.map { $0["kind"]?.string } == ["call", "call", "summary"])
        #expect(objects[0]["cic"]?.int == 291 && objects[1]["cic"]?.int == 292)
        #expect(objects[0]["releaseCause"]?.int == 16)
        let messages = try #require(objects[0]["messages"]?.array)
        #expect(messages.first?.object?["type"]?.string == "IAM")
        #expect(messages.first?.object?["record"]?.int == 1)
        #expect(objects[2]["calls"]?.int == 2 && objects[2]["answered"]?.int == 2)
    }

    @Test func filterTakesOneCircuitOrOneNumber() throws {
        let text = Self.basicCall(cic: 291) + Self.basicCall(cic: 292, at: 1_700_000_100)
        var byCIC = try CaptureFilter(parsing: "cic=292")
        var byNumber = try CaptureFilter(parsing: "number=1415")
        var none = try CaptureFilter(parsing: "number=39,opc=2")
        let messages = HexTrace(defaultRoute: ISUPRoute(opc: 2, dpc: 1, sls: 0, networkIndicator: 2)).messages(in: text)
            .compactMap { try? $0.get() }
        #expect(messages.filter { byCIC.admits($0) }.map(\.record) == [6, 7, 8, 9, 10])
        #expect(messages.filter { byNumber.admits($0) }.count == 10)
        #expect(messages.filter { none.admits($0) }.isEmpty)
        #expect(throws: CaptureFilter.SyntaxError.self) { try CaptureFilter(parsing: "colour=red") }
        #expect(throws: CaptureFilter.SyntaxError.self) { try CaptureFilter(parsing: "cic=4096") }
    }

    /// The page stands alone: no script, style or image from elsewhere; each call has its ladder and the summary
    /// its histogram.
    @Test func htmlPageIsSelfContained() throws {
        var writer = HTMLConversionWriter(title: "test <trace>")
        let page = String(decoding: Self.written(&writer, Self.convert(Self.basicCall(cic: 291))), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(!page.contains("src=") && !page.contains("href=") && !page.contains("http"))
        #expect(page.contains("test &lt;trace&gt;"))
        #expect(page.components(separatedBy: "<details class=\"call\"").count == 2)
        #expect(page.contains("aria-label=\"release cause histogram\""))
    }
}
