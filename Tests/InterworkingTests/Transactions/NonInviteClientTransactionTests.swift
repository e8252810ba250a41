import Interworking
import SIPI
import Testing

@Suite struct NonInviteClientTransactionTests {
    let id = TransactionID(role: .client, branch: "z9hG4bKbye1", method: "BYE")
    let bye = Fixtures.request("BYE", branch: "z9hG4bKbye1")

    func ok(_ status: Int = 200, _ reason: String = "OK") -> SIPMessage {
        Fixtures.response(status, reason, branch: "z9hG4bKbye1", cseq: "2 BYE")
    }

    /// RFC 3261 §17.1.2.2: Timer E doubles from T1 up to T2 (0.5, 1, 2, 4, 4, 4 s …); Timer F (64·T1) times out.
    @Test func timerECappedAtT2AndTimerF() {
        var h = TransactionHarness()
        #expect(h.feed(.sendRequest(bye, to: Fixtures.peerUDP)) == [
            .transmit(bye, to: Fixtures.peerUDP),
            .startTimer(id, .E, after: .milliseconds(500)),
            .startTimer(id, .F, after: .seconds(32)),
        ])
        let end = h.advance(to: 40)
        let intervals = h.log.compactMap { entry -> Duration? in
            if case .startTimer(_, .E, let after) = entry.action { after } else { nil }
        }
        #expect(intervals == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4),
                              .seconds(4), .seconds(4), .seconds(4), .seconds(4), .seconds(4)])
        #expect(h.transmissionTimes() == [0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5])
        #expect(end.suffix(3) == [.timedOut(id), .cancelTimer(id, .E), .terminated(id)])
        #expect(h.log.first { $0.action == .timedOut(id) }.map { h.seconds($0.at) } == 32)
    }

    /// RFC 3261 §17.1.2.2: in Proceeding, Timer E "MUST be reset with a value of T2".
    @Test func proceedingRetransmitsEveryT2() {
        var h = TransactionHarness()
        h.feed(.sendRequest(bye, to: Fixtures.peerUDP))
        h.advance(to: 0.7)
        let trying = ok(100, "Trying")
        #expect(h.feed(.received(trying, from: Fixtures.peerUDP)) == [.response(trying, transaction: id)])
        h.advance(to: 15)
        #expect(h.transmissionTimes() == [0, 0.5, 1.5, 5.5, 9.5, 13.5])
    }

    /// RFC 3261 §17.1.2.2: a final response goes up once; Completed absorbs retransmissions for Timer K (T4 on UDP).
    @Test func finalResponseThenTimerK() {
        var h = TransactionHarness()
        h.feed(.sendRequest(bye, to: Fixtures.peerUDP))
        #expect(h.feed(.received(ok(), from: Fixtures.peerUDP)) == [
            .cancelTimer(id, .E), .cancelTimer(id, .F), .response(ok(), transaction: id), .startTimer(id, .K, after: .seconds(5)),
        ])
        #expect(h.feed(.received(ok(), from: Fixtures.peerUDP)).isEmpty)
        #expect(h.advance(to: 4.9).isEmpty)
        #expect(h.advance(to: 5) == [.terminated(id)])
        #expect(h.layer.count == 0)
    }

    /// RFC 3261 §17.1.2.2: over TCP no Timer E, and Timer K is zero.
    @Test func tcpTerminatesOnFinalResponse() {
        var h = TransactionHarness()
        #expect(h.feed(.sendRequest(bye, to: Fixtures.peerTCP)) == [
            .transmit(bye, to: Fixtures.peerTCP), .startTimer(id, .F, after: .seconds(32)),
        ])
        #expect(h.feed(.received(ok(), from: Fixtures.peerTCP)) == [
            .cancelTimer(id, .F), .response(ok(), transaction: id), .terminated(id),
        ])
    }

    /// RFC 3261 §17.1.3: a response matches by branch and CSeq method; one for another method is stray (§18.1.2).
    @Test func responseForAnotherMethodIsStray() {
        var h = TransactionHarness()
        h.feed(.sendRequest(bye, to: Fixtures.peerUDP))
        let other = Fixtures.response(200, "OK", branch: "z9hG4bKbye1", cseq: "2 CANCEL")
        #expect(h.feed(.received(other, from: Fixtures.peerUDP)) == [.stray(other, from: Fixtures.peerUDP)])
        let unknown = Fixtures.response(200, "OK", branch: "z9hG4bKnobody", cseq: "2 BYE")
        #expect(h.feed(.received(unknown, from: Fixtures.peerUDP)) == [.stray(unknown, from: Fixtures.peerUDP)])
        #expect(h.layer.count == 1)
    }
}
