import M3UA
import Testing

/// Two IPSPs in Single Exchange (RFC 4666 §4.3, §5.5.1), driven against each other in-process: one request and
/// one ack per exchange, either side may start any exchange, and both sides hold the one ASP state.
@Suite struct IPSPSingleExchangeTests {
    static let a: AssociationID = 1

    static func ipsp() -> ASPStateMachine {
        var c = ASPConfiguration()
        c.role = .ipsp
        c.routingContexts = [3]
        return ASPStateMachine(association: a, configuration: c)
    }

    static func pump() -> Pump<ASPStateMachine, ASPStateMachine> { Pump(ipsp(), ipsp()) }

    static let pd = ProtocolData(opc: 1, dpc: 2, si: .isup, ni: 2, sls: 1, userProtocolData: [1, 0, 1])

    @Test("one side activates: ASPUP/ACK then ASPAC/ACK, four messages, both ends ASP-ACTIVE (§5.5.1)")
    func oneSideActivates() {
        var p = Self.pump()
        let log = p.feed(.left, .activate)
        #expect(log.of(.left).sentTypes == [.aspup, .aspac])
        #expect(log.of(.right).sentTypes == [.aspupAck, .aspacAck])
        #expect(p.left.state == .active)
        #expect(p.right.state == .active)
        #expect(p.right.goal == .active)
        #expect(p.advance(by: .seconds(10)).isEmpty)
    }

    @Test("either side may start an exchange: the other side deactivates with ASPIA (corrections #37)")
    func otherSideDeactivates() {
        var p = Self.pump()
        p.feed(.left, .activate)
        let log = p.feed(.right, .deactivate)
        #expect(log.of(.right).sentTypes == [.aspia])
        #expect(log.of(.left).sentTypes == [.aspiaAck])
        #expect(p.left.state == .inactive)
        #expect(p.left.goal == .inactive)
        #expect(p.advance(by: .seconds(10)).isEmpty)
    }

    @Test("DATA flows both ways once ASP-ACTIVE (§4.3.3)")
    func dataBothWays() {
        var p = Self.pump()
        p.feed(.left, .activate)
        #expect(p.feed(.left, .sendData(Self.pd)).of(.right) == [.deliver(Self.pd, routingContext: 3, from: Self.a)])
        #expect(p.feed(.right, .sendData(Self.pd)).of(.left) == [.deliver(Self.pd, routingContext: 3, from: Self.a)])
    }

    @Test("both sides activate at once: crossing requests settle on ASP-ACTIVE without retransmission")
    func crossingRequests() {
        var p = Self.pump()
        p.feed(.left, .activate)
        p.feed(.right, .activate)
        #expect(p.left.state == .active)
        #expect(p.right.state == .active)
        #expect(p.advance(by: .seconds(10)).isEmpty)
    }

    @Test("peer restart: ASPUP while ASP-ACTIVE → ASPUP ACK and ERR Unexpected Message, ASP-INACTIVE (§4.3.4.1)")
    func aspupWhileActive() {
        var d = Driver(Self.ipsp())
        d.feed(.activate)
        d.feed(.transportUp(Self.a))
        d.feed(.received(M3UAMessage(.aspupAck), on: Self.a, stream: 0))
        d.feed(.received(M3UAMessage(.aspacAck), on: Self.a, stream: 0))
        let actions = d.feed(.received(M3UAMessage(.aspup), on: Self.a, stream: 0))
        #expect(actions.sent == [M3UAMessage(.aspupAck), M3UAMessage(.err, [.errorCode(.unexpectedMessage)])])
        #expect(actions.contains(.aspStateChanged(Self.a, .inactive)))
        // The restarted peer leads from here: this side does not reactivate on its own.
        #expect(d.machine.goal == .inactive)
    }

    @Test("ASPAC while ASP-DOWN: ERR Unexpected Message, no ack (§4.3.4.3)")
    func aspacWhileDown() {
        var d = Driver(Self.ipsp())
        d.feed(.transportUp(Self.a))
        #expect(d.feed(.received(M3UAMessage(.aspac, [.routingContext([3])]), on: Self.a, stream: 0)).sent
            == [M3UAMessage(.err, [.errorCode(.unexpectedMessage), .routingContext([3])])])
    }

    @Test("the peer's ASPDN is acked; the requester closes the association and neither side reconnects (§4.3.4.2)")
    func peerASPDN() {
        var p = Self.pump()
        p.feed(.left, .activate)
        let log = p.feed(.right, .shutdown)
        #expect(log.of(.right).sentTypes == [.aspdn])
        #expect(log.of(.left).sentTypes == [.aspdnAck])
        #expect(log.of(.right).contains(.disconnect(Self.a)))
        #expect(p.left.state == .down)
        #expect(p.left.transport == .closed)
        #expect(p.right.transport == .closed)
        #expect(p.advance(by: .seconds(60)).isEmpty)
    }
}
