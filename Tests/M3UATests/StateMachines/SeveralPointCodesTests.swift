import M3UA
import Testing

/// Several local point codes, each its own AS and Routing Context (RFC 4666 §1.4.2 Routing Keys by DPC,
/// §3.3.1: the Routing Context is required in DATA when an association serves several ASs).
@Suite struct SeveralPointCodesTests {
    static let a: AssociationID = 1

    static func pump() -> Pump<ASPStateMachine, SGPStateMachine> {
        var asp = ASPConfiguration()
        asp.routingContextByPointCode = [1: 7, 3: 8]
        let sgp = SGPConfiguration(applicationServers: [
            ApplicationServerConfiguration(routingContext: 7, pointCodes: [1]),
            ApplicationServerConfiguration(routingContext: 8, pointCodes: [3]),
        ])
        var p = Pump(ASPStateMachine(association: a, configuration: asp), SGPStateMachine(configuration: sgp))
        p.feed(.left, .activate)
        return p
    }

    @Test("ASPAC names every Routing Context; both ASs go AS-ACTIVE (§3.7.1, §4.3.4.3)")
    func activatesBoth() {
        let p = Self.pump()
        #expect(p.log.of(.left).sent.contains(M3UAMessage(.aspac, [.routingContext([7, 8])])))
        #expect(p.right.applicationServers[7]?.state == .active)
        #expect(p.right.applicationServers[8]?.state == .active)
    }

    @Test("DATA from each OPC carries its AS's Routing Context (§3.3.1)")
    func dataFromEachOPC() {
        var p = Self.pump()
        for (opc, rc) in [(UInt32(1), UInt32(7)), (3, 8)] {
            let pd = ProtocolData(opc: opc, dpc: 2, si: .isup, ni: 2, sls: 0, userProtocolData: [0, 0, 1])
            #expect(p.feed(.left, .sendData(pd)).of(.right) == [.deliver(pd, routingContext: rc, from: Self.a)])
        }
    }

    @Test("the SGP routes SS7 traffic by DPC to the AS whose Routing Key holds it (§1.4.2)")
    func sgpRoutesByDPC() {
        var p = Self.pump()
        for (dpc, rc) in [(UInt32(1), UInt32(7)), (3, 8)] {
            let pd = ProtocolData(opc: 2, dpc: dpc, si: .isup, ni: 2, sls: 0, userProtocolData: [0, 0, 1])
            #expect(p.feed(.right, .sendData(pd)).of(.left) == [.deliver(pd, routingContext: rc, from: Self.a)])
        }
        let unknown = ProtocolData(opc: 2, dpc: 9, si: .isup, ni: 2, sls: 0, userProtocolData: [0, 0, 1])
        #expect(p.feed(.right, .sendData(unknown)).of(.right) == [.undeliverable(unknown)])
    }

    @Test("DATA with a Routing Context the ASP does not serve: ERR 0x19 with it (§3.8.1)")
    func aspRefusesUnknownContext() {
        var p = Self.pump()
        let pd = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 0, userProtocolData: [0, 0, 1])
        let data = M3UAMessage(.data, [.routingContext([9]), .protocolData(pd)])
        #expect(p.feed(.left, .received(data, on: Self.a, stream: 1)).of(.left).sent
            == [M3UAMessage(.err, [.errorCode(.invalidRoutingContext), .routingContext([9])])])
    }
}
