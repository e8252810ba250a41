import Dispatch
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
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/dnsmasq"),
                             "dnsmasq not installed (apt-get install dnsmasq-base); the ENUM tests are skipped"))
struct ENUMResolverTests {
    static let dnsmasq = "/usr/sbin/dnsmasq"
    static let zone = "e164.test"

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
            let server = try PeerProcess(dnsmasq, [
                "--no-daemon", "--no-resolv", "--no-hosts", "--port=\(port)", "--listen-address=127.0.0.1",
                "--bind-interfaces", "--pid-file=", "--local=/\(zone)/", "--log-queries",
            ] + records.map { "--naptr-record=\($0)" }, log: dir.appendingPathComponent("dnsmasq.log"))
            defer { server.stop() }
            let deadline = Date().addingTimeInterval(5)
            while !server.log.contains("cleared cache"), Date() < deadline { usleep(20_000) }
            return try body(port)
        }
    }

    /// One lookup, waited for; with the time it took.
    static func lookUp(_ number: String, servers: [String], timeout: TimerDuration = .seconds(2)) throws -> (LookupAnswer, Duration) {
        let resolver = try ENUMResolver(.init(zone: zone, timeout: timeout, servers: servers))
        defer { resolver.stop() }
        let done = DispatchSemaphore(value: 0)
        let box = LockedAnswer()
        let clock = ContinuousClock(), start = clock.now
        resolver.resolve(number: number, zone: zone) { answer in
            box.set(answer)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success, "no answer within 10 s")
        return (box.answer ?? .failed("none"), clock.now - start)
    }

    final class LockedAnswer: @unchecked Sendable {
        private let lock = NSLock()
        private var value: LookupAnswer?
        func set(_ answer: LookupAnswer) { lock.withLock { value = answer } }
        var answer: LookupAnswer? { lock.withLock { value } }
    }

    /// The order-10 `E2U+sip` record wins (RFC 3403 §4.1: the mailto record of order 5 serves no SIP, order 20
    /// comes later); its regexp turns "+390612345678" into the URI with both groups.
    @Test func numberWithSIPRecordGivesItsURI() throws {
        let (answer, _) = try Self.withDNSMasq { port in try Self.lookUp("390612345678", servers: ["127.0.0.1:\(port)"]) }
        #expect(answer == .uri("sip:+390612345678@ported.example.it;user=phone"))
    }

    @Test func numberWithoutSIPRecordIsNotFound() throws {
        let (answer, _) = try Self.withDNSMasq { port in try Self.lookUp("390612345679", servers: ["127.0.0.1:\(port)"]) }
        #expect(answer == .notFound)
    }

    @Test func unknownNumberIsNotFound() throws {
        let (answer, _) = try Self.withDNSMasq { port in try Self.lookUp("390699999999", servers: ["127.0.0.1:\(port)"]) }
        #expect(answer == .notFound)
    }

    /// Nobody on the port: the lookup fails, and within its timeout (one try per server, RFC 6116 leaves retries to
    /// the client; the engine's own timer is the same second).
    @Test func silentServerFailsWithinTheTimeout() throws {
        let port = try UDPExchange.freePort()
        let (answer, took) = try Self.lookUp("390612345678", servers: ["127.0.0.1:\(port)"], timeout: .seconds(1))
        guard case .failed = answer else {
            Issue.record("expected a failure, got \(answer)")
            return
        }
        #expect(took < .milliseconds(1500), "took \(took)")
    }

    /// A server that does not answer at all (a UDP socket that reads nothing): the c-ares timeout, within the
    /// budget of two servers (each half of it).
    @Test func unansweringServersTimeOut() throws {
        let sockets = try (0..<2).map { _ in try DaemonEndToEndTests.Peer() }
        let (answer, took) = try Self.lookUp("390612345678", servers: sockets.map { "127.0.0.1:\($0.port)" }, timeout: .seconds(1))
        #expect(answer == .failed("Timeout while contacting DNS servers"))
        #expect(took >= .milliseconds(900) && took < .milliseconds(1500), "took \(took)")
    }

    /// Stopping with a query in flight answers it (failed) and returns.
    @Test func stopAnswersQueriesInFlight() throws {
        let silent = try DaemonEndToEndTests.Peer()
        let resolver = try ENUMResolver(.init(zone: Self.zone, timeout: .seconds(5), servers: ["127.0.0.1:\(silent.port)"]))
        let done = DispatchSemaphore(value: 0)
        let box = LockedAnswer()
        resolver.resolve(number: "390612345678", zone: Self.zone) { box.set($0); done.signal() }
        usleep(100_000)
        resolver.stop()
        #expect(done.wait(timeout: .now() + 1) == .success)
        guard case .failed = box.answer else {
            Issue.record("expected a failure, got \(String(describing: box.answer))")
            return
        }
        resolver.resolve(number: "390612345678", zone: Self.zone) { box.set($0) }
        #expect(box.answer == .failed("ENUM resolver stopped"))
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
            }
        }
    }
}
