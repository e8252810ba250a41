import Glibc
import M3UA
import Testing
@testable import SCTPTransport

/// Two associations of our own over the kernel's SCTP on loopback: multi-homing with bindx/connectx, PPID and
/// stream on both sides, a message larger than one read, notifications, shutdown, refusal. Needs a kernel with
/// SCTP, so on this machine these run inside Scripts/sctp-vm (SCTPVMTests.loopbackTestsInsideTheVM runs this
/// suite there) and are skipped, with that reason, on the host.
@Suite(.serialized, .enabled(if: kernelHasSCTP, "this kernel has no SCTP: SCTPVMTests runs this suite inside Scripts/sctp-vm"))
struct SCTPLoopbackTests {
    /// Reads until `want` matches, collecting what came before; nil on timeout or end of association.
    private func next(
        _ a: SCTPAssociation, seen: inout [SCTPIncoming], where want: (SCTPIncoming) -> Bool
    ) throws -> SCTPIncoming? {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            guard let incoming = try a.receive(timeout: ContinuousClock.now.duration(to: deadline)) else { return nil }
            seen.append(incoming)
            if want(incoming) { return incoming }
            if incoming == .closed { return nil }
        }
        return nil
    }

    private func isMessage(_ i: SCTPIncoming) -> Bool { if case .message = i { true } else { false } }

    @Test func multiHomedAssociationCarriesM3UAWithPPIDAndStream() throws {
        let serverAddresses = [SCTPEndpoint("127.0.0.1", port: 12905), SCTPEndpoint("127.0.0.2", port: 12905)]
        let clientAddresses = [SCTPEndpoint("127.0.0.1", port: 12906), SCTPEndpoint("127.0.0.3", port: 12906)]
        let listener = try SCTPListener(on: serverAddresses, streams: 4)
        let client = try SCTPAssociation(connectingTo: serverAddresses, from: clientAddresses, streams: 4)
        let server = try #require(try listener.accept(timeout: .seconds(5)))

        var clientSeen = [SCTPIncoming]()
        let up = try next(client, seen: &clientSeen) {
            if case .event(.associationChange(let c)) = $0 { c.state == .communicationUp } else { false }
        }
        guard case .event(.associationChange(let change))? = up else { Issue.record("no COMM_UP: \(clientSeen)"); return }
        #expect(change.outboundStreams == 4 && change.inboundStreams == 4)

        // Both ends see all the other's addresses (bindx on one side, connectx + bindx on the other).
        #expect(Set(try client.peerAddresses()) == Set(serverAddresses))
        #expect(Set(try server.peerAddresses()) == Set(clientAddresses))
        #expect(Set(try client.localAddresses()) == Set(clientAddresses))

        // M3UA DATA-like message on stream 1 with PPID 3 (sent in network byte order, read back as 3).
        let aspac = M3UAMessage(.aspac, [.trafficModeType(.loadshare), .routingContext([1])])
        try client.send(aspac, stream: 1)
        var serverSeen = [SCTPIncoming]()
        guard case .message(let m)? = try next(server, seen: &serverSeen, where: isMessage) else {
            Issue.record("server got no message: \(serverSeen)"); return
        }
        #expect(m.stream == 1)
        #expect(m.ppid == SCTPAssociation.m3uaPPID)
        #expect(try M3UAMessage(decoding: m.bytes) == aspac)

        // Another PPID and a message larger than one 64 KiB read, the other way.
        let big = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try server.send(big, stream: 3, ppid: 0x0102_0304)
        guard case .message(let b)? = try next(client, seen: &clientSeen, where: isMessage) else {
            Issue.record("client got no message: \(clientSeen)"); return
        }
        #expect(b.stream == 3 && b.ppid == 0x0102_0304 && b.bytes == big)

        // Graceful shutdown: the server is told (SCTP_SHUTDOWN_EVENT), the client gets SCTP_SHUTDOWN_COMP.
        try client.shutdown()
        let told = try next(server, seen: &serverSeen) { if case .event(.shutdown) = $0 { true } else { false } }
        #expect(told != nil, "server events: \(serverSeen)")
        let done = try next(client, seen: &clientSeen) {
            if case .event(.associationChange(let c)) = $0 { c.state == .shutdownComplete } else { false }
        }
        #expect(done != nil, "client events: \(clientSeen)")
    }

    /// Issue 8 (ETSI TS 102 381 run against our SGP): a message sent while the previous one is unacknowledged left
    /// only after the peer's delayed SACK, ~200 ms later (Nagle; RFC 6458 §8.1.5 SCTP_NODELAY). Two messages sent
    /// back to back by the accepting side must arrive together; five pairs, each gap well under the 200 ms SACK delay.
    @Test func messagesSentBackToBackAreNotHeldForTheSACK() throws {
        let address = SCTPEndpoint("127.0.0.1", port: 12910)
        let listener = try SCTPListener(on: [address])
        let client = try SCTPAssociation(connectingTo: [address])
        let server = try #require(try listener.accept(timeout: .seconds(5)))
        var seen = [SCTPIncoming]()
        _ = try next(client, seen: &seen) {
            if case .event(.associationChange(let c)) = $0 { c.state == .communicationUp } else { false }
        }
        let beat = M3UAMessage(.beat, [.heartbeatData([1, 2, 3, 4])])
        var gaps = [Duration]()
        for _ in 0..<5 {
            try server.send(beat)
            try server.send(beat)
            #expect(try next(client, seen: &seen, where: isMessage) != nil)
            let first = ContinuousClock.now
            #expect(try next(client, seen: &seen, where: isMessage) != nil)
            gaps.append(ContinuousClock.now - first)
            try client.send(beat)  // the client's own traffic, as an ASP would answer
            #expect(try next(server, seen: &seen, where: isMessage) != nil)
        }
        #expect(gaps.allSatisfy { $0 < .milliseconds(100) }, "gaps between back-to-back messages: \(gaps)")
    }

    @Test func abortIsCommunicationLostThenClosed() throws {
        let address = SCTPEndpoint("127.0.0.1", port: 12908)
        let listener = try SCTPListener(on: [address])
        let client = try SCTPAssociation(connectingTo: [address])
        let server = try #require(try listener.accept(timeout: .seconds(5)))
        var seen = [SCTPIncoming]()
        _ = try next(client, seen: &seen) {
            if case .event(.associationChange(let c)) = $0 { c.state == .communicationUp } else { false }
        }
        server.abort()
        #expect(server.descriptor == -1)
        let lost = try next(client, seen: &seen) {
            if case .event(.associationChange(let c)) = $0 { c.state == .communicationLost } else { false }
        }
        #expect(lost != nil, "client saw: \(seen)")
        #expect(try client.receive(timeout: .seconds(5)) == .closed)
        // No SIGPIPE (it would end this process): a typed error.
        #expect(throws: SCTPError.self) { try client.send([1, 2, 3]) }
    }

    @Test func connectingToAPortWithoutListenerIsRefused() {
        do {
            _ = try SCTPAssociation(connectingTo: [SCTPEndpoint("127.0.0.1", port: 12999)], timeout: .seconds(5))
            Issue.record("connected to a port nobody listens on")
        } catch {
            #expect(error == .system(.connect, errno: ECONNREFUSED))
            #expect(error.errno == ECONNREFUSED)
        }
    }

    @Test func bindingAnAddressThatIsNotLocalFails() {
        #expect(throws: SCTPError.system(.bind, errno: EADDRNOTAVAIL)) {
            _ = try SCTPListener(on: [SCTPEndpoint("192.0.2.1", port: 12907)])
        }
    }
}
