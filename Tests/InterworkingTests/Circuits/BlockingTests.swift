import ISUP
import Interworking
import OracleSupport
import Testing

/// Q.764 §2.8.2 circuit blocking and unblocking, §2.9.4 failures in the sequence. Vectors: BLO/BLA/UBL/UBA are the
/// message type alone after the CIC (Q.763 Table 4; isup-q763.md §7.4 "BLO `01 00 13`"); CIC 5 = `05 00`.
@Suite struct BlockingTests {
    @Test func bloIsAcknowledgedAndTheCircuitIsNotSelected() throws {
        // Q.764 §2.8.2.1: BLO → remotely blocked, BLA back; an outgoing call must not use the circuit.
        var g = trunk(["4-5"], preferControlled: false)
        let actions = try receive(&g, "04 00 13")
        #expect(actions.sent == [hex("04 00 15")])
        #expect(g.state(of: 4)?.blocking == .remoteMaintenance)
        #expect(g.seizeOutgoing() == 5)
        #expect(g.seizeOutgoing() == nil)
        // A second BLO is acknowledged again (Q.764 §2.9.4 i).
        #expect(try receive(&g, "04 00 13").sent == [hex("04 00 15")])
    }

    @Test func ublIsAcknowledgedAndTheCircuitIsSelectableAgain() throws {
        // Q.764 §2.8.2.2: UBL → UBA; also for a circuit not blocked (Q.764 §2.9.4 ii).
        var g = trunk(["5"])
        _ = try receive(&g, "05 00 13")
        #expect(g.idleCount == 0)
        #expect(try receive(&g, "05 00 14").sent == [hex("05 00 16")])
        #expect(g.state(of: 5)?.blocking == [])
        #expect(g.idleCount == 1)
        #expect(try receive(&g, "05 00 14").sent == [hex("05 00 16")])
    }

    @Test func localBlockingRepeatsUnderT12AndT13UntilBLA() throws {
        // Q.764 §2.8.2.1 and Annex A (isup-q763.md §6.3): BLO starts T12 and T13; T12 expiry resends BLO and
        // restarts T12; T13 expiry resends BLO, alerts maintenance, stops T12 and restarts T13; BLA stops both.
        var g = trunk()
        let block = g.command(.block(CICRange("5")!, .maintenance), at: t0)
        #expect(block.sent == [hex("05 00 13")])
        #expect(block.contains(.startTimer(timer(.t12, 5), after: .seconds(15))))
        #expect(block.contains(.startTimer(timer(.t13, 5), after: .seconds(300))))
        #expect(g.state(of: 5)?.blocking == .localMaintenance)

        let t12 = g.timerFired(timer(.t12, 5), at: at(15))
        #expect(t12 == [.send(try ISUPMessage(decoding: hex("05 00 13"))), .startTimer(timer(.t12, 5), after: .seconds(15))])

        let t13 = g.timerFired(timer(.t13, 5), at: at(300))
        #expect(t13.sent == [hex("05 00 13")])
        #expect(t13.alerts.count == 1 && t13.alerts[0].contains("T13"))
        #expect(t13.cancelled == [timer(.t12, 5)])
        #expect(t13.started == [timer(.t13, 5)])
        // The repetition goes on at T13 intervals.
        #expect(g.timerFired(timer(.t13, 5), at: at(600)).sent == [hex("05 00 13")])

        let bla = try receive(&g, "05 00 15", at: at(601))
        #expect(Set(bla.cancelled) == [timer(.t12, 5), timer(.t13, 5)])
        #expect(bla.sent.isEmpty)
        // Stale expiries after the BLA do nothing.
        #expect(g.timerFired(timer(.t12, 5), at: at(615)).isEmpty)
        #expect(g.timerFired(timer(.t13, 5), at: at(900)).isEmpty)
        #expect(g.state(of: 5)?.blocking == .localMaintenance)
    }

    @Test func localUnblockingUnderT14AndT15() throws {
        // Q.764 §2.8.2.2, Annex A: UBL under T14/T15, UBA stops them; the circuit is selectable once UBL is sent.
        var g = trunk(["5"])
        _ = g.command(.block(CICRange("5")!, .maintenance), at: t0)
        _ = try receive(&g, "05 00 15")
        let unblock = g.command(.unblock(CICRange("5")!, .maintenance), at: at(10))
        #expect(unblock.sent == [hex("05 00 14")])
        #expect(unblock.started == [timer(.t14, 5), timer(.t15, 5)])
        #expect(g.timerFired(timer(.t14, 5), at: at(25)).sent == [hex("05 00 14")])
        let t15 = g.timerFired(timer(.t15, 5), at: at(310))
        #expect(t15.alerts.count == 1 && t15.cancelled == [timer(.t14, 5)])
        #expect(Set(try receive(&g, "05 00 16").cancelled) == [timer(.t14, 5), timer(.t15, 5)])
        #expect(g.seizeOutgoing() == 5)
    }

    @Test func maintenanceBlockingOfABusyCircuitLeavesTheCall() throws {
        // Q.764 §2.8.2.1: the call goes on; the circuit is not selected for new calls after it ends.
        var g = trunk(["6"])
        #expect(g.seizeOutgoing() == 6)
        let actions = try receive(&g, "06 00 13")
        #expect(actions.releasedCalls.isEmpty)
        #expect(g.state(of: 6)?.call == .outgoingSeized)
        g.releaseToIdle(6)
        #expect(g.seizeOutgoing() == nil)
    }

    @Test func unexpectedAcknowledgements() throws {
        // Q.764 §2.9.4: a BLA answering nothing on a locally blocked circuit is discarded; on a circuit we do not
        // block, UBL goes out. A UBA answering nothing on a circuit we do not block is discarded; on one we block,
        // BLO goes out.
        var g = trunk()
        _ = g.command(.block(CICRange("5")!, .maintenance), at: t0)
        _ = try receive(&g, "05 00 15")
        #expect(try receive(&g, "05 00 15").isEmpty)
        let bla = try receive(&g, "07 00 15")
        #expect(bla.sent == [hex("07 00 14")] && bla.alerts.count == 1)
        #expect(try receive(&g, "08 00 16").isEmpty)
        #expect(try receive(&g, "05 00 16").sent == [hex("05 00 13")])
    }

    @Test func iamOnABlockedCircuit() {
        // Q.764 §2.8.2.3 (isup-q763.md §6.6): a non-test IAM on a circuit the switch blocked unblocks it; on a circuit
        // we blocked for maintenance it is discarded and the BLO goes again; a test call is accepted.
        var g = trunk()
        #expect(g.handle(try! ISUPMessage(decoding: hex("03 00 13")), at: t0) != .notForCircuits)
        #expect(g.seizeIncoming(3, at: t0) == .accepted(clearedRemoteBlocking: true))
        #expect(g.state(of: 3) == CircuitState(call: .incomingBusy))

        _ = g.command(.block(CICRange("9")!, .maintenance), at: t0)
        guard case .locallyBlocked(let actions) = g.seizeIncoming(9, at: t0) else {
            Issue.record("expected locallyBlocked")
            return
        }
        #expect(actions.sent == [hex("09 00 13")])
        #expect(g.state(of: 9)?.call == .idle)
        #expect(g.seizeIncoming(9, testCall: true, at: t0) == .accepted(clearedRemoteBlocking: false))
    }
}
