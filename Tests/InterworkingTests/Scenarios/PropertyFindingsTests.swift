import ISUP
import Interworking
import SIPI
import Testing

/// Bugs `EnginePropertyTests` found, each as the smallest ladder that shows it (the seed is the property run's).
@Suite struct PropertyFindingsTests {
    /// Seed 10: an I→S call released before its INVITE (here a failed continuity check) never ended: its SIP leg was
    /// idle, not terminated, so the RLC left the call and its circuit entry behind, without a record.
    @Test func isupToSIPReleasedBeforeTheInviteEnds() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F", continuity: 1))
        s.isup(Fixture.message(.cot, cic: 5, [Parameter(code: .continuityIndicators, value: [0])]))
        try s.expectISUP(.rel, cause: 41)
        s.isup(Fixture.message(.rlc, cic: 5))
        s.expectQuiet()
        try s.expectRecord(isupCause: 41)
    }

    /// Issue 10, fuzzing finding FuzzEngine (crash-24e47582…, with ENUM on): an I→S call waiting for the COT of a
    /// previous circuit lost its association; the call ended but its circuit stayed busy without a call, even after
    /// the switch's REL. The circuit is idle when the association is lost, and a REL on a circuit without a call
    /// idles it (Q.764 §2.3.1).
    @Test func associationLossIdlesTheCircuitsOfItsCalls() throws {
        var s = Scenario(Fixture.configuration { $0.routes.enumLookup = .init() })
        func busy() -> Int {
            s.engine.circuitGroup("switch-a")!.count { [.incomingBusy, .outgoingBusy, .outgoingSeized].contains($0.call) }
        }
        s.isup(Fixture.iam(cic: 1, called: "7777777777", continuity: 2))
        #expect(busy() == 1 && s.engine.activeCalls == 1)
        s.event(.association("stp", up: false))
        #expect(s.engine.activeCalls == 0)
        #expect(busy() == 0)
        s.event(.association("stp", up: true))
        s.isup(Fixture.rel(cic: 1, cause: 16))
        #expect(busy() == 0)
    }

    /// Seed 16: a BYE in the early dialog of an S→I call ended the call, but the INVITE never got its final
    /// response: the server transaction stayed in Proceeding for ever. RFC 3261 §15.1.2: 487.
    @Test func byeInAnEarlyDialogAnswersTheInvite() throws {
        var s = Scenario()
        s.sip(Fixture.invite(supported: "timer"))
        try s.expectSIP("100")
        try s.expectISUP(.iam)
        s.isup(Fixture.acm(cic: 1))
        let ringing = try s.expectSIP("180")
        s.sip(Scenario.peerRequest("BYE", dialogOf: ringing, peerIsCallee: false, cseq: 2))
        try s.expectSIP("200")
        try s.expectSIP("487")
        try s.expectISUP(.rel)
        s.isup(Fixture.message(.rlc, cic: 1))
        try s.expectRecord(sipStatus: 487, releasedBy: .sip)
        s.advance(.seconds(40))
        #expect(s.engine.activeTransactions == 0)
    }

    /// Seed 42: the callee ended its early dialog with a BYE; our INVITE stayed pending for ever. It is cancelled.
    @Test func calleeByeInAnEarlyDialogCancelsTheInvite() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        let invite = try s.expectSIP("INVITE")
        s.sip(Scenario.response(180, "Ringing", to: invite))
        try s.expectISUP(.acm)
        s.sip(Scenario.peerRequest("BYE", dialogOf: invite, peerIsCallee: true, cseq: 1))
        try s.expectSIP("200")
        let cancel = try s.expectSIP("CANCEL")
        try s.expectISUP(.rel, cause: 16)
        s.sip(Scenario.response(200, "OK", to: cancel))
        s.sip(Scenario.response(487, "Request Terminated", to: invite))
        try s.expectSIP("ACK")
        s.isup(Fixture.message(.rlc, cic: 5))
        try s.expectRecord(releasedBy: .sip)
        s.advance(.seconds(40))
        #expect(s.engine.activeTransactions == 0)
    }

    /// Seed 66: the switch released after the peer's 100 Trying only: the CANCEL waited for a 101–199 that never
    /// came. A 100 is a provisional (RFC 3261 §9.1): the CANCEL goes at once.
    @Test func releaseAfterTryingCancelsAtOnce() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        let invite = try s.expectSIP("INVITE")
        s.sip(Scenario.response(100, "Trying", to: invite, tag: nil))
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        let cancel = try s.expectSIP("CANCEL")
        s.sip(Scenario.response(200, "OK", to: cancel))
        s.sip(Scenario.response(487, "Request Terminated", to: invite))
        try s.expectSIP("ACK")
        try s.expectRecord(isupCause: 16, releasedBy: .isup)
    }

    /// Seed 21: a CANCEL the peer never answered (nor the INVITE): the call ended on Timer F but the INVITE client
    /// transaction stayed in Proceeding for ever. §9.1: after 64·T1 the INVITE is considered cancelled.
    @Test func unansweredCancelDestroysTheInviteTransaction() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        let invite = try s.expectSIP("INVITE")
        s.sip(Scenario.response(180, "Ringing", to: invite))
        try s.expectISUP(.acm)
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        try s.expectSIP("CANCEL")
        s.advance(.seconds(33))
        try s.expectRecord(isupCause: 16)
        #expect(s.engine.activeTransactions == 0)
    }
}

/// Property test seed 49: an INFO of the early dialog timing out (Timer F) while our CANCEL is pending must not end
/// the SIP leg under its INVITE transaction; the CANCEL timeout does (RFC 3261 §9.1), and nothing is left.
@Suite struct CancellingLegTests {
    @Test func infoTimeoutWhileCancelling() throws {
        var s = Scenario(Fixture.configuration { $0.timers.t11 = nil })
        let invite = try ISUPToSIPCallTests.setUp(&s)
        s.sip(Scenario.response(183, "Session Progress", to: invite))
        try s.expectISUP(.acm)
        s.isup(Fixture.message(.inf, cic: 5, [Parameter(code: .informationIndicators, value: [0x00, 0x00])]))
        try s.expectSIP("INFO")
        s.isup(Fixture.rel(cic: 5, cause: 16))
        try s.expectISUP(.rlc)
        let cancel = try s.expectSIP("CANCEL")
        s.sip(Scenario.response(200, "OK", to: cancel))
        s.advance(.seconds(40))
        try s.expectRecord(isupCause: 16)
        #expect(s.engine.activeTransactions == 0)
    }
}
