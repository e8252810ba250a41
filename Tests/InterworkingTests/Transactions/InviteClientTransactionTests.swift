import Interworking
import SIPI
import Testing

@Suite struct InviteClientTransactionTests {
    let id = TransactionID(role: .client, branch: "z9hG4bKinv1", method: "INVITE")

    /// RFC 3261 §17.1.1.2: Timer A retransmits at T1, 2·T1, 4·T1, … (no T2 cap for INVITE); Timer B = 64·T1 ends
    /// the transaction with a timeout the TU treats as 408.
    @Test func udpRetransmitsWithTimerAAndTimesOutWithTimerB() {
        var h = TransactionHarness()
        let first = h.feed(.sendRequest(Fixtures.invite(), to: Fixtures.peerUDP))
        #expect(first == [
            .transmit(Fixtures.invite(), to: Fixtures.peerUDP),
            .startTimer(id, .A, after: .milliseconds(500)),
            .startTimer(id, .B, after: .seconds(32)),
        ])
        let end = h.advance(to: 40)
        #expect(h.transmissionTimes() == [0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5])
        let intervals = h.log.compactMap { entry -> Duration? in
            if case .startTimer(_, .A, let after) = entry.action { after } else { nil }
        }
        #expect(intervals == [0.5, 1, 2, 4, 8, 16, 32].map { .milliseconds(Int($0 * 1000)) })
        #expect(end.suffix(3) == [.timedOut(id), .cancelTimer(id, .A), .terminated(id)])
        #expect(h.log.first { $0.action == .timedOut(id) }.map { h.seconds($0.at) } == 32)
        #expect(h.layer.count == 0)
    }

    /// RFC 3261 §17.1.1.2: over a reliable transport Timer A is not started; Timer B still runs.
    @Test func tcpHasNoRetransmissionOnlyTimerB() {
        var h = TransactionHarness()
        let first = h.feed(.sendRequest(Fixtures.invite(via: "TCP"), to: Fixtures.peerTCP))
        #expect(first == [.transmit(Fixtures.invite(via: "TCP"), to: Fixtures.peerTCP), .startTimer(id, .B, after: .seconds(32))])
        #expect(h.advance(to: 40) == [.timedOut(id), .terminated(id)])
        #expect(h.transmissionTimes() == [0])
    }

    /// RFC 3261 §17.1.1.2: a provisional response moves Calling to Proceeding: no more retransmissions, each 1xx
    /// goes up.
    @Test func provisionalStopsTimerA() {
        var h = TransactionHarness()
        h.feed(.sendRequest(Fixtures.invite(), to: Fixtures.peerUDP))
        h.advance(to: 0.6)
        let trying = Fixtures.response(100, "Trying", toTag: nil)
        #expect(h.feed(.received(trying, from: Fixtures.peerUDP)) == [
            .cancelTimer(id, .A), .cancelTimer(id, .B), .response(trying, transaction: id),
        ])
        let ringing = Fixtures.response(180, "Ringing")
        #expect(h.feed(.received(ringing, from: Fixtures.peerUDP)) == [.response(ringing, transaction: id)])
        #expect(h.advance(to: 100).isEmpty)
        #expect(h.transmissionTimes() == [0, 0.5])
        #expect(h.layer.count == 1)
    }

    /// RFC 3261 §17.1.1.3: on a 300–699 the transaction itself ACKs: Request-URI, Call-ID, From, CSeq number of
    /// the INVITE, its top Via only, To of the response with its tag, its Route header fields. §17.1.1.2: each
    /// retransmitted final response is ACKed again and not passed up; Timer D (32 s on UDP) then terminates.
    @Test func busyHereIsAckedByTheLayer() throws {
        var h = TransactionHarness()
        var invite = Fixtures.invite()
        // A second Via below the top one, so that "top Via only" is visible.
        invite.headers.insert(SIPHeader("Via", "SIP/2.0/UDP proxy.olo1.it;branch=z9hG4bKlower"), at: 1)
        h.feed(.sendRequest(invite, to: Fixtures.peerUDP))
        h.advance(to: 0.7)
        let busy = Fixtures.response(486, "Busy Here")
        let actions = h.feed(.received(busy, from: Fixtures.peerUDP))
        let ack = try #require(actions.compactMap(\.transmittedMessage).first)
        #expect(actions == [
            .cancelTimer(id, .A), .cancelTimer(id, .B), .response(busy, transaction: id),
            .transmit(ack, to: Fixtures.peerUDP), .startTimer(id, .D, after: .seconds(32)),
        ])
        // Through libosip2 and back, to check the ACK as the wire carries it.
        let parsed = try SIPMessage(parsing: ack.serialized())
        #expect(parsed.startLine == .request(method: "ACK", uri: "sip:+390612345678@olo2.it;user=phone"))
        #expect(parsed.headers("via") == ["SIP/2.0/UDP gw.olo1.it:5060;branch=z9hG4bKinv1"])
        #expect(parsed.headers("route") == ["<sip:sbc1.olo2.it;lr>", "<sip:sbc2.olo2.it;lr>"])
        #expect(parsed.header("from") == invite.header("from"))
        #expect(parsed.header("to") == "<sip:+390612345678@olo2.it;user=phone>;tag=t2")
        #expect(parsed.header("call-id") == "call1@gw.olo1.it")
        #expect(parsed.header("cseq") == "1 ACK")
        #expect(parsed.header("max-forwards") == "70")
        #expect(parsed.header("contact") == nil)
        #expect(parsed.parts.isEmpty)

        #expect(h.feed(.received(busy, from: Fixtures.peerUDP)) == [.transmit(ack, to: Fixtures.peerUDP)])
        #expect(h.advance(to: 32.6).isEmpty)
        #expect(h.advance(to: 32.8) == [.terminated(id)])
        #expect(h.layer.count == 0)
        #expect(h.feed(.received(busy, from: Fixtures.peerUDP)) == [.stray(busy, from: Fixtures.peerUDP)])
    }

    /// RFC 3261 §17.1.1.2: Timer D is zero on a reliable transport: Completed ends at once.
    @Test func tcpFinalResponseTerminatesAtOnce() {
        var h = TransactionHarness()
        h.feed(.sendRequest(Fixtures.invite(via: "TCP"), to: Fixtures.peerTCP))
        let busy = Fixtures.response(486, "Busy Here")
        let actions = h.feed(.received(busy, from: Fixtures.peerTCP))
        #expect(actions.first == .cancelTimer(id, .B))
        #expect(actions.last == .terminated(id))
        #expect(actions.compactMap(\.transmittedMessage).map(\.method) == ["ACK"])
        #expect(h.layer.count == 0)
    }

    /// RFC 6026 §8.4: a 2xx moves the INVITE client to Accepted under Timer M (64·T1); 2xx retransmissions go up
    /// so that the TU ACKs them; the transaction sends no ACK itself; other responses are absorbed.
    @Test func okMovesToAcceptedAndPassesRetransmissionsUp() {
        var h = TransactionHarness()
        h.feed(.sendRequest(Fixtures.invite(), to: Fixtures.peerUDP))
        let ok = Fixtures.response(200, "OK")
        #expect(h.feed(.received(ok, from: Fixtures.peerUDP)) == [
            .cancelTimer(id, .A), .cancelTimer(id, .B), .response(ok, transaction: id), .startTimer(id, .M, after: .seconds(32)),
        ])
        h.advance(to: 1)
        #expect(h.feed(.received(ok, from: Fixtures.peerUDP)) == [.response(ok, transaction: id)])
        #expect(h.feed(.received(Fixtures.response(486, "Busy Here"), from: Fixtures.peerUDP)).isEmpty)
        #expect(h.transmissionTimes() == [0])
        #expect(h.advance(to: 32) == [.terminated(id)])
        #expect(h.layer.count == 0)
    }

    /// RFC 3261 §17.1.4: a transport error ends the transaction and informs the TU.
    @Test func transportErrorTerminates() {
        var h = TransactionHarness()
        h.feed(.sendRequest(Fixtures.invite(), to: Fixtures.peerUDP))
        #expect(h.feed(.transportError(id)) == [
            .transportFailed(id), .cancelTimer(id, .A), .cancelTimer(id, .B), .terminated(id),
        ])
        #expect(h.layer.count == 0)
    }

    /// A timer cancelled by the layer that the shell fires anyway (a race) is ignored.
    @Test func lateTimerIsIgnored() {
        var layer = TransactionLayer()
        _ = layer.handle(.sendRequest(Fixtures.invite(), to: Fixtures.peerUDP), at: .zero)
        _ = layer.handle(.received(Fixtures.response(180, "Ringing"), from: Fixtures.peerUDP), at: .zero)
        #expect(layer.handle(.timerFired(id, .A), at: .zero).isEmpty)
        #expect(layer.handle(.timerFired(id, .B), at: .zero).isEmpty)
        #expect(layer.count == 1)
    }
}
