import Dispatch
import Foundation
import Gateway
import Interworking
import OracleSupport
import Testing

/// Issue 8, ENUM: the daemon's c-ares resolver where no DNS server answers (ENUMDNSMasqTests has the answers).
@Suite(.serialized) struct ENUMResolverTests {
    static let zone = "e164.test"

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

    /// Nobody on the port (ICMP port unreachable): the lookup fails at once, well within its timeout.
    @Test func closedPortFailsWithinTheTimeout() throws {
        let port = try UDPExchange.freePort()
        let (answer, took) = try Self.lookUp("390612345678", servers: ["127.0.0.1:\(port)"], timeout: .seconds(1))
        guard case .failed = answer else {
            Issue.record("expected a failure, got \(answer)")
            return
        }
        #expect(took < .milliseconds(1500), "took \(took)")
    }

    /// Two servers that read and never answer (UDP sockets of the test): each is tried once for half the budget,
    /// so c-ares' timeout comes at the engine's (1 s), not later.
    @Test func unansweringServersTimeOut() throws {
        let sockets = try (0..<2).map { _ in try DaemonEndToEndTests.Peer() }
        let (answer, took) = try Self.lookUp("390612345678", servers: sockets.map { "127.0.0.1:\($0.port)" }, timeout: .seconds(1))
        #expect(answer == .failed("Timeout while contacting DNS servers"))
        #expect(took >= .milliseconds(900) && took < .milliseconds(1500), "took \(took)")
    }

    /// Stopping with a query in flight answers it (failed) and returns; a lookup after the stop fails at once.
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

    /// c-ares refuses a server list it cannot read: the error names the key.
    @Test func unreadableServersAreRefused() {
        let error = #expect(throws: ENUMResolverError.self) {
            try ENUMResolver(.init(zone: Self.zone, timeout: .seconds(1), servers: ["not an address"]))
        }
        #expect(error?.description.hasPrefix("routes.enumLookup.servers not an address: ") == true, "\(String(describing: error))")
    }
}
