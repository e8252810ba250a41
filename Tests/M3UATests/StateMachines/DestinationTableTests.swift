import M3UA
import Testing

/// The destination table SSNM feeds (RFC 4666 §4.5) and the interworking layer queries.
@Suite struct DestinationTableTests {
    static func apply(_ table: inout DestinationTable, _ type: M3UAMessageType, _ pcs: [MaskedPointCode],
        _ extra: [M3UAParameter] = []) -> [MaskedPointCode]
    {
        table.apply(M3UAMessage(type, [.affectedPointCode(pcs)] + extra))
    }

    @Test("an ASP assumes a destination available until SSNM says otherwise (§4.5)")
    func defaultAvailable() {
        #expect(DestinationTable().isAvailable(1234))
    }

    @Test("DUNA makes every listed point code unavailable, DAVA available again (§4.5.1, §4.5.2)")
    func dunaDava() {
        var t = DestinationTable()
        #expect(Self.apply(&t, .duna, [MaskedPointCode(10), MaskedPointCode(11)]) == [MaskedPointCode(10), MaskedPointCode(11)])
        #expect(!t.isAvailable(10) && !t.isAvailable(11) && t.isAvailable(12))
        _ = Self.apply(&t, .dava, [MaskedPointCode(11)])
        #expect(!t.isAvailable(10) && t.isAvailable(11))
    }

    @Test("a mask wildcards the low bits: DUNA 0x100/4 covers 0x100…0x10F, a later DAVA of 0x105 reopens one")
    func masks() {
        var t = DestinationTable()
        _ = Self.apply(&t, .duna, [MaskedPointCode(0x100, mask: 4)])
        #expect(!t.isAvailable(0x100) && !t.isAvailable(0x10F) && t.isAvailable(0x110) && t.isAvailable(0xFF))
        _ = Self.apply(&t, .dava, [MaskedPointCode(0x105)])
        #expect(t.isAvailable(0x105) && !t.isAvailable(0x104))
        // A wider DAVA replaces the entries it covers.
        _ = Self.apply(&t, .dava, [MaskedPointCode(0x100, mask: 8)])
        #expect(t.isAvailable(0x104))
    }

    @Test("DUPU for ISUP: the DPC is reachable but not for ISUP (§4.5.4, User/Cause)")
    func dupu() {
        var t = DestinationTable()
        _ = Self.apply(&t, .dupu, [MaskedPointCode(20)], [.userCause(UserCause(cause: 2, user: 5))])
        #expect(!t.isAvailable(20))
        #expect(t.isAvailable(20, user: .sccp))
        #expect(t.status(of: 20)?.unavailableUsers == [5])
    }

    @Test("SCON records the congestion level and DRST the restriction; both leave the DPC available (§4.5.3)")
    func sconDrst() {
        var t = DestinationTable()
        _ = Self.apply(&t, .scon, [MaskedPointCode(30)], [.congestionIndications(level: 2)])
        _ = Self.apply(&t, .drst, [MaskedPointCode(31)])
        #expect(t.status(of: 30)?.congestionLevel == 2)
        #expect(t.status(of: 31)?.restricted == true)
        #expect(t.isAvailable(30) && t.isAvailable(31))
    }

    @Test("DAVA after DUPU clears the user part too")
    func davaClearsDupu() {
        var t = DestinationTable()
        _ = Self.apply(&t, .dupu, [MaskedPointCode(20)], [.userCause(UserCause(cause: 1, user: 5))])
        _ = Self.apply(&t, .dava, [MaskedPointCode(20)])
        #expect(t.isAvailable(20))
    }

    @Test("DAUD at an ASP is answered from its table, keeping NA and RC (§3.4.3)")
    func daudAtASP() {
        var t = DestinationTable()
        _ = Self.apply(&t, .duna, [MaskedPointCode(40)])
        let daud = M3UAMessage(.daud, [.networkAppearance(1), .routingContext([7]), .affectedPointCode([MaskedPointCode(40), MaskedPointCode(41)])])
        #expect(t.answer(audit: daud) == [
            M3UAMessage(.duna, [.networkAppearance(1), .routingContext([7]), .affectedPointCode([MaskedPointCode(40)])]),
            M3UAMessage(.dava, [.networkAppearance(1), .routingContext([7]), .affectedPointCode([MaskedPointCode(41)])]),
        ])
    }

    @Test("DUNA received by an ASP reports each changed destination (§4.5.1)")
    func aspReportsChanges() {
        var d = Driver(ASPStateMachine(association: 1))
        let duna = M3UAMessage(.duna, [.affectedPointCode([MaskedPointCode(50), MaskedPointCode(51)])])
        #expect(d.feed(.received(duna, on: 1, stream: 0)) == [
            .destinationChanged(MaskedPointCode(50)), .destinationChanged(MaskedPointCode(51)),
        ])
    }
}
