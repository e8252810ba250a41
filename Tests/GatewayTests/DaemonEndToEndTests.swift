import Foundation
import ISUP
import M3UA
import M3UATransport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OracleSupport
import SIPI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw run` as users run it (issue 8): the binary with a configuration file, real sockets on loopback. The test
/// plays the switch with our own M3UA ASP over TCP (the gateway is the SGP) and the SIP peer with a UDP socket.
@Suite(.serialized) struct DaemonEndToEndTests {
    /// What the switch's ASP node reported.
    final class Switch: Sendable {
        private let box = NIOLockedValueBox<[M3UAAction]>([])
        var observe: @Sendable (M3UAAction) -> Void { { action in self.box.withLockedValue { $0.append(action) } } }

        /// The ISUP messages delivered so far.
        var isup: [ISUPMessage] {
            box.withLockedValue { actions in
                actions.compactMap { if case .deliver(let data, _, _) = $0 { try? data.isup() } else { nil } }
            }
        }
        var active: Bool { box.withLockedValue { $0.contains { if case .aspStateChanged(_, .active) = $0 { true } else { false } } } }

        func waitFor(_ type: MessageType, count: Int = 1, seconds: Double = 10) -> ISUPMessage? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let matching = isup.filter { $0.type == type }
                if matching.count >= count { return matching[count - 1] }
                usleep(10_000)
            }
            return nil
        }
    }

    /// A UDP socket on loopback: the SIP peer.
    final class Peer {
        let fd: Int32
        let port: UInt16

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) { a in
                a.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            self.port = UInt16(bigEndian: address.sin_port)
            var tv = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        /// The next SIP message received that is not of a kind in `skipping`; PeerTimeout when none came within
        /// `seconds` (skipped ones do not extend it: a keep-alive every second must not keep a test waiting forever).
        func receive(skipping: Set<String> = [], seconds: TimeInterval = 20) throws -> SIPMessage {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { throw PeerTimeout() }
                let message = try SIPMessage(parsing: Array(buffer[0..<n]))
                if !skipping.contains(message.method ?? "\(message.statusCode ?? 0)") { return message }
            }
            throw PeerTimeout()
        }

        func send(_ text: String, to port: UInt16) {
            let wire = Array(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n").utf8)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            _ = withUnsafePointer(to: &address) { a in
                a.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    wire.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
            }
        }

        /// RFC 3261 §8.2.6.2: a response copying Via, From, To (+ tag), Call-ID and CSeq.
        static func response(_ status: Int, _ reason: String, to request: SIPMessage, sdp: Bool = false) -> String {
            var lines = ["SIP/2.0 \(status) \(reason)"] + request.headers("via").map { "Via: \($0)" }
            let to = request.header("to") ?? ""
            lines += ["From: \(request.header("from") ?? "")", "To: " + (to.contains("tag=") ? to : to + ";tag=peer"),
                      "Call-ID: \(request.header("call-id") ?? "")", "CSeq: \(request.header("cseq") ?? "")",
                      "Contact: <sip:peer@127.0.0.1>"]
            let body = sdp ? "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8\r\n" : ""
            lines += sdp ? ["Content-Type: application/sdp", "Content-Length: \(body.utf8.count)", ""] : ["Content-Length: 0", ""]
            return lines.joined(separator: "\n") + "\n" + body.replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    struct PeerTimeout: Error, CustomStringConvertible {
        var description: String { "no SIP message within 10 s" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `peerOptions` are more keys of the peer (`, keepAliveInterval: 1s`), `extra` more top-level lines,
    /// `morePeers` and `moreRoutes` more lines under `peers` and `routes` (indented by two).
    static func configuration(sipPort: UInt16, m3uaPort: UInt16, peerPort: UInt16, records: String,
                              peerOptions: String = "", extra: String = "", morePeers: String = "",
                              moreRoutes: String = "") -> String {
        """
        \(extra.replacingOccurrences(of: "@SIP_PORT@", with: "\(sipPort)"))
        sip: { address: { host: 127.0.0.1, port: \(sipPort) }, domain: gw.example.it }
        m3ua:
          associations:
            - { name: switch, role: sgp, transport: tcp, local: ["127.0.0.1:\(m3uaPort)"], routingContexts: [1] }
        trunks:
          - name: switch
            association: switch
            routingContext: 1
            circuits: { name: switch, opc: 1, dpc: 2, cics: ["1-31"] }
            media: { address: 127.0.0.1, port: 40000 }
        peers:
          - { name: olo, address: { host: 127.0.0.1, port: \(peerPort) }, domain: olo.example.it\(peerOptions) }
        \(morePeers)
        routes:
          toSIP: [{ prefix: "39", peer: olo, completeLength: 12 }]
          toISUP: [{ prefix: "39", trunk: switch }]
        \(moreRoutes)
        records: { path: \(records) }
        """
    }

    /// A running daemon with the switch and the peer around it, circuits reset (GRS answered with GRA).
    struct Harness {
        let peer: Peer
        let sipPort: UInt16
        let m3uaPort: UInt16
        let daemon: PeerProcess
        let node: M3UANode<ASPStateMachine>
        let observed: Switch
        let records: String
        /// The configuration file the daemon runs with (`POST /reload` reads it again).
        let configFile: String

        func send(_ message: ISUPMessage) throws {
            node.feed(.sendData(try ProtocolData(opc: 2, dpc: 1, ni: 2, sls: UInt8(message.cic?.value ?? 0) & 0x0F, isup: message)))
        }

        /// IAM on `cic` for "0612345678" + ST (Q.763 §3.9: NAI 3, odd, E.164) → the INVITE the peer receives.
        func call(cic: Int, skipping: Set<String> = []) throws -> SIPMessage {
            try sendIAM(cic: cic)
            return try peer.receive(skipping: skipping)
        }

        /// The IAM of `call(cic:)`, without waiting for the INVITE.
        func sendIAM(cic: Int) throws {
            try send(ISUPMessage(type: .iam, cic: CIC(cic), parameters: [
                Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
            ]))
        }

        /// SIGTERM, then the exit status and the call records written.
        func terminate() throws -> (status: Int32, records: [Substring]) {
            daemon.process.terminate()
            daemon.process.waitUntilExit()
            let text = (try? String(contentsOfFile: records, encoding: .utf8)) ?? ""
            return (daemon.process.terminationStatus, text.split(separator: "\n"))
        }
    }

    /// `peerPort`: where the configured SIP peer is (default: the harness's own UDP socket); `extra` is YAML put in
    /// front of the configuration, with `@SIP_PORT@` standing for the daemon's SIP port.
    static func withDaemon(peerOptions: String = "", extra: String = "", peerPort: UInt16? = nil,
                           morePeers: String = "", moreRoutes: String = "", _ body: (Harness) throws -> Void) throws {
        try ScratchDirectory.with("daemon") { dir in
            let peer = try Peer()
            let sipPort = try UDPExchange.freePort(), m3uaPort = try UDPExchange.freePort()
            let records = dir.appendingPathComponent("records.jsonl").path
            let config = dir.appendingPathComponent("gateway.yaml")
            try Self.configuration(sipPort: sipPort, m3uaPort: m3uaPort, peerPort: peerPort ?? peer.port, records: records,
                                   peerOptions: peerOptions, extra: extra, morePeers: morePeers, moreRoutes: moreRoutes)
                .write(to: config, atomically: true, encoding: .utf8)
            let daemon = try PeerProcess(Command.builtProduct("sipigw"),
                                         ["run", "--config", config.path, "--mappings", Self.root.appendingPathComponent("Mappings").path],
                                         log: dir.appendingPathComponent("daemon.log"))
            defer { daemon.stop() }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            defer { try? group.syncShutdownGracefully() }
            var aspConfiguration = ASPConfiguration()
            aspConfiguration.routingContexts = [1]
            aspConfiguration.outboundStreams = 1
            aspConfiguration.timers.reconnectInitial = 0.1
            let observed = Switch()
            let node = M3UANode(machine: ASPStateMachine(association: 1, configuration: aspConfiguration), group: group,
                                peers: [1: try SocketAddress(ipAddress: "127.0.0.1", port: Int(m3uaPort))],
                                observer: observed.observe)
            defer { _ = try? node.stop().wait() }
            node.feed(.activate)
            let harness = Harness(peer: peer, sipPort: sipPort, m3uaPort: m3uaPort, daemon: daemon, node: node, observed: observed, records: records,
                                  configFile: config.path)
            let grs = try #require(observed.waitFor(.grs), "no GRS; daemon log:\n\(daemon.log)")
            #expect(grs.cic == CIC(1))
            try harness.send(ISUPMessage(type: .gra, cic: CIC(1), parameters: [Parameter(code: .rangeAndStatus, value: [30, 0, 0, 0, 0])]))
            usleep(100_000)
            try body(harness)
        }
    }

    /// Q.764 §2.9.3.2 at the association's start, then the B.3 I→S flow end to end: IAM → INVITE, 180 → ACM,
    /// 200 → ANM + ACK, REL → BYE + RLC, 200; SIGTERM → exit 0 and one call record.
    @Test func callThroughTheDaemon() throws {
        try Self.withDaemon { h in
            let invite = try h.call(cic: 5)
            #expect(invite.method == "INVITE")
            guard case .request(_, let uri) = invite.startLine else { return }
            #expect(uri == "sip:+390612345678@olo.example.it;user=phone")
            #expect((try SIPIBody(parsing: invite))?.isup.type == .iam)
            h.peer.send(Peer.response(180, "Ringing", to: invite), to: h.sipPort)
            #expect(h.observed.waitFor(.acm) != nil)
            h.peer.send(Peer.response(200, "OK", to: invite, sdp: true), to: h.sipPort)
            #expect(h.observed.waitFor(.anm) != nil)
            let ack = try h.peer.receive(skipping: ["INVITE"])
            #expect(ack.method == "ACK")
            try h.send(ISUPMessage(type: .rel, cic: CIC(5), parameters: [Parameter(code: .causeIndicators, value: [0x82, 0x90])]))
            #expect(h.observed.waitFor(.rlc) != nil)
            let bye = try h.peer.receive(skipping: ["INVITE", "ACK"])
            #expect(bye.method == "BYE")
            #expect(bye.header("reason")?.contains("cause=16") == true)
            h.peer.send(Peer.response(200, "OK", to: bye), to: h.sipPort)
            usleep(200_000)
            let (status, lines) = try h.terminate()
            #expect(status == 0, "\(h.daemon.log)")
            #expect(lines.count == 1)
            #expect(lines.first?.contains("\"isupCause\":16") == true)
            #expect(lines.first?.contains("\"releasedBy\":\"isup\"") == true)
            #expect(lines.first?.contains("\"cic\":5") == true)
        }
    }

    /// Issue 8, Lifecycle: SIGTERM with an answered call releases it on both sides (REL 41, BYE with Reason 41),
    /// waits for the releases, writes its record, exits 0.
    @Test func sigtermReleasesActiveCalls() throws {
        try Self.withDaemon { h in
            let invite = try h.call(cic: 7)
            h.peer.send(Peer.response(200, "OK", to: invite, sdp: true), to: h.sipPort)
            #expect(h.observed.waitFor(.con) != nil)
            _ = try h.peer.receive(skipping: ["INVITE"])
            h.daemon.process.terminate()
            let rel = try #require(h.observed.waitFor(.rel))
            #expect(rel.causeIndicators?.value == 41)
            try h.send(ISUPMessage(type: .rlc, cic: CIC(7), parameters: []))
            let bye = try h.peer.receive(skipping: ["INVITE", "ACK"])
            #expect(bye.method == "BYE")
            #expect(bye.header("reason")?.contains("cause=41") == true)
            h.peer.send(Peer.response(200, "OK", to: bye), to: h.sipPort)
            let (status, lines) = try h.terminate()
            #expect(status == 0, "\(h.daemon.log)")
            #expect(lines.count == 1)
            #expect(lines.first?.contains("\"isupCause\":41") == true)
        }
    }
}
