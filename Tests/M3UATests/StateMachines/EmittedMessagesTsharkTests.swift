import ISUP
import M3UA
import OracleSupport
import Testing

/// Every message the state machines emit in a day's life (bring-up, NTFY, DATA, BEAT and acks, DAUD/DAVA/DUNA,
/// ERR, deactivation, shutdown, fail-over; ASP group ↔ SGP and IPSP ↔ IPSP), written to one capture: tshark
/// decodes each with no malformed item and the fields our codec reads (TsharkOracleTests.expectAgreement).
@Suite(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
struct EmittedMessagesTsharkTests {
    static func sent(_ log: [(PumpSide, M3UAAction)]) -> [M3UAMessage] {
        log.compactMap { if case .send(let m, _, _) = $0.1 { m } else { nil } }
    }

    /// DATA with a real ISUP ANM (isup-q763.md §7.4) on CIC = SLS, so that tshark and our codec both decode it.
    static func data(sls: UInt8) -> ProtocolData {
        ProtocolData(opc: 1, dpc: 2, si: .isup, ni: 2, sls: sls, userProtocolData: [sls, 0x00, 0x09, 0x00])
    }

    @Test func stateMachineTrafficDecodesInTshark() throws {
        // ASP group (Override, two associations, BEAT every 1 s) against the SGP.
        var p = ASPToSGPTests.pump(.override, beat: 1)
        for sls in 0..<4 { p.feed(.left, .sendData(Self.data(sls: UInt8(sls)))) }
        p.advance(by: .seconds(2))
        p.feed(.right, .destinationAvailability(MaskedPointCode(3), available: false))
        p.feed(.right, .destinationAvailability(MaskedPointCode(3), available: true))
        p.feed(.left, .receivedOctets([0x01, 0x00, 0x63, 0x01, 0x00, 0x00, 0x00, 0x08], on: ASPToSGPTests.one, stream: 0))
        p.cut(ASPToSGPTests.one)
        p.advance(by: .seconds(5))
        p.restore(ASPToSGPTests.one)
        p.advance(by: .seconds(40))
        p.feed(.left, .deactivate)
        p.feed(.left, .shutdown)
        var messages = Self.sent(p.log)

        // Two IPSPs in single exchange.
        var ipsp = IPSPSingleExchangeTests.pump()
        ipsp.feed(.left, .activate)
        ipsp.feed(.left, .sendData(Self.data(sls: 5)))
        ipsp.feed(.right, .deactivate)
        ipsp.feed(.left, .shutdown)
        messages += Self.sent(ipsp.log)

        let types = Set(messages.map(\.type))
        for expected: M3UAMessageType in [.aspup, .aspupAck, .aspac, .aspacAck, .ntfy, .data, .beat, .beatAck, .err,
                                          .duna, .dava, .aspia, .aspiaAck, .aspdn, .aspdnAck] {
            #expect(types.contains(expected), "the scenario never emitted \(expected.acronym)")
        }
        try TsharkOracleTests.expectAgreement(messages)
    }
}
