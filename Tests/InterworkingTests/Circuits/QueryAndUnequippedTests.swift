import ISUP
import Interworking
import OracleSupport
import Testing

/// Circuit group query (CQM `2A` / CQR `2B`, national use) and unequipped CICs (UCIC `2E`, Q.764 §2.12).
@Suite struct QueryAndUnequippedTests {
    @Test func cqmIsAnsweredWithTheCircuitStateOctets() throws {
        // Q.763 §3.14 (isup-q763.md §3.2): 0C idle; 04 incoming busy (DC 01); 09 outgoing busy (DC 10) and locally
        // blocked (BA 01); 2C remotely hardware blocked (FE 10, DC 11). CQR: pointers 02 03, range 3, LI 4, octets.
        var g = trunk(preferControlled: false)
        #expect(g.seizeIncoming(2, at: t0) == .accepted(clearedRemoteBlocking: false))
        #expect(g.seizeOutgoing() == 1)
        #expect(g.seizeOutgoing() == 3)
        g.backwardMessageReceived(3)
        _ = g.command(.block(CICRange("3")!, .maintenance), at: t0)
        _ = try receive(&g, "03 00 15")
        _ = try receive(&g, "04 00 18 01 01 02 01 01")  // hardware CGB for CIC 4 (range 1, bit 0)
        g.releaseToIdle(1)
        let actions = try receive(&g, "01 00 2A 01 01 03")
        #expect(actions.sent == [hex("01 00 2B 02 03 01 03 04 0C 04 09 2C")])
    }

    @Test func transientAndUnequippedStates() throws {
        // Q.763 §3.14: 00 transient (IAM sent, awaiting the first backward message); 03 unequipped (CIC 32 is not in
        // 1–31). A CQM on the last CIC covers it and is answered even so.
        var g = trunk(preferControlled: false)
        #expect(g.seizeOutgoing() == 1)
        #expect(try receive(&g, "01 00 2A 01 01 01").sent == [hex("01 00 2B 02 03 01 01 02 00 0C")])
        #expect(try receive(&g, "1F 00 2A 01 01 01").sent == [hex("1F 00 2B 02 03 01 01 02 0C 03")])
        // Range above 31 is discarded.
        #expect(try receive(&g, "01 00 2A 01 01 20").sent.isEmpty)
    }

    @Test func iamOrSupervisionOnAnUnequippedCICIsAnsweredWithUCIC() throws {
        // Q.764 §2.12 (isup-q763.md §6.1): UCIC `28 00 2E` for CIC 40, maintenance alerted.
        var g = trunk()
        guard case .unequipped(let actions) = g.seizeIncoming(40, at: t0) else {
            Issue.record("expected unequipped")
            return
        }
        #expect(actions.sent == [hex("28 00 2E")] && actions.alerts.count == 1)
        #expect(try receive(&g, "28 00 13").sent == [hex("28 00 2E")])
        #expect(try receive(&g, "28 00 2E").sent.isEmpty)  // never a UCIC for a UCIC
    }

    @Test func receivedUCICTakesTheCircuitOutOfService() throws {
        // Q.764 §2.12: the switch does not have CIC 2: alert, our call on it cleared, never selected again until a
        // reset is acknowledged.
        var g = trunk()
        #expect(g.seizeOutgoing() == 2)
        let actions = try receive(&g, "02 00 2E")
        #expect(actions.releasedCalls == [2] && actions.alerts.count == 1)
        #expect(g.state(of: 2)?.unequippedAtRemote == true)
        #expect(g.seizeOutgoing() == 4)
        _ = g.reset(2, at: t0)
        _ = try receive(&g, "02 00 10 00")
        #expect(g.state(of: 2) == CircuitState())
    }
}
