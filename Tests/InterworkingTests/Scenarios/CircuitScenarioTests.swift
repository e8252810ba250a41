import ISUP
import Interworking
import SIPI
import Testing

/// Circuits under calls (Q.764 §2.8–§2.10, issue "Circuits"), through the whole engine.
@Suite struct CircuitScenarioTests {
    /// Q.764 §2.9.3.2: at start every circuit is reset with GRS (31 CICs: one GRS of range 30); no call is placed
    /// on a circuit before GRA.
    @Test func groupResetAtStart() throws {
        var s = Scenario(startCircuits: true)
        let grs = try s.expectISUP(.grs)
        #expect(grs.cic == CIC(1))
        #expect(grs[.rangeAndStatus]?.value == [30])
        s.sip(Fixture.invite())
        try s.expectSIP("100")
        try s.expectSIP("503", reasonCause: 34)
        s.isup(Fixture.message(.gra, cic: 1, [Parameter(code: .rangeAndStatus, value: [30, 0, 0, 0, 0])]))
        s.sip(Fixture.invite(callID: "after-gra@olo2.it"))
        try s.expectSIP("100")
        try s.expectISUP(.iam)
    }

    /// Q.764 §2.10.1.4 (digest): our point code 1 is lower, so the switch controls the even CICs. Our IAM on odd
    /// CIC 1 meets the switch's IAM on CIC 1: we control it, the incoming IAM is ignored.
    @Test func dualSeizureOnACircuitWeControl() throws {
        var s = Scenario()
        _ = try SIPToISUPCallTests.setUp(&s)
        s.isup(Fixture.iam(cic: 1, called: "0612345678F"))
        s.expectQuiet()
        s.isup(Fixture.acm(cic: 1))
        try s.expectSIP("180")
    }

    /// Dual seizure on an even CIC (the switch controls it): our call backs off to another circuit and the incoming
    /// call is served.
    @Test func dualSeizureOnACircuitTheSwitchControls() throws {
        var s = Scenario(Fixture.configuration { $0.trunks[0].circuits.selection.preferControlledCircuits = false
            $0.trunks[0].circuits.cics = [CICRange(2, 3)!] })
        let (_, iam) = try SIPToISUPCallTests.setUp(&s)
        #expect(iam.cic == CIC(2))
        s.isup(Fixture.iam(cic: 2, called: "0612345678F"))
        let retry = try s.expectISUP(.iam)
        #expect(retry.cic == CIC(3))
        try s.expectSIP("INVITE")
    }

    /// Q.764 §2.8.2.1: a maintenance BLO on a busy circuit → BLA, the call goes on; after it the circuit is not
    /// selected until UBL.
    @Test func blockingDuringACall() throws {
        var s = Scenario(Fixture.configuration { $0.trunks[0].circuits.cics = [CICRange(1, 1)!] })
        _ = try SIPToISUPCallTests.setUp(&s, invite: Fixture.invite(supported: ""))
        s.isup(Fixture.message(.blo, cic: 1))
        try s.expectISUP(.bla)
        s.isup(Fixture.acm(cic: 1))
        try s.expectSIP("180")
        s.isup(Fixture.rel(cic: 1, cause: 16))
        try s.expectISUP(.rlc)
        // Cause 16 before answer has no status of its own: the table default, 500 (corrections §1 #5).
        let final = try s.expectSIP("500", reasonCause: 16)
        s.sip(Scenario.ack(final, toInvite: Scenario.parse(Fixture.invite(supported: ""))))
        s.sip(Fixture.invite(callID: "blocked@olo2.it"))
        try s.expectSIP("100")
        try s.expectSIP("503", reasonCause: 34)
        s.isup(Fixture.message(.ubl, cic: 1))
        try s.expectISUP(.uba)
        s.sip(Fixture.invite(callID: "unblocked@olo2.it"))
        try s.expectSIP("100")
        try s.expectISUP(.iam)
    }

    /// Q.764 §2.8.3: a hardware-oriented CGB over a busy circuit releases its call (SIP side), CGBA answers.
    @Test func hardwareGroupBlockingReleasesCalls() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s, cic: 5)
        // Range 7 from CIC 1 (CICs 1–8), status bits for CICs 5 and 6; type 1 = hardware failure.
        s.isup(Fixture.message(.cgb, cic: 1, [Parameter(code: .circuitGroupSupervisionMessageType, value: [0x01]),
                                              Parameter(code: .rangeAndStatus, value: [7, 0x30])]))
        try s.expectISUP(.cgba)
        try s.expectSIP("BYE")
    }

    /// Q.764 §2.9.3.1: RSC on a circuit with an answered call: the SIP side is released (BYE), RLC answers.
    @Test func resetOfABusyCircuit() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s, cic: 5)
        s.isup(Fixture.message(.rsc, cic: 5))
        try s.expectISUP(.rlc)
        let bye = try s.expectSIP("BYE")
        s.sip(Scenario.response(200, "OK", to: bye))
        try s.expectRecord(releasedBy: .isup)
    }

    /// Issue "Circuits": losing the association releases its calls on the SIP side (cause 41); new calls are refused
    /// while it is down; on return GRS resets the circuits.
    @Test func associationLossMidCall() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s, cic: 5)
        s.event(.association("stp", up: false))
        let bye = try s.expectSIP("BYE", reasonCause: 41)
        s.sip(Scenario.response(200, "OK", to: bye))
        try s.expectRecord(isupCause: 41)
        s.sip(Fixture.invite())
        try s.expectSIP("100")
        try s.expectSIP("503", reasonCause: 34)
        s.event(.association("stp", up: true))
        try s.expectISUP(.grs)
    }

    /// Operator maintenance: block CICs 10–12 → CGB (maintenance) with range 2; unblock → CGU; reset one → RSC.
    @Test func maintenanceCommands() throws {
        var s = Scenario()
        s.event(.maintenance(MaintenanceRequest(trunk: "switch-a", operation: .block, first: 10, last: 12)))
        let cgb = try s.expectISUP(.cgb)
        #expect(cgb.cic == CIC(10))
        #expect(cgb[.rangeAndStatus]?.value == [2, 0x07])
        #expect(cgb[.circuitGroupSupervisionMessageType]?.value == [0x00])
        s.event(.maintenance(MaintenanceRequest(trunk: "switch-a", operation: .unblock, first: 10, last: 12)))
        try s.expectISUP(.cgu)
        s.event(.maintenance(MaintenanceRequest(trunk: "switch-a", operation: .reset, first: 20)))
        try s.expectISUP(.rsc)
    }
}

/// Unexpected and unrecognised ISUP (Q.764 §2.9.5, digest isup-q763.md §6.1).
@Suite struct UnexpectedISUPTests {
    /// REL on an idle circuit → RLC; RLC on an idle circuit → discarded; ANM on an idle circuit → the circuit is reset.
    @Test func messagesOnAnIdleCircuit() throws {
        var s = Scenario()
        s.isup(Fixture.rel(cic: 9, cause: 16))
        try s.expectISUP(.rlc)
        s.isup(Fixture.message(.rlc, cic: 9))
        s.expectQuiet()
        s.isup(Fixture.message(.anm, cic: 9))
        try s.expectISUP(.rsc)
    }

    /// An unrecognised message type (0xF0) on a call without compatibility information: discarded, CFN cause 97
    /// with the type as diagnostic; the call goes on.
    @Test func unrecognisedMessageWithoutCompatibility() throws {
        var s = Scenario()
        _ = try ISUPToSIPCallTests.setUp(&s, cic: 5)
        s.isup(ISUPMessage(type: MessageType(0xF0), cic: CIC(5), body: .raw([0x00][...])))
        let cfn = try s.expectISUP(.cfn, cause: 97)
        #expect(cfn.causeIndicators?.diagnostics == [0xF0])
        s.expectQuiet()
        #expect(s.engine.activeCalls == 1)
    }

    /// Message compatibility information with "release call" (bit B): REL 97 and the SIP side cancelled once it can.
    @Test func unrecognisedMessageAskingForRelease() throws {
        var s = Scenario()
        let invite = try ISUPToSIPCallTests.setUp(&s, cic: 5)
        s.sip(Scenario.response(180, "Ringing", to: invite))
        try s.expectISUP(.acm)
        // Pointer 1, then MCI (0x38) length 1, instructions 0x83 (B release, H last octet), end of parameters.
        s.isup(ISUPMessage(type: MessageType(0xF0), cic: CIC(5), body: .raw([0x01, 0x38, 0x01, 0x83, 0x00][...])))
        try s.expectISUP(.rel, cause: 97)
        try s.expectSIP("CANCEL", reasonCause: 97)
    }

    /// An unknown optional parameter (0xFA) without parameter compatibility information in a CPG: the parameter is
    /// dropped, CFN cause 99 names it, the CPG is processed (→ 180 on the S→I call).
    @Test func unrecognisedParameter() throws {
        var s = Scenario()
        _ = try SIPToISUPCallTests.setUp(&s, invite: Fixture.invite(supported: ""))
        s.isup(Fixture.message(.cpg, cic: 1, [Parameter(code: .eventInformation, value: [0x01]),
                                             Parameter(code: ParameterCode(0xFA), value: [0x55])]))
        let cfn = try s.expectISUP(.cfn, cause: 99)
        #expect(cfn.causeIndicators?.diagnostics == [0xFA])
        try s.expectSIP("180")
    }

    /// An optional parameter with erroneous contents (optional backward call indicators of 2 octets where Q.763
    /// §3.37 fixes 1) is handled like an unrecognised one (Q.764 §2.9.5): dropped, CFN cause 100 names it, the
    /// CPG is processed.
    @Test func erroneousOptionalParameter() throws {
        var s = Scenario()
        _ = try SIPToISUPCallTests.setUp(&s, invite: Fixture.invite(supported: ""))
        s.isup(Fixture.message(.cpg, cic: 1, [Parameter(code: .eventInformation, value: [0x01]),
                                             Parameter(code: .optionalBackwardCallIndicators, value: [0x01, 0x00])]))
        let cfn = try s.expectISUP(.cfn, cause: 100)
        #expect(cfn.causeIndicators?.diagnostics == [ParameterCode.optionalBackwardCallIndicators.rawValue])
        try s.expectSIP("180")
    }

    /// Undecodable octets that are a REL still free the circuit with RLC (digest §6.1 "format errors").
    @Test func malformedRELStillGetsRLC() throws {
        var s = Scenario()
        s.event(.undecodableISUP([0x05, 0x00, 0x0C, 0x02, 0x00], from: Scenario.switchRoute, error: "truncated"))
        try s.expectISUP(.rlc)
    }
}

/// Shutdown (issue 8, Lifecycle): `.drain` releases every call on both sides and refuses new ones.
@Suite struct DrainTests {
    /// The drain time over with releases outstanding (no RLC, no answer to the BYE): `close` writes the record of
    /// every call still held, marked unfinished, cancels its timers, and leaves the engine with no call.
    @Test func closeWritesTheRecordsOfUnfinishedCalls() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s, cic: 5)
        s.event(.drain(cause: 41))
        #expect(s.engine.activeCalls == 1)
        let actions = s.engine.close(at: s.now)
        let records = actions.compactMap { if case .record(let r) = $0 { r } else { nil } }
        #expect(records.count == 1)
        #expect(records.first?.unfinished == true)
        #expect(records.first?.isupCause == 41)
        #expect(actions.contains { if case .cancelTimer = $0 { true } else { false } })
        #expect(s.engine.activeCalls == 0)
    }

    @Test func drainReleasesEveryCallAndRefusesNewOnes() throws {
        var s = Scenario()
        try ISUPToSIPCallTests.setUpAnswered(&s, cic: 5)
        _ = try SIPToISUPCallTests.setUp(&s)
        s.event(.drain(cause: 41))
        let releases = s.isupSent.map(\.type)
        #expect(releases == [.rel, .rel])
        #expect(s.isupSent.allSatisfy { $0.causeIndicators?.value == 41 })
        s.isupSent.removeAll()
        let sipKinds = Set(s.sipSent.map { $0.message.method ?? String($0.message.statusCode ?? 0) })
        #expect(sipKinds.contains("BYE"))
        #expect(sipKinds.contains { $0.hasPrefix("5") || $0.hasPrefix("4") })
        s.sip(Fixture.invite(callID: "late@olo2.it"))
        #expect(s.sipSent.last?.message.statusCode == 503)
        s.isup(Fixture.iam(cic: 9, called: "0612345678F"))
        try s.expectISUP(.rel, cause: 42)
    }
}
