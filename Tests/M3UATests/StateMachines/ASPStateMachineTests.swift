import M3UA
import Testing

/// The ASP side toward an SGP, RFC 4666 §4.3.4, transition by transition.
@Suite struct ASPStateMachineTests {
    static let a: AssociationID = 1

    static func configuration() -> ASPConfiguration {
        var c = ASPConfiguration()
        c.routingContexts = [7]
        c.trafficMode = .loadshare
        c.aspIdentifier = 42
        return c
    }

    static func received(_ type: M3UAMessageType, _ parameters: [M3UAParameter] = [], stream: UInt16 = 0) -> M3UAEvent {
        .received(M3UAMessage(type, parameters), on: a, stream: stream)
    }

    /// An ASP brought to ASP-ACTIVE: connect, ASPUP/ACK, ASPAC/ACK.
    static func active() -> Driver<ASPStateMachine> {
        var d = Driver(ASPStateMachine(association: a, configuration: configuration()))
        d.feed(.activate)
        d.feed(.transportUp(a))
        d.feed(received(.aspupAck))
        d.feed(received(.aspacAck, [.trafficModeType(.loadshare), .routingContext([7])]))
        return d
    }

    @Test("activate: connect, then ASPUP with the ASP Identifier under T(ack) (RFC 4666 §4.3.4.1, §3.5.1)")
    func activateSendsASPUP() {
        var d = Driver(ASPStateMachine(association: Self.a, configuration: Self.configuration()))
        #expect(d.feed(.activate) == [.connect(Self.a)])
        #expect(d.machine.transport == .connecting(attempt: 0))
        let up = d.feed(.transportUp(Self.a))
        #expect(up.sent == [M3UAMessage(.aspup, [.aspIdentifier(42)])])
        #expect(up.contains(.startTimer(.ack(Self.a), after: .seconds(2))))
        #expect(d.machine.state == .down)
    }

    @Test("ASPUP ACK: ASP-INACTIVE, then ASPAC with Traffic Mode and Routing Context (§4.3.4.1, §4.3.4.3, §3.7.1)")
    func aspupAckLeadsToASPAC() {
        var d = Driver(ASPStateMachine(association: Self.a, configuration: Self.configuration()))
        d.feed(.activate)
        d.feed(.transportUp(Self.a))
        let actions = d.feed(Self.received(.aspupAck))
        #expect(actions.contains(.aspStateChanged(Self.a, .inactive)))
        #expect(actions.sent == [M3UAMessage(.aspac, [.trafficModeType(.loadshare), .routingContext([7])])])
        #expect(d.machine.state == .inactive)
    }

    @Test("ASPAC ACK: ASP-ACTIVE and T(ack) cancelled (§4.3.4.3)")
    func aspacAckActivates() {
        let d = Self.active()
        #expect(d.machine.state == .active)
        #expect(d.machine.pending == nil)
        #expect(d.timers[.ack(Self.a)] == nil)
    }

    @Test("T(ack) expiry retransmits the outstanding ASPUP, every 2 s (§4.3.4.1)")
    func ackTimerRetransmits() {
        var d = Driver(ASPStateMachine(association: Self.a, configuration: Self.configuration()))
        d.feed(.activate)
        d.feed(.transportUp(Self.a))
        #expect(d.advance(by: .milliseconds(1999)).isEmpty)
        #expect(d.advance(by: .milliseconds(1)).sentTypes == [.aspup])
        #expect(d.advance(by: .seconds(4)).sentTypes == [.aspup, .aspup])
    }

    @Test("T(ack) expiry retransmits the outstanding ASPAC (§4.3.4.3)")
    func ackTimerRetransmitsASPAC() {
        var d = Driver(ASPStateMachine(association: Self.a, configuration: Self.configuration()))
        d.feed(.activate)
        d.feed(.transportUp(Self.a))
        d.feed(Self.received(.aspupAck))
        #expect(d.advance(by: .seconds(2)).sentTypes == [.aspac])
    }

    @Test("an ack for nothing outstanding changes nothing")
    func strayAckIgnored() {
        var d = Self.active()
        #expect(d.feed(Self.received(.aspupAck)).isEmpty)
        #expect(d.machine.state == .active)
    }

    @Test("an ack of another request than the outstanding one changes nothing (§4.3.4.3)")
    func mismatchedAckIgnored() {
        var d = Driver(ASPStateMachine(association: Self.a, configuration: Self.configuration()))
        d.feed(.activate)
        d.feed(.transportUp(Self.a))
        d.feed(Self.received(.aspupAck))
        #expect(d.feed(Self.received(.aspiaAck)).isEmpty)
        #expect(d.machine.pending?.type == .aspac)
        #expect(d.machine.state == .inactive)
    }

    @Test("deactivate: ASPIA with the Routing Context, ASPIA ACK → ASP-INACTIVE (§4.3.4.4)")
    func deactivate() {
        var d = Self.active()
        #expect(d.feed(.deactivate).sent == [M3UAMessage(.aspia, [.routingContext([7])])])
        #expect(d.feed(Self.received(.aspiaAck)) == [.cancelTimer(.ack(Self.a)), .aspStateChanged(Self.a, .inactive)])
    }

    @Test("shutdown from ASP-ACTIVE: ASPDN, ASPDN ACK → ASP-DOWN and the association closed (§4.3.4.2)")
    func shutdown() {
        var d = Self.active()
        #expect(d.feed(.shutdown).sent == [M3UAMessage(.aspdn)])
        let actions = d.feed(Self.received(.aspdnAck))
        #expect(actions.contains(.aspStateChanged(Self.a, .down)))
        #expect(actions.contains(.disconnect(Self.a)))
        #expect(d.machine.transport == .closed)
        #expect(d.timers.isEmpty)
    }

    @Test("NTFY AS-ACTIVE is reported per Routing Context (§4.3.4.5, §3.8.2)")
    func notifyASActive() {
        var d = Self.active()
        let actions = d.feed(Self.received(.ntfy, [.status(.asActive), .routingContext([7])]))
        #expect(actions == [
            .notified(.asActive, routingContexts: [7], from: Self.a), .asStateChanged(routingContext: 7, .active),
        ])
        #expect(d.machine.asStates == [7: .active])
    }

    @Test("NTFY Alternate ASP Active: ASP-INACTIVE, standby (§4.3.4.3 Override)")
    func alternateASPActive() {
        var d = Self.active()
        let actions = d.feed(Self.received(.ntfy, [.status(.alternateASPActive), .aspIdentifier(43), .routingContext([7])]))
        #expect(actions.contains(.aspStateChanged(Self.a, .inactive)))
        #expect(d.machine.goal == .standby)
        #expect(actions.sent.isEmpty)
    }

    @Test("the standby takes over with ASPAC on NTFY AS-PENDING (RFC 4666 §5.2.2)")
    func standbyTakesOver() {
        var d = Self.active()
        d.feed(Self.received(.ntfy, [.status(.alternateASPActive)]))
        let actions = d.feed(Self.received(.ntfy, [.status(.asPending), .routingContext([7])]))
        #expect(actions.sentTypes == [.aspac])
        #expect(d.machine.goal == .active)
    }

    @Test("NTFY ASP Failure is reported and changes no state (§3.8.2)")
    func aspFailureReported() {
        var d = Self.active()
        let actions = d.feed(Self.received(.ntfy, [.status(.aspFailure), .aspIdentifier(43)]))
        #expect(actions == [.notified(.aspFailure, routingContexts: [], from: Self.a)])
        #expect(d.machine.state == .active)
    }

    @Test("ERR is reported; ERR 0x19 to the ASPAC ends its retransmission (§3.8.1)")
    func errorRefusesASPAC() {
        var d = Driver(ASPStateMachine(association: Self.a, configuration: Self.configuration()))
        d.feed(.activate)
        d.feed(.transportUp(Self.a))
        d.feed(Self.received(.aspupAck))
        let err = M3UAMessage(.err, [.errorCode(.invalidRoutingContext), .routingContext([7])])
        let actions = d.feed(.received(err, on: Self.a, stream: 0))
        #expect(actions == [.errorReceived(.invalidRoutingContext, err, from: Self.a), .cancelTimer(.ack(Self.a))])
        #expect(d.advance(by: .seconds(10)).sentTypes.allSatisfy { $0 == .beat })
        #expect(d.machine.state == .inactive)
    }

    @Test("DATA while ASP-ACTIVE is delivered with its Routing Context (§3.3.1)")
    func dataDelivered() {
        var d = Self.active()
        let pd = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 3, userProtocolData: [1, 0, 1])
        #expect(d.feed(Self.received(.data, [.routingContext([7]), .protocolData(pd)], stream: 1))
            == [.deliver(pd, routingContext: 7, from: Self.a)])
    }

    @Test("DATA while ASP-INACTIVE is silently discarded (§3.8.1 example, corrections #43)")
    func dataWhileInactiveDiscarded() {
        var d = Self.active()
        d.feed(.deactivate)
        d.feed(Self.received(.aspiaAck))
        let pd = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 3, userProtocolData: [1, 0, 1])
        #expect(d.feed(Self.received(.data, [.protocolData(pd)], stream: 1)).isEmpty)
    }

    @Test("DATA on stream 0 is answered with ERR Invalid Stream Identifier (§1.4.7)")
    func dataOnStreamZero() {
        var d = Self.active()
        let pd = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 3, userProtocolData: [1, 0, 1])
        #expect(d.feed(Self.received(.data, [.routingContext([7]), .protocolData(pd)])).sent
            == [M3UAMessage(.err, [.errorCode(.invalidStreamIdentifier), .routingContext([7])])])
    }

    @Test("send DATA: Routing Context, stream from the SLS, never stream 0 (§3.3.1, §1.4.7)")
    func sendData() {
        var c = Self.configuration()
        c.outboundStreams = 4
        var d = Self.active()
        d.machine.configuration = c
        let pd = ProtocolData(opc: 1, dpc: 2, si: .isup, ni: 2, sls: 5, userProtocolData: [1, 0, 1])
        #expect(d.feed(.sendData(pd))
            == [.send(M3UAMessage(.data, [.routingContext([7]), .protocolData(pd)]), on: Self.a, stream: 3)])
    }

    @Test("send DATA before ASP-ACTIVE is undeliverable (§4.3.1)")
    func sendDataWhileInactive() {
        var d = Driver(ASPStateMachine(association: Self.a, configuration: Self.configuration()))
        let pd = ProtocolData(opc: 1, dpc: 2, si: .isup, ni: 2, sls: 5, userProtocolData: [1])
        #expect(d.feed(.sendData(pd)) == [.undeliverable(pd)])
    }

    @Test("an SGP's ASPUP to an ASP is an Unexpected Message (§3.8.1)")
    func aspupFromSGPUnexpected() {
        var d = Self.active()
        #expect(d.feed(Self.received(.aspup)).sent == [M3UAMessage(.err, [.errorCode(.unexpectedMessage)])])
    }

    @Test("malformed octets are answered with the codec's ERR and the first 40 octets (§3.8.1)")
    func malformedAnsweredWithERR() {
        var d = Self.active()
        let octets: [UInt8] = [1, 0, 7, 1, 0, 0, 0, 8]  // class 7: not M3UA
        #expect(d.feed(.receivedOctets(octets, on: Self.a, stream: 0)).sent
            == [M3UAMessage(.err, [.errorCode(.unsupportedMessageClass), .diagnosticInformation(octets)])])
    }

    @Test("a malformed ERR is not answered (§3.8.1)")
    func malformedErrNotAnswered() {
        var d = Self.active()
        #expect(d.feed(.receivedOctets([1, 0, 0, 0, 0, 0, 0, 8], on: Self.a, stream: 0)).isEmpty)
    }

    @Test("a well-formed octet string is handled as the message it decodes to")
    func octetsDecoded() throws {
        var d = Self.active()
        let beat = try M3UAMessage(.beat, [.heartbeatData([9, 9])]).encoded()
        #expect(d.feed(.receivedOctets(beat, on: Self.a, stream: 0)).sent == [M3UAMessage(.beatAck, [.heartbeatData([9, 9])])])
    }
}
