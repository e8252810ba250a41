import Interworking
import SIPI
import Testing

@Suite struct InviteServerTransactionTests {
    let id = TransactionID(role: .server, branch: "z9hG4bKinv1", method: "INVITE", sentBy: "gw.olo1.it:5060")
    let invite = Fixtures.invite()

    /// RFC 3261 §17.2.1: the server transaction sends 100 (Trying) at once (§8.2.6.1: no To tag needed, the
    /// request's Via, From, To, Call-ID, CSeq) and passes the INVITE up; a retransmitted INVITE gets the most
    /// recent provisional response again.
    @Test func tryingAtOnceAndRetransmissionsAnsweredWithLastProvisional() throws {
        var h = TransactionHarness()
        let actions = h.feed(.received(invite, from: Fixtures.peerUDP))
        #expect(actions.count == 2)
        let trying = try #require(actions.first?.transmittedMessage)
        #expect(actions == [.transmit(trying, to: Fixtures.peerUDP), .request(invite, from: Fixtures.peerUDP, transaction: id)])
        let parsed = try SIPMessage(parsing: trying.serialized())
        #expect(parsed.startLine == .response(statusCode: 100, reasonPhrase: "Trying"))
        for name in ["via", "from", "to", "call-id", "cseq"] { #expect(parsed.headers(name) == invite.headers(name)) }
        #expect(parsed.header("route") == nil && parsed.header("contact") == nil)

        #expect(h.feed(.received(invite, from: Fixtures.peerUDP)) == [.transmit(trying, to: Fixtures.peerUDP)])
        let ringing = invite.response(180, toTag: "t2")
        #expect(h.feed(.sendResponse(ringing, transaction: id)) == [.transmit(ringing, to: Fixtures.peerUDP)])
        #expect(h.feed(.received(invite, from: Fixtures.peerUDP)) == [.transmit(ringing, to: Fixtures.peerUDP)])
        #expect(h.layer.count == 1)
    }

    /// RFC 3261 §17.2.1: the 100 is configurable off (when the TU answers within 200 ms); retransmissions before
    /// any provisional are absorbed.
    @Test func tryingCanBeTurnedOff() {
        var h = TransactionHarness(TransactionLayer(sendsTrying: false))
        #expect(h.feed(.received(invite, from: Fixtures.peerUDP)) == [.request(invite, from: Fixtures.peerUDP, transaction: id)])
        #expect(h.feed(.received(invite, from: Fixtures.peerUDP)).isEmpty)
    }

    /// RFC 3261 §17.2.1: a 300–699 is retransmitted by Timer G (T1 doubling up to T2) until the ACK; a
    /// retransmitted INVITE gets it again; the ACK stops G and H and starts Timer I (T4), which absorbs further
    /// ACKs and then terminates.
    @Test func busyHereRetransmittedUntilAckThenConfirmed() {
        var h = TransactionHarness()
        h.feed(.received(invite, from: Fixtures.peerUDP))
        let busy = invite.response(486, toTag: "t2")
        #expect(busy.startLine == .response(statusCode: 486, reasonPhrase: "Busy Here"))
        #expect(h.feed(.sendResponse(busy, transaction: id)) == [
            .transmit(busy, to: Fixtures.peerUDP),
            .startTimer(id, .G, after: .milliseconds(500)),
            .startTimer(id, .H, after: .seconds(32)),
        ])
        h.advance(to: 20)
        #expect(h.transmissionTimes { $0.statusCode == 486 } == [0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5])
        #expect(h.feed(.received(invite, from: Fixtures.peerUDP)) == [.transmit(busy, to: Fixtures.peerUDP)])
        let ack = Fixtures.ack(branch: "z9hG4bKinv1")
        #expect(h.feed(.received(ack, from: Fixtures.peerUDP)) == [
            .cancelTimer(id, .G), .cancelTimer(id, .H), .startTimer(id, .I, after: .seconds(5)),
        ])
        #expect(h.feed(.received(ack, from: Fixtures.peerUDP)).isEmpty)
        #expect(h.feed(.sendResponse(invite.response(500, toTag: "t2"), transaction: id)).count == 1)
        #expect(h.advance(to: 24.9).isEmpty)
        #expect(h.advance(to: 25) == [.terminated(id)])
        #expect(h.layer.count == 0)
    }

    /// RFC 3261 §17.2.1: Timer H fires without an ACK: Terminated, and the TU told of the failure.
    @Test func timerHWithoutAck() {
        var h = TransactionHarness()
        h.feed(.received(invite, from: Fixtures.peerUDP))
        h.feed(.sendResponse(invite.response(486, toTag: "t2"), transaction: id))
        let end = h.advance(to: 40)
        #expect(end.suffix(3) == [.timedOut(id), .cancelTimer(id, .G), .terminated(id)])
        #expect(h.log.first { $0.action == .timedOut(id) }.map { h.seconds($0.at) } == 32)
        #expect(h.layer.count == 0)
    }

    /// RFC 3261 §17.2.1: over TCP no Timer G and Timer I is zero: the ACK terminates at once.
    @Test func tcpNoTimerGAndAckTerminates() {
        var h = TransactionHarness()
        let tcpID = TransactionID(role: .server, branch: "z9hG4bKinv1", method: "INVITE", sentBy: "gw.olo1.it:5060")
        let tcpInvite = Fixtures.invite(via: "TCP")
        h.feed(.received(tcpInvite, from: Fixtures.peerTCP))
        let busy = tcpInvite.response(486, toTag: "t2")
        #expect(h.feed(.sendResponse(busy, transaction: tcpID)) == [
            .transmit(busy, to: Fixtures.peerTCP), .startTimer(tcpID, .H, after: .seconds(32)),
        ])
        #expect(h.feed(.received(Fixtures.ack(branch: "z9hG4bKinv1"), from: Fixtures.peerTCP)) == [
            .cancelTimer(tcpID, .H), .terminated(tcpID),
        ])
    }

    /// RFC 6026 §8.6/§8.7: a 2xx moves to Accepted under Timer L; INVITE retransmissions are absorbed, the TU's
    /// own 2xx retransmissions are sent, an ACK matching the transaction goes to the TU, other final responses
    /// are refused; the ACK of a 2xx with its own branch (§13.2.2.4) matches nothing and goes to the TU as stray.
    @Test func okMovesToAccepted() {
        var h = TransactionHarness()
        h.feed(.received(invite, from: Fixtures.peerUDP))
        let ok = invite.response(200, toTag: "t2")
        #expect(h.feed(.sendResponse(ok, transaction: id)) == [
            .transmit(ok, to: Fixtures.peerUDP), .startTimer(id, .L, after: .seconds(32)),
        ])
        #expect(h.feed(.received(invite, from: Fixtures.peerUDP)).isEmpty)
        #expect(h.feed(.sendResponse(ok, transaction: id)) == [.transmit(ok, to: Fixtures.peerUDP)])
        let busy = invite.response(486, toTag: "t2")
        #expect(h.feed(.sendResponse(busy, transaction: id)) == [.refused(busy, .responseNotAllowed(id, status: 486))])

        let sameBranchACK = Fixtures.ack(branch: "z9hG4bKinv1")
        #expect(h.feed(.received(sameBranchACK, from: Fixtures.peerUDP)) == [
            .request(sameBranchACK, from: Fixtures.peerUDP, transaction: id),
        ])
        let ownBranchACK = Fixtures.ack(branch: "z9hG4bKack2")
        #expect(h.feed(.received(ownBranchACK, from: Fixtures.peerUDP)) == [.stray(ownBranchACK, from: Fixtures.peerUDP)])
        #expect(h.advance(to: 32) == [.terminated(id)])
        #expect(h.layer.count == 0)
    }

    /// RFC 3261 §17.2.3: the same branch from another sent-by is another transaction.
    @Test func sentByMismatchIsAnotherTransaction() {
        var h = TransactionHarness(TransactionLayer(sendsTrying: false))
        let other = Fixtures.invite(sentBy: "gw2.olo1.it:5060")
        let otherID = TransactionID(role: .server, branch: "z9hG4bKinv1", method: "INVITE", sentBy: "gw2.olo1.it:5060")
        h.feed(.received(invite, from: Fixtures.peerUDP))
        #expect(h.feed(.received(other, from: Fixtures.peerUDP)) == [.request(other, from: Fixtures.peerUDP, transaction: otherID)])
        #expect(h.layer.count == 2)
        // The host compares case-insensitively (RFC 3261 §19.1.4): this is a retransmission.
        #expect(h.feed(.received(Fixtures.invite(sentBy: "GW.olo1.IT:5060"), from: Fixtures.peerUDP)).isEmpty)
        #expect(h.layer.count == 2)
    }

    /// RFC 3261 §9.2: a CANCEL matches the INVITE server transaction of the same branch and sent-by; it is a
    /// non-INVITE server transaction of its own (§17.2.2).
    @Test func cancelMatchesTheInvite() {
        var h = TransactionHarness()
        h.feed(.received(invite, from: Fixtures.peerUDP))
        let cancel = Fixtures.request("CANCEL", branch: "z9hG4bKinv1", cseq: 1)
        let cancelID = TransactionID(role: .server, branch: "z9hG4bKinv1", method: "CANCEL", sentBy: "gw.olo1.it:5060")
        #expect(h.feed(.received(cancel, from: Fixtures.peerUDP)) == [.request(cancel, from: Fixtures.peerUDP, transaction: cancelID)])
        #expect(h.layer.inviteTransaction(cancelledBy: cancel) == id)
        #expect(h.layer.inviteTransaction(cancelledBy: Fixtures.request("CANCEL", branch: "z9hG4bKother", cseq: 1)) == nil)
        #expect(h.layer.inviteTransaction(cancelledBy: Fixtures.request("CANCEL", branch: "z9hG4bKinv1",
                                                                        sentBy: "gw2.olo1.it", cseq: 1)) == nil)
        #expect(h.layer.inviteTransaction(cancelledBy: Fixtures.request("BYE", branch: "z9hG4bKinv1", cseq: 1)) == nil)
        #expect(h.layer.count == 2)
    }
}
