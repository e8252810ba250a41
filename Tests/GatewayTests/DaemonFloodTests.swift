import Foundation
import NIOConcurrencyHelpers
import OracleSupport
import SIPI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 10, "a slow or flooding peer": the daemon as users run it stays responsive to the switch, to its other
/// traffic and to `/metrics` while its SIP port is flooded.
@Suite(.serialized) struct DaemonFloodTests {
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

    /// For 3 s the configured peer's host retransmits one OPTIONS without pause (a retransmission storm: each copy
    /// is absorbed by the server transaction, RFC 3261 §17.2.3) and an unknown source (127.0.0.9) sends INVITEs
    /// (dropped: no dialog, issue 8). Meanwhile `/metrics` answers every scrape within 2 s, and a call from the
    /// switch reaches the peer and is answered; afterwards the daemon still serves the next call.
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
            try h.answeredCall(cic: 5, ringing: 0) {}
            while counts.withLockedValue({ $0.count }) < 2 { usleep(50_000) }
            let sent = counts.withLockedValue { $0 }
            #expect(sent.allSatisfy { $0 > 10_000 }, "the storm was too small to judge: \(sent)")
            try WireBadInputTests.stillServes(h, cic: 7)
            #expect(h.daemon.process.isRunning)
        }
    }
}
