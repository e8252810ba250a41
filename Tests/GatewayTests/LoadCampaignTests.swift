import Foundation
import ISUP
import M3UA
import NIOConcurrencyHelpers
import OracleSupport
import SIPI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 10's load campaigns: 1,000 calls released by SIGTERM, then SIGKILL and restarts; a flooded SIP port; a
/// switch flooding its association with DATA. They
/// load the machine on purpose, so `make test` runs this suite alone, after the others (whose timers they would
/// disturb): `swift test --skip LoadCampaignTests`, then `--filter LoadCampaignTests`.
@Suite(.serialized) struct LoadCampaignTests {
    typealias Daemon = DaemonEndToEndTests

    /// Datagrams sent as fast as the socket takes them, for `seconds`, from `source` (a loopback address); the
    /// number sent.
    static func flood(_ datagrams: [[UInt8]], from source: String, to port: UInt16, for seconds: Double) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var local = sockaddr_in(), remote = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, source, &local.sin_addr)
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = port.bigEndian
        remote.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        _ = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        let end = Date().addingTimeInterval(seconds)
        var sent = 0
        while Date() < end {
            for wire in datagrams {
                _ = withUnsafePointer(to: &remote) { a in
                    a.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                        wire.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                    }
                }
                sent += 1
            }
        }
        return sent
    }

    static func wire(_ lines: [String]) -> [UInt8] { Array((lines + ["", ""]).joined(separator: "\r\n").utf8) }

    /// Issue 10, faults end to end: SIGTERM with 1,000 answered calls (switch-sim → gateway → SIPp UAS), then
    /// SIGKILL and restarts. On SIGTERM every call is released on both sides — REL with the shutdown cause 41 to
    /// the switch, BYE to SIPp, which counts 1,000 calls ended well — one record each, exit 0. Each new gateway
    /// resets the circuits at start (GRS, Q.764 §2.9.3.2), the one after SIGKILL included, and serves a new call
    /// (SIPp UAC → switch): no state survives.
    @Test func sigtermWithAThousandCallsThenSIGKILLAndRestart() throws {
        try SIPpInterworkingTests.withRun { run in
            let uas = try run.sipp("uas", scenario: SIPpInterworkingTests.fixtures.appendingPathComponent("uas-answer.xml"),
                                   ["-i", "127.0.0.1", "-p", "\(run.ports.peerB)", "-m", "1000", "-timeout", "180"])
            defer { uas.stop() }
            var gateway = try run.gateway(cics: "1-1100")
            defer { gateway.stop() }
            let sim = try run.switchSim(["--cics", "1-1100", "--calls", "1000", "--rate", "250", "--hold", "120s",
                                         "--answer", "answer", "--ring", "50ms", "--linger", "60s"])
            defer { sim.stop() }
            // SIPp's statistics (written every second) show the 1,000 calls established.
            let deadline = Date().addingTimeInterval(120)
            while (try? run.statistics("uas"))?["CurrentCall"] != "1000", Date() < deadline { usleep(200_000) }
            #expect(try run.statistics("uas")["CurrentCall"] == "1000", "\(gateway.log.suffix(2000))")
            gateway.process.terminate()
            #expect(run.exited(gateway, within: 15), "the gateway did not drain its calls")
            #expect(gateway.process.terminationStatus == 0, "\(gateway.log.suffix(2000))")
            let records = run.callRecords()
            #expect(records.count == 1000, "gateway:\n\(gateway.log.suffix(3000))\nswitch:\n\(sim.log.suffix(3000))")
            #expect(records.allSatisfy { $0["isupCause"] as? Int == 41 && $0["sipStatus"] as? Int == 200 }, "\(records.prefix(2))")
            // Within the drain time every release completed (RLC from the switch, 200 to each BYE).
            #expect(records.filter { $0["unfinished"] as? Bool == true }.count == 0)
            #expect(run.exited(uas, within: 20), "SIPp did not see its 1,000 calls end:\n\(uas.log.suffix(2000))")
            #expect(uas.process.terminationStatus == 0, "\(uas.log.suffix(2000))")
            #expect(try run.statistics("uas")["SuccessfulCall(C)"] == "1000")
            func resets() -> Int { sim.log.components(separatedBy: "← GRS").count - 1 }
            #expect(resets() >= 1, "\(sim.log.suffix(2000))")
            // A new gateway resets the circuits; killed, the next one resets them again and serves a call.
            for (n, kill) in [(2, true), (3, false)] {
                let before = resets()
                gateway = try run.gateway(cics: "1-1100")
                let deadline = Date().addingTimeInterval(20)
                while resets() == before, Date() < deadline { usleep(100_000) }
                #expect(resets() > before, "gateway \(n) did not reset the circuits:\n\(gateway.log)")
                if kill {
                    Glibc.kill(gateway.process.processIdentifier, SIGKILL)
                    gateway.process.waitUntilExit()
                }
            }
            let uac = try run.sipp("uac", scenario: SIPpInterworkingTests.fixtures.appendingPathComponent("uac-plain.xml"),
                                   ["127.0.0.1:\(run.ports.sip)", "-s", "+390612345678", "-i", "127.0.0.2",
                                    "-p", "\(run.ports.peerA)", "-m", "1", "-d", "200"])
            defer { uac.stop() }
            #expect(run.exited(uac, within: 20), "SIPp UAC did not end:\n\(uac.log)")
            #expect(uac.process.terminationStatus == 0, "after the restarts:\n\(uac.log)\ngateway:\n\(gateway.log)")
        }
    }

    /// For 3 s the configured peer's host retransmits one OPTIONS without pause (a retransmission storm: each copy
    /// is absorbed by the server transaction, RFC 3261 §17.2.3) and an unknown source (127.0.0.9) sends INVITEs
    /// (dropped: no dialog, issue 8). Meanwhile `/metrics` answers every scrape within 2 s and a call from the
    /// switch reaches the peer as an INVITE; afterwards calls are answered end to end.
    @Test func sipStormLeavesTheDaemonResponsive() throws {
        let metrics = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "metrics: { host: 127.0.0.1, port: \(metrics) }") { h in
            let options = Self.wire(["OPTIONS sip:gw.example.it SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-storm",
                                     "Max-Forwards: 70", "From: <sip:olo.example.it>;tag=storm", "To: <sip:gw.example.it>",
                                     "Call-ID: storm@olo", "CSeq: 1 OPTIONS", "Content-Length: 0"])
            let invite = Self.wire(["INVITE sip:+390612345678@gw.example.it;user=phone SIP/2.0",
                                    "Via: SIP/2.0/UDP 127.0.0.9:5060;branch=z9hG4bK-intruder", "Max-Forwards: 70",
                                    "From: <sip:+390298765432@intruder.example>;tag=x", "To: <sip:+390612345678@gw.example.it>",
                                    "Call-ID: intruder@x", "CSeq: 1 INVITE", "Content-Length: 0"])
            let counts = NIOLockedValueBox([Int]())
            let port = h.sipPort
            let storms = [(options, "127.0.0.1"), (invite, "127.0.0.9")].map { datagram, source in
                Thread {
                    let n = Self.flood([datagram], from: source, to: port, for: 3)
                    counts.withLockedValue { $0.append(n) }
                }
            }
            storms.forEach { $0.start() }
            usleep(300_000)
            var slowest = 0.0
            for _ in 0..<5 {
                let start = Date()
                let scrape = try PrometheusExposition.scrape(port: metrics)
                slowest = max(slowest, Date().timeIntervalSince(start))
                #expect(scrape["sipigw_association_up", ["association": "switch"]] == 1)
                usleep(200_000)
            }
            #expect(slowest < 2, "a scrape took \(slowest) s during the storm")
            // A call from the switch still goes out as an INVITE during the storm. (Its answers may be lost in the
            // flooded socket: the kernel drops what the full receive buffer cannot hold, as it would on a real
            // interconnect; a UAS retransmits its 200, not its 180.)
            let during = try h.call(cic: 5, skipping: ["OPTIONS", "200"])
            #expect(during.method == "INVITE")
            while counts.withLockedValue({ $0.count }) < 2 { usleep(50_000) }
            let sent = counts.withLockedValue { $0 }
            #expect(sent.allSatisfy { $0 > 10_000 }, "the storm was too small to judge: \(sent)")
            // The call placed during the storm is refused by the peer with 486, retransmitted as a UAS does until
            // the ACK (RFC 3261 §17.2.1, Timer G): the daemon may still be working through what the storm left in
            // its socket, and the kernel drops what does not fit. Then calls are answered end to end.
            var second = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(h.peer.fd, SOL_SOCKET, SO_RCVTIMEO, &second, socklen_t(MemoryLayout<timeval>.size))
            var acknowledged = false
            for _ in 0..<15 where !acknowledged {
                h.peer.send(Daemon.Peer.response(486, "Busy Here", to: during), to: h.sipPort)
                acknowledged = (try? h.peer.receive(skipping: ["OPTIONS", "INVITE"]))?.method == "ACK"
            }
            // The ACKs to the 486 copies that got through, and the INVITE's last retransmissions, are read away.
            for _ in 0..<50 { guard (try? h.peer.receive()) != nil else { break } }
            var tenSeconds = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(h.peer.fd, SOL_SOCKET, SO_RCVTIMEO, &tenSeconds, socklen_t(MemoryLayout<timeval>.size))
            #expect(acknowledged, "no ACK to the 486 within 15 s:\n\(h.daemon.log)")
            try h.answeredCall(cic: 9, ringing: 0) {}
            try WireBadInputTests.stillServes(h, cic: 7)
            #expect(h.daemon.process.isRunning)
        }
    }

    /// The daemon's resident set (VmRSS, /proc/PID/status), in KiB.
    static func residentKiB(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    }

    /// Issue 10, a flooding peer: the switch's own association carries 150,000 DATA messages as fast as its ASP
    /// writes them, a third each of three kinds every one of which the daemon must answer — an IAM on CIC 100,
    /// which the trunk (CICs 1–31) does not have (UCIC, Q.764 §2.12), a message of the unallocated type 0xFE on
    /// idle CIC 20 (CFN cause 97, Q.764 §2.9.5.1 a) and an IAM cut after its fixed part on CIC 21 (Q.763 §1.3:
    /// mandatory variable pointers missing). Meanwhile `/metrics` answers every scrape within 2 s and the SIP peer's
    /// OPTIONS gets its 200 within 1 s (measured: 0.4–0.5 s and 0.13–0.21 s; 1.3 s and 0.8 s when each reply was
    /// flushed on its own and four reads were taken per loop pass); the daemon answers the flood (UCIC counted),
    /// its resident set grows by less than 1 KiB per flooding message (nothing kept per message), and afterwards it
    /// places a call as before.
    @Test func m3uaDataFloodLeavesTheDaemonResponsive() throws {
        let metrics = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "metrics: { host: 127.0.0.1, port: \(metrics) }") { h in
            let rssBefore = try #require(Self.residentKiB(h.daemon.process.processIdentifier))
            // Q.763 §1.3 layouts, derived by hand: CIC (2 octets, LSB first), message type, then the parameters.
            let iam100 = try ProtocolData(opc: 2, dpc: 1, ni: 2, sls: 4, isup: ISUPMessage(type: .iam, cic: CIC(100), parameters: [
                Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
            ]))
            let unallocated = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 4, userProtocolData: [20, 0, 0xFE, 0x00])
            let cutIAM = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 5,
                                      userProtocolData: [21, 0, 0x01, 0x00, 0x20, 0x01, 0x0A, 0x00])
            let total = 150_000
            let node = h.node
            let flood = Thread {
                for n in 0..<total { node.feed(.sendData([iam100, unallocated, cutIAM][n % 3])) }
            }
            flood.start()
            usleep(200_000)
            var slowestScrape = 0.0, slowestOptions = 0.0
            for n in 0..<5 {
                var start = Date()
                let scrape = try PrometheusExposition.scrape(port: metrics)
                slowestScrape = max(slowestScrape, Date().timeIntervalSince(start))
                #expect(scrape["sipigw_association_up", ["association": "switch"]] == 1)
                start = Date()
                h.peer.send(["OPTIONS sip:gw.example.it SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:\(h.peer.port);branch=z9hG4bK-flood\(n)",
                             "Max-Forwards: 70", "From: <sip:olo.example.it>;tag=flood", "To: <sip:gw.example.it>",
                             "Call-ID: flood\(n)@olo", "CSeq: \(n + 1) OPTIONS", "Content-Length: 0", "", ""].joined(separator: "\n"),
                            to: h.sipPort)
                let reply = try h.peer.receive(skipping: ["OPTIONS"], seconds: 5)
                slowestOptions = max(slowestOptions, Date().timeIntervalSince(start))
                #expect(reply.statusCode == 200 && reply.header("call-id") == "flood\(n)@olo", "\(reply)")
                usleep(200_000)
            }
            #expect(slowestScrape < 2, "a scrape took \(slowestScrape) s during the flood")
            #expect(slowestOptions < 1, "an OPTIONS took \(slowestOptions) s to be answered during the flood")
            while flood.isExecuting { usleep(50_000) }
            // The daemon works through what the socket holds: the UCIC count stops growing once it has.
            var answered = 0.0, previous = -1.0
            let deadline = Date().addingTimeInterval(60)
            while answered != previous, Date() < deadline {
                previous = answered
                usleep(1_000_000)
                answered = try PrometheusExposition.scrape(port: metrics)["sipigw_messages_total",
                    ["protocol": "isup", "type": "UCIC", "direction": "out"]] ?? 0
            }
            #expect(answered >= Double(total / 3 / 2), "only \(answered) UCIC for \(total / 3) IAMs on CIC 100:\n\(h.daemon.log.suffix(2000))")
            let rssAfter = try #require(Self.residentKiB(h.daemon.process.processIdentifier))
            #expect(rssAfter - rssBefore < total, "RSS \(rssBefore) → \(rssAfter) KiB over \(total) messages")
            try WireBadInputTests.stillServes(h, cic: 7)
            #expect(h.daemon.process.isRunning)
        }
    }
}
