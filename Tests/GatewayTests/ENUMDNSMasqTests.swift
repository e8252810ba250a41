import Foundation
import Gateway
import Interworking
import ISUP
import OracleSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, ENUM: the daemon's resolver (c-ares) against dnsmasq, a DNS server no one here wrote, serving NAPTR
/// records (RFC 3403) of a test zone on loopback; then a call through `sipigw run` routed by the ENUM answer.
/// Skipped without dnsmasq, except under `CI=true` (then it fails).
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/dnsmasq") || Tshark.isCI,
                             "dnsmasq not installed (apt-get install dnsmasq-base); the ENUM DNS tests are skipped"))
struct ENUMDNSMasqTests {
    static let zone = ENUMResolverTests.zone

    /// The test zone (RFC 6116 §2.4 domains of the numbers, by hand):
    /// - 390612345678 (8.7.6.5.4.3.2.1.6.0.9.3): an `E2U+email:mailto` record of order 5, an `E2U+sip` record of
    ///   order 10 whose regexp rebuilds the number from two groups, another `E2U+sip` of order 20 that must lose;
    /// - 390612345679 (9.7.6.5.…): only `E2U+email:mailto`;
    /// - anything else in the zone: NXDOMAIN (`--local`: never forwarded).
    static let records = [
        "8.7.6.5.4.3.2.1.6.0.9.3.e164.test,5,100,u,E2U+email:mailto,!^.*$!mailto:info@example.com!",
        "8.7.6.5.4.3.2.1.6.0.9.3.e164.test,10,100,u,E2U+sip,!^\\+(39)(.*)$!sip:+\\1\\2@ported.example.it;user=phone!",
        "8.7.6.5.4.3.2.1.6.0.9.3.e164.test,20,100,u,E2U+sip,!^.*$!sip:second@example.com!",
        "9.7.6.5.4.3.2.1.6.0.9.3.e164.test,10,100,u,E2U+email:mailto,!^.*$!mailto:info@example.com!",
    ]

    /// dnsmasq in the foreground on 127.0.0.1:`port`, stopped (by its PID) when `body` returns.
    static func withDNSMasq<T>(_ body: (UInt16) throws -> T) throws -> T {
        try ScratchDirectory.with("sipigw-enum") { dir in
            let port = try UDPExchange.freePort()
            let log = dir.appendingPathComponent("dnsmasq.log").path
            let server = try SpawnedProgram("/usr/sbin/dnsmasq", [
                "--no-daemon", "--no-resolv", "--no-hosts", "--port=\(port)", "--listen-address=127.0.0.1",
                "--bind-interfaces", "--pid-file=", "--local=/\(zone)/",
            ] + records.map { "--naptr-record=\($0)" }, log: log)
            defer { server.stop() }
            // Its last line at start-up, once the sockets are bound.
            let deadline = Date().addingTimeInterval(5)
            while (try? String(contentsOfFile: log, encoding: .utf8))?.contains("cleared cache") != true, Date() < deadline {
                usleep(20_000)
            }
            return try body(port)
        }
    }

    /// A program started with posix_spawn, not Foundation's Process: dnsmasq closes every descriptor it inherits,
    /// the one Process watches among them, and Process's monitor thread then blocks in waitpid on dnsmasq and misses
    /// every other child's exit (the daemon's). Signals are unblocked and default in the child (Process would pass
    /// on a mask blocking SIGTERM); `stop` sends SIGTERM to its PID, SIGKILL after a second, and reaps it.
    final class SpawnedProgram {
        struct Failure: Error, CustomStringConvertible { var description: String }
        let pid: pid_t

        init(_ path: String, _ arguments: [String], log: String) throws {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var unblocked = sigset_t(), defaulted = sigset_t()
            sigemptyset(&unblocked)
            sigemptyset(&defaulted)
            for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaulted, signal) }
            posix_spawnattr_setsigmask(&attributes, &unblocked)
            posix_spawnattr_setsigdefault(&attributes, &defaulted)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = ([path] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid = pid_t()
            let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
            guard status == 0 else { throw Failure(description: "posix_spawn \(path): \(String(cString: strerror(status)))") }
            self.pid = pid
        }

        func stop() {
            kill(pid, SIGTERM)
            for _ in 0..<100 {
                if waitpid(pid, nil, WNOHANG) == pid { return }
                usleep(10_000)
            }
            kill(pid, SIGKILL)
            waitpid(pid, nil, 0)
        }

        deinit { if waitpid(pid, nil, WNOHANG) == 0 { stop() } }
    }

    /// The order-10 `E2U+sip` record wins (RFC 3403 §4.1: the mailto record of order 5 serves no SIP, order 20
    /// comes later); its regexp turns "+390612345678" into the URI with both groups.
    @Test func numberWithSIPRecordGivesItsURI() throws {
        let (answer, _) = try Self.withDNSMasq { port in try ENUMResolverTests.lookUp("390612345678", servers: ["127.0.0.1:\(port)"]) }
        #expect(answer == .uri("sip:+390612345678@ported.example.it;user=phone"))
    }

    @Test func numberWithoutSIPRecordIsNotFound() throws {
        let (answer, _) = try Self.withDNSMasq { port in try ENUMResolverTests.lookUp("390612345679", servers: ["127.0.0.1:\(port)"]) }
        #expect(answer == .notFound)
    }

    /// NXDOMAIN.
    @Test func unknownNumberIsNotFound() throws {
        let (answer, _) = try Self.withDNSMasq { port in try ENUMResolverTests.lookUp("390699999999", servers: ["127.0.0.1:\(port)"]) }
        #expect(answer == .notFound)
    }

    /// End to end: the IAM's called number 0612345678 (global 390612345678) is looked up in dnsmasq; the URI's host
    /// is the domain of the peer `ported`, which gets the INVITE with that Request-URI (the table would have sent
    /// it to `olo`). Its 486 becomes REL with cause 17 (RFC 3398 §8.2.6.1, user busy).
    @Test func daemonRoutesByENUM() throws {
        try Self.withDNSMasq { port in
            let ported = try DaemonEndToEndTests.Peer()
            try DaemonEndToEndTests.withDaemon(
                morePeers: "  - { name: ported, address: { host: 127.0.0.1, port: \(ported.port) }, domain: ported.example.it }",
                moreRoutes: "  enumLookup: { zone: \(Self.zone), timeout: 2s, servers: [\"127.0.0.1:\(port)\"] }"
            ) { h in
                try h.sendIAM(cic: 9)
                let invite = try ported.receive()
                guard case .request(let method, let uri) = invite.startLine else {
                    Issue.record("not a request: \(invite)")
                    return
                }
                #expect(method == "INVITE")
                #expect(uri == "sip:+390612345678@ported.example.it;user=phone", "\(h.daemon.log)")
                ported.send(DaemonEndToEndTests.Peer.response(486, "Busy Here", to: invite), to: h.sipPort)
                let rel = try #require(h.observed.waitFor(.rel), "no REL:\n\(h.daemon.log)")
                #expect(rel.cic == CIC(9))
                #expect(rel.causeIndicators?.value == 17)
                try h.send(ISUPMessage(type: .rlc, cic: CIC(9), parameters: []))
                let (status, lines) = try h.terminate()
                #expect(status == 0, "\(h.daemon.log)")
                #expect(lines.count == 1)
                #expect(lines.first?.contains("\"peer\":\"ported\"") == true, "\(lines)")
            }
        }
    }
    /// A failed lookup leaves the call to the route table, and a reload that changes `servers` takes effect at the
    /// next lookup: first the ENUM server is a closed port (refused at once) and the INVITE goes to `olo` by the
    /// table; after `POST /reload` naming dnsmasq, the next call goes to `ported` by ENUM.
    @Test func failureFallsBackAndReloadChangesTheServers() throws {
        try Self.withDNSMasq { port in
            let ported = try DaemonEndToEndTests.Peer()
            let closed = try UDPExchange.freePort(), control = try UDPExchange.freePort()
            let enumLine = { (server: UInt16) in "  enumLookup: { zone: \(Self.zone), timeout: 2s, servers: [\"127.0.0.1:\(server)\"] }" }
            try DaemonEndToEndTests.withDaemon(
                extra: "control: { host: 127.0.0.1, port: \(control) }",
                morePeers: "  - { name: ported, address: { host: 127.0.0.1, port: \(ported.port) }, domain: ported.example.it }",
                moreRoutes: enumLine(closed)
            ) { h in
                for (cic, peer, uri) in [(11, h.peer, "sip:+390612345678@olo.example.it;user=phone"),
                                         (12, ported, "sip:+390612345678@ported.example.it;user=phone")] {
                    if cic == 12 {
                        let text = try String(contentsOfFile: h.configFile, encoding: .utf8)
                        try text.replacingOccurrences(of: enumLine(closed), with: enumLine(port))
                            .write(toFile: h.configFile, atomically: true, encoding: .utf8)
                        let reloaded = try DaemonControlTests.ctl(["reload"], port: control)
                        #expect(reloaded.status == 0, "\(reloaded.stderr)")
                    }
                    try h.sendIAM(cic: cic)
                    let invite = try peer.receive()
                    guard case .request(_, let requestURI) = invite.startLine else {
                        Issue.record("not a request: \(invite)")
                        return
                    }
                    #expect(requestURI == uri, "CIC \(cic): \(h.daemon.log)")
                    peer.send(DaemonEndToEndTests.Peer.response(486, "Busy Here", to: invite), to: h.sipPort)
                    let rel = try #require(h.observed.waitFor(.rel, count: cic - 10), "no REL:\n\(h.daemon.log)")
                    #expect(rel.cic == CIC(cic))
                    try h.send(ISUPMessage(type: .rlc, cic: CIC(cic), parameters: []))
                }
                #expect(h.daemon.log.contains("ENUM lookup failed: "), "\(h.daemon.log)")
                #expect(!h.daemon.log.contains("0612345678"), "a number in the log: \(h.daemon.log)")
            }
        }
    }
}
