import Foundation
import ISUP
import Interworking
import M3UA
import OracleSupport
import SIPI
import Testing
import Trace

/// The pcap oracle of the scenarios: a scenario's ladder written as a capture of raw IPv4 packets — SIP over UDP
/// between the gateway (`Fixture.localAddress`) and the SIP peer of each message, ISUP in M3UA DATA in SCTP
/// (PPID 3, port 2905) between the switch side (127.0.0.20) and the gateway (127.0.0.1) — and decoded by tshark,
/// whose SIP, MIME multipart, M3UA and ISUP dissectors no one here wrote (shared/spec/oracles.md §1–§2).
extension Scenario {
    static let gatewaySignalling = IPv4Endpoint("127.0.0.1", port: 2905)!
    static let switchSignalling = IPv4Endpoint("127.0.0.20", port: 2905)!
    /// The capture time of `Instant.zero` (2023-11-14T22:13:20Z).
    static let captureEpoch: Int64 = 1_700_000_000

    /// Appends every message of the ladder to `writer` (link type `.ipv4`), at its instant cut to microseconds
    /// (classic pcap). SCTP as one association: TSNs count up from 1 in each direction, and each direction has its
    /// own verification tag (the receiver's, RFC 9260 §8.5), which is how tshark's TSN analysis tells the
    /// directions apart when both ends use port 2905.
    func writeCapture(to writer: inout PcapWriter) throws {
        precondition(writer.linkType == .ipv4, "the ladder is written as raw IPv4 packets")
        var tsn: [Bool: UInt32] = [true: 0, false: 0]
        for (n, entry) in ladder.enumerated() {
            let identification = UInt16(truncatingIfNeeded: n)
            switch entry {
            case .isup(let data, let inbound, let at):
                tsn[inbound]! += 1
                let m3ua = try M3UAMessage(.data, [.protocolData(data)]).encoded()
                let (from, to) = inbound ? (Self.switchSignalling, Self.gatewaySignalling)
                                         : (Self.gatewaySignalling, Self.switchSignalling)
                writer.append(IPv4Packet.sctpData(m3ua, ppid: IPv4Packet.m3uaPPID, stream: UInt16(data.sls),
                                                  tsn: tsn[inbound]!, verificationTag: inbound ? 1 : 2, from: from, to: to,
                                                  identification: identification),
                              at: Self.timestamp(at))
            case .sip(let message, let inbound, let peer, let at):
                let local = try Self.endpoint(Fixture.localAddress), remote = try Self.endpoint(peer)
                let (from, to) = inbound ? (remote, local) : (local, remote)
                writer.append(IPv4Packet.udp(try message.serialized(), from: from, to: to, identification: identification),
                              at: Self.timestamp(at))
            }
        }
    }

    /// tshark decodes the ladder as it is: one packet per message at its instant, every checksum good, nothing
    /// malformed and no error-severity expert item; SIP with its method or status code and, for a SIP-I body, the
    /// encapsulated ISUP message type (no CIC: RFC 3204); M3UA DATA with its point codes and the ISUP message
    /// type and CIC. Does nothing where tshark is not installed, so any scenario test can end with it.
    func checkWithTshark(sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard Tshark.isAvailable else { return }
        var writer = PcapWriter(linkType: .ipv4)
        try writeCapture(to: &writer)
        let fields = ["frame.time_epoch", "frame.protocols", "ip.src", "ip.dst", "ip.checksum.status",
                      "udp.checksum.status", "sctp.checksum.status", "sip.Method", "sip.Status-Code",
                      "m3ua.protocol_data_opc", "m3ua.protocol_data_dpc", "isup.message_type", "isup.cic",
                      "_ws.malformed", "_ws.expert.severity", "_ws.expert.message"]
        let options = ["-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "sctp.checksum:crc-32c"]
        let rows = try Tshark.fields(ofCapture: writer.bytes, fields: fields, options: options)
        try #require(rows.count == ladder.count, "tshark read \(rows.count) packets of \(ladder.count)",
                     sourceLocation: sourceLocation)
        var failed = false
        for (n, (entry, columns)) in zip(ladder, rows).enumerated() {
            let row = Dictionary(uniqueKeysWithValues: zip(fields, columns + Array(repeating: "", count: fields.count)))
            let expected = try Self.decoding(of: entry)
            for (field, value) in expected where row[field] != value {
                failed = true
                Issue.record("packet \(n + 1) (\(Self.label(entry))): \(field) is \(row[field] ?? "absent"), expected \(value)",
                             sourceLocation: sourceLocation)
            }
            let layers = Set((row["frame.protocols"] ?? "").split(separator: ":").map(String.init))
            let wanted: Set<String> = if case .isup = entry { ["sctp", "m3ua", "isup"] } else { ["udp", "sip"] }
            let severities = (row["_ws.expert.severity"] ?? "").split(separator: ",").map(String.init)
            if !wanted.isSubset(of: layers) || row["_ws.malformed"] != "" || severities.contains(Tshark.errorSeverity) {
                failed = true
                let problem = "\(row["frame.protocols"] ?? ""), malformed \(row["_ws.malformed"] ?? ""), "
                    + "expert: \(row["_ws.expert.message"] ?? "")"
                Issue.record("packet \(n + 1) (\(Self.label(entry))): \(problem)", sourceLocation: sourceLocation)
            }
        }
        if failed {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sipigw-scenario-\(getpid()).pcap")
            try Data(writer.bytes).write(to: file)
            Issue.record("the capture is kept in \(file.path)", sourceLocation: sourceLocation)
        }
    }

    /// What tshark must report for one ladder entry, field by field, from our own decoding of it.
    static func decoding(of entry: LadderEntry) throws -> [String: String] {
        let good = "1"  // Wireshark's PROTO_CHECKSUM_E_GOOD
        switch entry {
        case .isup(let data, let inbound, let at):
            let message = try #require(try data.isup())
            let (from, to) = inbound ? (switchSignalling, gatewaySignalling) : (gatewaySignalling, switchSignalling)
            return ["frame.time_epoch": timestamp(at).description, "ip.src": from.dottedAddress, "ip.dst": to.dottedAddress,
                    "ip.checksum.status": good, "udp.checksum.status": "", "sctp.checksum.status": good,
                    "sip.Method": "", "sip.Status-Code": "",
                    "m3ua.protocol_data_opc": String(data.opc), "m3ua.protocol_data_dpc": String(data.dpc),
                    "isup.message_type": String(message.type.rawValue),
                    "isup.cic": message.cic.map { String($0.value) } ?? ""]
        case .sip(let message, let inbound, let peer, let at):
            let local = Fixture.localAddress.host
            let encapsulated = try SIPIBody(parsing: message)?.isup
            return ["frame.time_epoch": timestamp(at).description, "ip.src": inbound ? peer.host : local,
                    "ip.dst": inbound ? local : peer.host, "ip.checksum.status": good, "udp.checksum.status": good,
                    "sctp.checksum.status": "", "sip.Method": message.method ?? "",
                    "sip.Status-Code": message.statusCode.map(String.init) ?? "",
                    "m3ua.protocol_data_opc": "", "m3ua.protocol_data_dpc": "",
                    "isup.message_type": encapsulated.map { String($0.type.rawValue) } ?? "", "isup.cic": ""]
        }
    }

    static func label(_ entry: LadderEntry) -> String {
        switch entry {
        case .isup(let data, let inbound, _):
            let type = (try? data.isup())??.type.acronym ?? "?"
            return "ISUP \(type) \(inbound ? "in" : "out")"
        case .sip(let message, let inbound, _, _): return "SIP \(message.kind) \(inbound ? "in" : "out")"
        }
    }

    /// `Instant.zero` is `captureEpoch`; classic pcap keeps microseconds.
    static func timestamp(_ instant: Instant) -> CaptureTimestamp {
        let (seconds, attoseconds) = instant.sinceEpoch.components
        return CaptureTimestamp(seconds: captureEpoch + seconds,
                                nanoseconds: UInt32(attoseconds / 1_000_000_000_000) * 1_000)
    }

    static func endpoint(_ sip: SIPEndpoint) throws -> IPv4Endpoint {
        try #require(IPv4Endpoint(sip.host, port: UInt16(sip.port)), "\(sip) is not an IPv4 endpoint")
    }
}

/// The scenarios' ladders through tshark (`Scenario.checkWithTshark`).
@Suite(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
struct ScenarioCaptureTests {
    @Test func answeredCallReleasedByISUP() throws {
        try BasicCallTests.answeredReleasedByISUP().checkWithTshark()
    }

    @Test func answeredCallReleasedBySIP() throws {
        try BasicCallTests.answeredReleasedBySIP().checkWithTshark()
    }

    /// S→I, profile A (digest B.2): INVITE (no 100rel) → 100 + IAM on a circuit the gateway controls, ACM → 180
    /// (SIP-I: the ACM encapsulated), ANM → 200, ACK, BYE → 200 + REL 16, RLC: SIP from the peer and ISUP toward
    /// the switch, the other way round.
    @Test func sipToISUPAnsweredReleasedBySIP() throws {
        var s = Scenario()
        s.sip(Fixture.invite(supported: "timer"))
        let iam = try s.expectISUP(.iam)
        let cic = try #require(iam.cic.map { Int($0.value) })
        try s.expectSIP("100")
        s.isup(Fixture.acm(cic: cic))
        try s.expectSIP("180")
        s.advance(.seconds(2))
        s.isup(Fixture.message(.anm, cic: cic))
        let ok = try s.expectSIP("200")
        s.sip(Scenario.peerRequest("ACK", dialogOf: ok, peerIsCallee: false, cseq: 1))
        s.advance(.seconds(30))
        s.sip(Scenario.peerRequest("BYE", dialogOf: ok, peerIsCallee: false, cseq: 2))
        try s.expectSIP("200")
        try s.expectISUP(.rel, cause: 16)
        s.isup(Fixture.message(.rlc, cic: cic))
        s.expectQuiet()
        try s.expectRecord(releasedBy: .sip)
        try s.checkWithTshark()
    }
}
