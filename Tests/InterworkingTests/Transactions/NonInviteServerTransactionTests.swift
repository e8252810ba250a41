import Interworking
import SIPI
import Testing

@Suite struct NonInviteServerTransactionTests {
    let id = TransactionID(role: .server, branch: "z9hG4bKopt1", method: "OPTIONS", sentBy: "gw.olo1.it:5060")
    let options = Fixtures.request("OPTIONS", branch: "z9hG4bKopt1")

    /// RFC 3261 §17.2.2: Trying passes the request up and discards retransmissions; a provisional is resent for
    /// each retransmission in Proceeding, the final in Completed; Timer J (64·T1) terminates; further finals are
    /// refused ("MUST be discarded").
    @Test func tryingProceedingCompletedTimerJ() {
        var h = TransactionHarness()
        #expect(h.feed(.received(options, from: Fixtures.peerUDP)) == [.request(options, from: Fixtures.peerUDP, transaction: id)])
        #expect(h.feed(.received(options, from: Fixtures.peerUDP)).isEmpty)
        let trying = options.response(100)
        #expect(h.feed(.sendResponse(trying, transaction: id)) == [.transmit(trying, to: Fixtures.peerUDP)])
        #expect(h.feed(.received(options, from: Fixtures.peerUDP)) == [.transmit(trying, to: Fixtures.peerUDP)])
        let ok = options.response(200)
        #expect(h.feed(.sendResponse(ok, transaction: id)) == [
            .transmit(ok, to: Fixtures.peerUDP), .startTimer(id, .J, after: .seconds(32)),
        ])
        #expect(h.feed(.received(options, from: Fixtures.peerUDP)) == [.transmit(ok, to: Fixtures.peerUDP)])
        let late = options.response(500)
        #expect(h.feed(.sendResponse(late, transaction: id)) == [.refused(late, .responseNotAllowed(id, status: 500))])
        #expect(h.advance(to: 31.9).isEmpty)
        #expect(h.advance(to: 32) == [.terminated(id)])
        #expect(h.layer.count == 0)
        // A retransmission after the end is a new transaction.
        #expect(h.feed(.received(options, from: Fixtures.peerUDP)) == [.request(options, from: Fixtures.peerUDP, transaction: id)])
    }

    /// RFC 3261 §17.2.2: Timer J is zero on a reliable transport.
    @Test func tcpTerminatesWithTheFinalResponse() {
        var h = TransactionHarness()
        let tcp = SIPEndpoint(host: "192.0.2.2", port: 40000, transport: .tcp)
        h.feed(.received(options, from: tcp))
        let ok = options.response(200)
        #expect(h.feed(.sendResponse(ok, transaction: id)) == [.transmit(ok, to: tcp), .terminated(id)])
    }
}
