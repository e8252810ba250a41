import ISUP
import Interworking
import OracleSupport
import Testing

/// Q.764 §2.9.3 reset of circuits and circuit groups. RSC `12` and RLC `10 00` (empty optional part, Q.763 Table 4);
/// GRS `17` and GRA `29` with pointer 01 and range and status (GRS range only), isup-q763.md §7.4.
@Suite struct ResetTests {
    @Test func rscOnABusyCircuitReleasesTheCallAndAnswersRLC() throws {
        // Q.764 §2.9.3.1: the call is cleared (no REL: the RLC does it), remote blocking removed, RLC back.
        var g = trunk()
        #expect(g.seizeIncoming(5, at: t0) == .accepted(clearedRemoteBlocking: false))
        _ = try receive(&g, "05 00 13")
        let actions = try receive(&g, "05 00 12")
        #expect(actions.releasedCalls == [5])
        #expect(actions.sent == [hex("05 00 10 00")])
        #expect(g.state(of: 5) == CircuitState())
    }

    @Test func rscOnALocallyBlockedCircuitIsFollowedByBLO() throws {
        // isup-q763.md §6.6: if the receiver has the circuit locally blocked for maintenance it sends BLO after RLC.
        var g = trunk()
        _ = g.command(.block(CICRange("5")!, .maintenance), at: t0)
        _ = try receive(&g, "05 00 15")
        #expect(try receive(&g, "05 00 12").sent == [hex("05 00 10 00"), hex("05 00 13")])
    }

    @Test func requestedResetUnderT16AndT17() throws {
        // Q.764 §2.9.3.1, Annex A: RSC starts T16/T17; T16 expiry resends RSC; T17 expiry resends, alerts, stops
        // T16; the RLC stops both and the circuit is idle. Until then it is not selectable.
        var g = trunk(["5"])
        #expect(g.seizeOutgoing() == 5)
        g.releaseStarted(5)
        let reset = g.reset(5, at: t0)  // e.g. on T5 expiry
        #expect(reset.sent == [hex("05 00 12")])
        #expect(reset.started == [timer(.t16, 5), timer(.t17, 5)])
        #expect(reset.releasedCalls == [5])
        #expect(g.state(of: 5)?.call == .resetting)
        #expect(g.seizeOutgoing() == nil)

        #expect(g.timerFired(timer(.t16, 5), at: at(15)) ==
                [.send(try ISUPMessage(decoding: hex("05 00 12"))), .startTimer(timer(.t16, 5), after: .seconds(15))])
        let t17 = g.timerFired(timer(.t17, 5), at: at(300))
        #expect(t17.sent == [hex("05 00 12")] && t17.alerts.count == 1)
        #expect(t17.cancelled == [timer(.t16, 5)] && t17.started == [timer(.t17, 5)])

        let rlc = try receive(&g, "05 00 10 00", at: at(301))
        #expect(Set(rlc.cancelled) == [timer(.t16, 5), timer(.t17, 5)])
        #expect(g.state(of: 5) == CircuitState())
        #expect(g.seizeOutgoing() == 5)
    }

    @Test func rlcOnAnIdleCircuitIsDiscardedAndAfterRELGoesToCallControl() throws {
        // Q.764 §2.9.5 (isup-q763.md §6.1): RLC on an idle circuit → discarded. An RLC after a REL is the call's.
        var g = trunk()
        #expect(try receive(&g, "07 00 10 00").isEmpty)
        #expect(g.seizeIncoming(7, at: t0) == .accepted(clearedRemoteBlocking: false))
        g.releaseStarted(7)
        #expect(g.handle(try ISUPMessage(decoding: hex("07 00 10 00")), at: t0) == .notForCircuits)
        #expect(g.handle(try ISUPMessage(decoding: hex("07 00 09 00")), at: t0) == .notForCircuits)  // ANM
    }

    @Test func grsIsAnsweredWithGRAMarkingOurMaintenanceBlocking() throws {
        // Q.764 §2.9.3.2: GRS for CICs 1–31 (isup-q763.md §7.4 `01 00 17 01 01 1E`); calls cleared; GRA with range
        // 30 and a status bit for each circuit we block for maintenance: CICs 4 and 9 → bits 3 and 8 → `08 01 00 00`.
        var g = trunk()
        _ = g.command(.block(CICRange("4")!, .maintenance), at: t0)
        _ = g.command(.block(CICRange("9")!, .maintenance), at: t0)
        _ = try receive(&g, "04 00 15")
        _ = try receive(&g, "09 00 15")
        #expect(g.seizeIncoming(12, at: t0) == .accepted(clearedRemoteBlocking: false))
        let busy = g.seizeOutgoing()
        _ = try receive(&g, "14 00 13")  // the switch blocked CIC 20: the GRS removes that

        let actions = try receive(&g, "01 00 17 01 01 1E")
        #expect(actions.sent == [hex("01 00 29 01 05 1E 08 01 00 00")])
        #expect(Set(actions.releasedCalls) == Set([12, busy!.value]))
        #expect(g.state(of: 20) == CircuitState())
        #expect(g.state(of: 4) == CircuitState(blocking: .localMaintenance))
        #expect(g.countsByCallState == [.idle: 31])
    }

    @Test func grsIsFollowedByHardwareCGBForHardwareBlockedCircuits() throws {
        // isup-q763.md §6.6: GRA does not carry hardware blocking; a hardware failure oriented CGB follows it.
        var g = trunk()
        _ = g.command(.block(CICRange("3-4")!, .hardwareFailure), at: t0)
        let actions = try receive(&g, "01 00 17 01 01 07")
        #expect(actions.sent == [hex("01 00 29 01 02 07 00"), hex("03 00 18 01 01 02 01 03")])
    }

    @Test func startResetsEveryCircuitInGroupsOfAtMost32() throws {
        // Q.764 §2.9.3.2: 60 circuits → GRS 1–32 (range 31) and GRS 33–60 (range 27); nothing selectable until GRA.
        var g = trunk(["1-60"])
        let actions = g.start(at: t0)
        #expect(actions.sent == [hex("01 00 17 01 01 1F"), hex("21 00 17 01 01 1B")])
        #expect(actions.started == [timer(.t22, 1), timer(.t23, 1), timer(.t22, 33), timer(.t23, 33)])
        #expect(g.idleCount == 0 && g.seizeOutgoing() == nil)

        // T22 repeats, T23 alerts and takes over.
        #expect(g.timerFired(timer(.t22, 33), at: at(15)).sent == [hex("21 00 17 01 01 1B")])
        let t23 = g.timerFired(timer(.t23, 1), at: at(300))
        #expect(t23.sent == [hex("01 00 17 01 01 1F")] && t23.alerts.count == 1 && t23.cancelled == [timer(.t22, 1)])

        // GRA for 1–32 with CIC 2 blocked at the switch (bit 1).
        let gra = try receive(&g, "01 00 29 01 05 1F 02 00 00 00")
        #expect(Set(gra.cancelled) == [timer(.t22, 1), timer(.t23, 1)])
        #expect(g.state(of: 2)?.blocking == .remoteMaintenance)
        #expect(g.idleCount == 31)
        #expect(g.state(of: 33)?.call == .resetting)
        #expect(g.seizeOutgoing() == 4)
        // A GRA answering nothing is discarded (Q.764 §2.9.5); the right one completes the start.
        #expect(try receive(&g, "21 00 29 01 05 1F 00 00 00 00").cancelled.isEmpty)
        _ = try receive(&g, "21 00 29 01 05 1B 00 00 00 00")
        #expect(g.state(of: 60)?.call == .idle)
    }

    @Test func resetCommands() {
        // One circuit → RSC; a range → GRS (Q.764 §2.9.3).
        var g = trunk()
        #expect(g.command(.reset(CICRange("7")!), at: t0).sent == [hex("07 00 12")])
        #expect(g.command(.reset(CICRange("1-31")!), at: t0).sent == [hex("01 00 17 01 01 1E")])
    }
}
