import ISUP
import Interworking
import OracleSupport
import Testing

/// Q.764 §2.8.3 circuit group blocking and unblocking. CGB/CGU/CGBA/CGUA (Q.763 Table 4): message type, circuit
/// group supervision message type (Q.763 §3.13: 00 maintenance, 01 hardware failure), pointer 01, then range and
/// status (Q.763 §3.43: length, range, ceil((range+1)/8) status octets, bit n = circuit CIC + n).
@Suite struct GroupBlockingTests {
    @Test func maintenanceCGBIsAcknowledgedWithTheSameRangeAndStatus() throws {
        // isup-q763.md §7.4: CGB maintenance for CICs 1–8, `01 00 18 00 01 02 07 FF` → CGBA `1A` with 07 FF.
        var g = trunk()
        let actions = try receive(&g, "01 00 18 00 01 02 07 FF")
        #expect(actions.sent == [hex("01 00 1A 00 01 02 07 FF")])
        #expect((1...8).allSatisfy { g.state(of: CIC($0))?.blocking == .remoteMaintenance })
        #expect(g.state(of: 9)?.blocking == [])
    }

    @Test func statusBitsSelectTheCircuits() throws {
        // Range 15 (CICs 1–16), status 05 80: bits 0, 2 and 15 → CICs 1, 3 and 16 (Q.763 §3.43).
        var g = trunk()
        let actions = try receive(&g, "01 00 18 00 01 03 0F 05 80")
        #expect(actions.sent == [hex("01 00 1A 00 01 03 0F 05 80")])
        let blocked = g.equippedCICs.filter { g.state(of: $0)?.blocking == .remoteMaintenance }.map(\.value)
        #expect(blocked == [1, 3, 16])
        // Unequipped circuits in the range are not acknowledged: trunk 1–2, CGB 1–4 all set → CGBA bits 0–1 only.
        var small = trunk(["1-2"])
        #expect(try receive(&small, "01 00 18 00 01 02 03 0F").sent == [hex("01 00 1A 00 01 02 03 03")])
    }

    @Test func hardwareCGBReleasesCallsAndMaintenanceDoesNot() throws {
        // Q.764 §2.8.3 (isup-q763.md §6.6): hardware failure oriented blocking clears the calls; maintenance not.
        var g = trunk(preferControlled: false)
        #expect(g.seizeOutgoing() == 1)
        #expect(g.seizeIncoming(2, at: t0) == .accepted(clearedRemoteBlocking: false))
        #expect(g.seizeIncoming(5, at: t0) == .accepted(clearedRemoteBlocking: false))
        let maintenance = try receive(&g, "05 00 18 00 01 02 01 03")  // CICs 5–6, maintenance
        #expect(maintenance.releasedCalls.isEmpty && g.state(of: 5)?.call == .incomingBusy)

        let hardware = try receive(&g, "01 00 18 01 01 02 03 0F")  // CICs 1–4, hardware failure
        #expect(hardware.sent == [hex("01 00 1A 01 01 02 03 0F")])
        #expect(hardware.releasedCalls == [1, 2])
        #expect(hardware.contains(.releaseCall(1, cause: 41)))
        #expect(g.state(of: 1) == CircuitState(call: .idle, blocking: .remoteHardware))
        #expect(g.circuitStateIndicator(1) == 0x2C)  // FE 10 remotely blocked, DC 11 idle (Q.763 §3.14)
    }

    @Test func cguIsAcknowledged() throws {
        // Q.764 §2.8.3: CGU `19` unblocks the circuits with their bit set, CGUA `1B` echoes type and range.
        var g = trunk()
        _ = try receive(&g, "01 00 18 00 01 02 07 FF")
        #expect(try receive(&g, "01 00 19 00 01 02 07 0F").sent == [hex("01 00 1B 00 01 02 07 0F")])
        #expect((1...4).allSatisfy { g.state(of: CIC($0))?.blocking == [] })
        #expect((5...8).allSatisfy { g.state(of: CIC($0))?.blocking == .remoteMaintenance })
    }

    @Test func malformedCGBIsDiscarded() throws {
        // Q.763 §3.43: range 0 is reserved for CGB; more than 32 status bits set is not allowed.
        var g = trunk(["1-40"])
        #expect(try receive(&g, "01 00 18 00 01 02 00 01").sent.isEmpty)
        #expect(try receive(&g, "01 00 18 00 01 06 22 FF FF FF FF 07").sent.isEmpty)  // 35 bits set
        #expect(g.count { !$0.blocking.isEmpty } == 0)
    }

    @Test func localGroupBlockingUnderT18T19AndItsAcknowledgement() throws {
        // Q.764 §2.8.3, Annex A T18/T19: a range command → CGB with range and status; CGBA ends it.
        var g = trunk()
        let block = g.command(.block(CICRange("1-8")!, .maintenance), at: t0)
        #expect(block.sent == [hex("01 00 18 00 01 02 07 FF")])
        #expect(block.started == [timer(.t18, 1), timer(.t19, 1)])
        #expect(g.seizeOutgoing() == 10)  // 1–8 blocked at once; 10 is the first even one left
        #expect(g.timerFired(timer(.t18, 1), at: at(15)).sent == [hex("01 00 18 00 01 02 07 FF")])
        let t19 = g.timerFired(timer(.t19, 1), at: at(300))
        #expect(t19.alerts.count == 1 && t19.cancelled == [timer(.t18, 1)])
        #expect(g.circuitStateIndicator(3) == 0x00)  // transient while awaiting CGBA (Q.764 §2.8.3 query states)

        // CGBA without CIC 8's bit: the request ends and maintenance is alerted (Q.764 §2.9.4).
        let cgba = try receive(&g, "01 00 1A 00 01 02 07 7F")
        #expect(Set(cgba.cancelled) == [timer(.t18, 1), timer(.t19, 1)])
        #expect(cgba.alerts.count == 1 && cgba.alerts[0].contains("[8]"))
        #expect(g.circuitStateIndicator(3) == 0x0D)  // locally blocked (BA 01), idle (DC 11)
    }

    @Test func unexpectedCGBAAndCGUA() throws {
        // Q.764 §2.9.4: a CGBA answering no CGB, for circuits we do not block → CGU for them; a CGUA answering no
        // CGU, for circuits we block → CGB; otherwise discarded. A CGBA whose range differs from the CGB's does not
        // end the CGB.
        var g = trunk()
        let cgba = try receive(&g, "0A 00 1A 00 01 02 01 03")
        #expect(cgba.sent == [hex("0A 00 19 00 01 02 01 03")])

        _ = g.command(.block(CICRange("20-23")!, .maintenance), at: t0)
        let mismatched = try receive(&g, "14 00 1A 00 01 02 07 0F")  // range 7, our CGB had range 3
        #expect(mismatched.cancelled.isEmpty && mismatched.sent.isEmpty)
        #expect(try receive(&g, "14 00 1A 00 01 02 03 0F").cancelled.count == 2)
        #expect(try receive(&g, "14 00 1B 00 01 02 03 0F").sent == [hex("14 00 18 00 01 02 03 0F")])
        #expect(try receive(&g, "1E 00 1B 00 01 02 01 03").sent.isEmpty)
    }

    @Test func localHardwareBlockingOfABusyCircuit() {
        // Q.764 §2.8.3: hardware blocking clears the call; one circuit still goes as CGB (range 0 is reserved,
        // Q.763 §3.43: range 1 with only the first bit set).
        var g = trunk(preferControlled: false)
        #expect(g.seizeOutgoing() == 1)
        let actions = g.command(.block(CICRange("1")!, .hardwareFailure), at: t0)
        #expect(actions.releasedCalls == [1])
        #expect(actions.sent == [hex("01 00 18 01 01 02 01 01")])
        #expect(g.state(of: 1) == CircuitState(call: .idle, blocking: .localHardware))
    }

    @Test func groupCommandsAreCutIntoMessagesOf32Circuits() {
        // Q.763 §3.43: at most 32 circuits per message we send: 1–40 → CGB 1–32 (range 31) and 33–40 (range 7).
        var g = trunk(["1-40"])
        let actions = g.command(.block(CICRange("1-40")!, .maintenance), at: t0)
        #expect(actions.sent == [hex("01 00 18 00 01 05 1F FF FF FF FF"), hex("21 00 18 00 01 02 07 FF")])
        let unblock = g.command(.unblock(CICRange("33-40")!, .maintenance), at: t0)
        #expect(unblock.sent == [hex("21 00 19 00 01 02 07 FF")])
        #expect(unblock.cancelled == [timer(.t18, 33), timer(.t19, 33)])  // CGU supersedes the CGB
    }
}
