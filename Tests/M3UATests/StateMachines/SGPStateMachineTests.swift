import M3UA
import Testing

/// The SGP side, RFC 4666 §4.3.2 (AS states) and §4.3.4 (procedures), message by message.
@Suite struct SGPStateMachineTests {
    static let a: AssociationID = 1
    static let b: AssociationID = 2

    static func sgp(_ mode: TrafficModeType = .override, minimumActive: Int = 1) -> Driver<SGPStateMachine> {
        var c = SGPConfiguration(applicationServers: [
            ApplicationServerConfiguration(routingContext: 7, trafficMode: mode, minimumActive: minimumActive, pointCodes: [100]),
        ])
        c.timers.recovery = 2
        return Driver(SGPStateMachine(configuration: c))
    }

    static func from(_ association: AssociationID, _ type: M3UAMessageType, _ parameters: [M3UAParameter] = [],
        stream: UInt16 = 0) -> M3UAEvent
    {
        .received(M3UAMessage(type, parameters), on: association, stream: stream)
    }

    static func ntfy(_ status: NotifyStatus, asp: UInt32? = nil) -> M3UAMessage {
        M3UAMessage(.ntfy, [.status(status)] + (asp.map { [.aspIdentifier($0)] } ?? []) + [.routingContext([7])])
    }

    /// ASPs up (and active when asked) on the given associations, with ASP Identifiers 10 + association.
    static func with(_ active: [AssociationID], up: [AssociationID] = [], mode: TrafficModeType = .override,
        minimumActive: Int = 1) -> Driver<SGPStateMachine>
    {
        var d = sgp(mode, minimumActive: minimumActive)
        for x in up + active {
            d.feed(.transportUp(x))
            d.feed(from(x, .aspup, [.aspIdentifier(UInt32(10 + x.rawValue))]))
        }
        for x in active { d.feed(from(x, .aspac, [.trafficModeType(mode), .routingContext([7])])) }
        return d
    }

    static let pd = ProtocolData(opc: 1, dpc: 100, si: .isup, ni: 2, sls: 4, userProtocolData: [5, 0, 1])

    @Test("ASPUP: ASPUP ACK, ASP-INACTIVE, AS-DOWN → AS-INACTIVE notified (§4.3.4.1, §4.3.2, §4.3.4.5)")
    func aspUp() {
        var d = Self.sgp()
        d.feed(.transportUp(Self.a))
        let actions = d.feed(Self.from(Self.a, .aspup))
        #expect(actions == [
            .send(M3UAMessage(.aspupAck), on: Self.a, stream: 0), .aspStateChanged(Self.a, .inactive),
            .asStateChanged(routingContext: 7, .inactive), .send(Self.ntfy(.asInactive), on: Self.a, stream: 0),
        ])
    }

    @Test("a second ASPUP: NTFY of the unchanged AS state to that ASP only (§4.3.4.5 SHOULD)")
    func secondASPUpNotified() {
        var d = Self.with([], up: [Self.a])
        d.feed(.transportUp(Self.b))
        #expect(d.feed(Self.from(Self.b, .aspup)).sent == [M3UAMessage(.aspupAck), Self.ntfy(.asInactive)])
    }

    @Test("ASPAC: ASPAC ACK echoing mode and RC, AS-ACTIVE notified (§4.3.4.3)")
    func aspActive() {
        var d = Self.with([], up: [Self.a])
        let actions = d.feed(Self.from(Self.a, .aspac, [.trafficModeType(.override), .routingContext([7])]))
        #expect(actions == [
            .send(M3UAMessage(.aspacAck, [.trafficModeType(.override), .routingContext([7])]), on: Self.a, stream: 0),
            .aspStateChanged(Self.a, .active), .asStateChanged(routingContext: 7, .active),
            .send(Self.ntfy(.asActive), on: Self.a, stream: 0),
        ])
    }

    @Test("ASPAC without Routing Context activates every AS (§3.7.1)")
    func aspActiveAllContexts() {
        var d = Self.with([], up: [Self.a])
        d.feed(Self.from(Self.a, .aspac))
        #expect(d.machine.applicationServers[7]?.state == .active)
    }

    @Test("ASPAC for an unknown Routing Context: ERR 0x19 carrying it, no ack (§3.8.1 MUST, §4.3.4.3)")
    func unknownRoutingContext() {
        var d = Self.with([], up: [Self.a])
        #expect(d.feed(Self.from(Self.a, .aspac, [.routingContext([9])])).sent
            == [M3UAMessage(.err, [.errorCode(.invalidRoutingContext), .routingContext([9])])])
        #expect(d.machine.asps[Self.a]?.state == .inactive)
    }

    @Test("ASPAC with a Traffic Mode the AS does not use: ERR 0x05 (§3.8.1)")
    func unsupportedTrafficMode() {
        var d = Self.with([], up: [Self.a])
        #expect(d.feed(Self.from(Self.a, .aspac, [.trafficModeType(.broadcast), .routingContext([7])])).sent
            == [M3UAMessage(.err, [.errorCode(.unsupportedTrafficModeType), .routingContext([7])])])
    }

    @Test("ASPAC from an ASP-DOWN ASP: ERR Unexpected Message (§4.3.4.3)")
    func aspActiveWhileDown() {
        var d = Self.sgp()
        d.feed(.transportUp(Self.a))
        #expect(d.feed(Self.from(Self.a, .aspac, [.routingContext([7])])).sent
            == [M3UAMessage(.err, [.errorCode(.unexpectedMessage), .routingContext([7])])])
    }

    @Test("peer restart: ASPUP while ASP-ACTIVE → ASPUP ACK + ERR Unexpected, ASP-INACTIVE, AS-PENDING (§4.3.4.1)")
    func aspUpWhileActive() {
        var d = Self.with([Self.a])
        let actions = d.feed(Self.from(Self.a, .aspup))
        #expect(actions.sent.prefix(2) == [M3UAMessage(.aspupAck), M3UAMessage(.err, [.errorCode(.unexpectedMessage)])])
        #expect(actions.contains(.aspStateChanged(Self.a, .inactive)))
        #expect(actions.contains(.asStateChanged(routingContext: 7, .pending)))
        #expect(actions.contains(.startTimer(.recovery(routingContext: 7), after: .seconds(2))))
    }

    @Test("ASPIA of the last active ASP: AS-PENDING with T(r); T(r) expiry → AS-INACTIVE (§4.3.2)")
    func pendingThenInactive() {
        var d = Self.with([Self.a])
        let actions = d.feed(Self.from(Self.a, .aspia, [.routingContext([7])]))
        #expect(actions == [
            .send(M3UAMessage(.aspiaAck, [.routingContext([7])]), on: Self.a, stream: 0),
            .aspStateChanged(Self.a, .inactive), .asStateChanged(routingContext: 7, .pending),
            .send(Self.ntfy(.asPending), on: Self.a, stream: 0),
            .startTimer(.recovery(routingContext: 7), after: .seconds(2)),
        ])
        #expect(d.advance(by: .milliseconds(1999)).isEmpty)
        #expect(d.advance(by: .milliseconds(1)) == [
            .asStateChanged(routingContext: 7, .inactive), .send(Self.ntfy(.asInactive), on: Self.a, stream: 0),
        ])
    }

    @Test("AS-PENDING queues DATA and delivers it to the ASP that recovers the AS before T(r) (§4.3.2)")
    func pendingQueueDelivered() {
        var d = Self.with([Self.a])
        d.feed(Self.from(Self.a, .aspia))
        #expect(d.feed(.sendData(Self.pd)).isEmpty)
        let actions = d.feed(Self.from(Self.a, .aspac))
        #expect(actions.contains(.cancelTimer(.recovery(routingContext: 7))))
        #expect(actions.last == .send(M3UAMessage(.data, [.routingContext([7]), .protocolData(Self.pd)]), on: Self.a, stream: 1))
    }

    @Test("T(r) expiry with every ASP down: AS-DOWN and the queue undeliverable (§4.3.2)")
    func pendingThenDown() {
        var d = Self.with([Self.a])
        d.feed(.transportDown(Self.a))
        d.feed(.sendData(Self.pd))
        #expect(d.advance(by: .seconds(2)) == [.asStateChanged(routingContext: 7, .down), .undeliverable(Self.pd)])
    }

    @Test("ASPDN: ASPDN ACK, ASP-DOWN; acked again when already down (§4.3.4.2)")
    func aspDown() {
        var d = Self.with([], up: [Self.a])
        let actions = d.feed(Self.from(Self.a, .aspdn))
        #expect(actions == [
            .send(M3UAMessage(.aspdnAck), on: Self.a, stream: 0), .aspStateChanged(Self.a, .down),
            .asStateChanged(routingContext: 7, .down),
        ])
        #expect(d.feed(Self.from(Self.a, .aspdn)) == [.send(M3UAMessage(.aspdnAck), on: Self.a, stream: 0)])
    }

    @Test("BEAT is answered with BEAT ACK echoing the data, in any state, on the same stream (§4.3.4.6)")
    func beat() {
        var d = Self.sgp()
        d.feed(.transportUp(Self.a))
        #expect(d.feed(Self.from(Self.a, .beat, [.heartbeatData([1, 2, 3])], stream: 3))
            == [.send(M3UAMessage(.beatAck, [.heartbeatData([1, 2, 3])]), on: Self.a, stream: 3)])
    }

    @Test("Override: a second ASPAC takes over; the first ASP gets NTFY Alternate ASP Active (§4.3.4.3)")
    func overrideTakeover() {
        var d = Self.with([Self.a], up: [Self.b])
        let actions = d.feed(Self.from(Self.b, .aspac, [.routingContext([7])]))
        #expect(actions.contains(.send(Self.ntfy(.alternateASPActive, asp: 12), on: Self.a, stream: 0)))
        #expect(actions.contains(.aspStateChanged(Self.a, .inactive)))
        #expect(d.machine.applicationServers[7]?.active == [Self.b])
        #expect(d.feed(.sendData(Self.pd)).sentOn == [Self.b])
    }

    @Test("loss of an active ASP: NTFY ASP Failure with its identifier to the others, AS-PENDING (§3.8.2)")
    func aspFailure() {
        var d = Self.with([Self.a], up: [Self.b])
        let actions = d.feed(.transportDown(Self.a))
        #expect(actions.contains(.asStateChanged(routingContext: 7, .pending)))
        #expect(actions.sent == [Self.ntfy(.asPending), Self.ntfy(.aspFailure, asp: 11)])
    }

    /// Issue 8 (ETSI TS 102 381 run): the SGP notified only the loss of an ASP-ACTIVE ASP.
    @Test("loss of an ASP-INACTIVE ASP: NTFY ASP Failure with its identifier to the others too (§3.8.2)")
    func inactiveASPFailure() {
        var d = Self.with([Self.a], up: [Self.b])
        let actions = d.feed(.transportDown(Self.b))
        #expect(actions.sent == [Self.ntfy(.aspFailure, asp: 12)])
        #expect(actions.sentOn == [Self.a])
        #expect(d.machine.applicationServers[7]?.state == .active)
        // An association that never sent ASPUP had no ASP to lose.
        d.feed(.transportUp(3))
        #expect(d.feed(.transportDown(3)).sent.isEmpty)
    }

    @Test("Loadshare with n = 2: AS-ACTIVE only with the second ASP (§4.3.2)")
    func loadshareMinimum() {
        var d = Self.with([Self.a], mode: .loadshare, minimumActive: 2)
        #expect(d.machine.applicationServers[7]?.state == .inactive)
        d.feed(.transportUp(Self.b))
        d.feed(Self.from(Self.b, .aspup))
        d.feed(Self.from(Self.b, .aspac, [.trafficModeType(.loadshare), .routingContext([7])]))
        #expect(d.machine.applicationServers[7]?.state == .active)
    }

    @Test("Loadshare with n = 2 losing one ASP: AS stays active, NTFY Insufficient ASP Resources once (§3.8.2)")
    func insufficientResources() {
        var d = Self.with([Self.a, Self.b], up: [3], mode: .loadshare, minimumActive: 2)
        let actions = d.feed(Self.from(Self.b, .aspia, [.routingContext([7])]))
        #expect(d.machine.applicationServers[7]?.state == .active)
        #expect(actions.sent.filter { $0.type == .ntfy } == [Self.ntfy(.insufficientASPResources), Self.ntfy(.insufficientASPResources)])
        #expect(actions.sentOn.suffix(2) == [Self.b, 3])
        #expect(d.feed(Self.from(Self.b, .aspdn)).sent == [M3UAMessage(.aspdnAck)])
    }

    @Test("Broadcast: every active ASP gets every DATA (§4.3.4.3)")
    func broadcast() {
        var d = Self.with([Self.a, Self.b], mode: .broadcast)
        #expect(d.feed(.sendData(Self.pd)).sentOn == [Self.a, Self.b])
    }

    @Test("DAUD: DAVA or DUNA per point code from the table, ERR 0x14 for one it does not know (§4.5.3, §3.8.1)")
    func daud() {
        var d = Self.with([Self.a])
        d.machine.destinations.set(MaskedPointCode(200), DestinationStatus(available: true))
        d.machine.destinations.set(MaskedPointCode(201), DestinationStatus(available: false))
        let audit = Self.from(Self.a, .daud, [.routingContext([7]), .affectedPointCode([MaskedPointCode(200), MaskedPointCode(201), MaskedPointCode(202)])])
        #expect(d.feed(audit).sent == [
            M3UAMessage(.dava, [.routingContext([7]), .affectedPointCode([MaskedPointCode(200)])]),
            M3UAMessage(.duna, [.routingContext([7]), .affectedPointCode([MaskedPointCode(201)])]),
            M3UAMessage(.err, [.errorCode(.destinationStatusUnknown), .routingContext([7]), .affectedPointCode([MaskedPointCode(202)])]),
        ])
    }

    @Test("a destination lost on the SS7 side: DUNA to the active ASPs (§4.5.1)")
    func dunaAnnounced() {
        var d = Self.with([Self.a], up: [Self.b])
        #expect(d.feed(.destinationAvailability(MaskedPointCode(300), available: false))
            == [.send(M3UAMessage(.duna, [.routingContext([7]), .affectedPointCode([MaskedPointCode(300)])]), on: Self.a, stream: 0)])
    }

    @Test("DATA from the active ASP is delivered with its Routing Context (§3.3.1)")
    func dataDelivered() {
        var d = Self.with([Self.a])
        #expect(d.feed(Self.from(Self.a, .data, [.routingContext([7]), .protocolData(Self.pd)], stream: 1))
            == [.deliver(Self.pd, routingContext: 7, from: Self.a)])
    }

    @Test("DATA with an unknown Routing Context: ERR 0x19 (§3.8.1)")
    func dataUnknownContext() {
        var d = Self.with([Self.a])
        #expect(d.feed(Self.from(Self.a, .data, [.routingContext([8]), .protocolData(Self.pd)], stream: 1)).sent
            == [M3UAMessage(.err, [.errorCode(.invalidRoutingContext), .routingContext([8])])])
    }

    @Test("DATA from an ASP-INACTIVE ASP: ERR Unexpected Message with its RC (§3.8.1 MAY)")
    func dataWhileInactive() {
        var d = Self.with([], up: [Self.a])
        #expect(d.feed(Self.from(Self.a, .data, [.routingContext([7]), .protocolData(Self.pd)], stream: 1)).sent
            == [M3UAMessage(.err, [.errorCode(.unexpectedMessage), .routingContext([7])])])
    }

    @Test("DATA on stream 0: ERR Invalid Stream Identifier (§1.4.7)")
    func dataOnStreamZero() {
        var d = Self.with([Self.a])
        #expect(d.feed(Self.from(Self.a, .data, [.protocolData(Self.pd)])).sent
            == [M3UAMessage(.err, [.errorCode(.invalidStreamIdentifier)])])
    }

    @Test("anything but ASPUP, ASPDN, BEAT or ERR from an ASP-DOWN ASP: ERR Unexpected Message (§4.3.1)")
    func downOnlyASPSM() {
        var d = Self.sgp()
        d.feed(.transportUp(Self.a))
        #expect(d.feed(Self.from(Self.a, .daud, [.affectedPointCode([MaskedPointCode(1)])])).sent
            == [M3UAMessage(.err, [.errorCode(.unexpectedMessage)])])
    }

    @Test("REG REQ to an SGP without dynamic registration: ERR Unsupported Message Class (§4.4.1)")
    func registrationUnsupported() {
        var d = Self.with([], up: [Self.a])
        let key = RoutingKey(parameters: [.localRoutingKeyIdentifier(1), .destinationPointCode(MaskedPointCode(1))])
        #expect(d.feed(Self.from(Self.a, .regReq, [.routingKey(key)])).sent
            == [M3UAMessage(.err, [.errorCode(.unsupportedMessageClass)])])
    }

    /// Issue 8 (ETSI TS 102 381 run): a REG REQ whose Routing Key lacks the mandatory DPC was answered 0x16
    /// (Missing Parameter); the class check comes first. Octets by hand from RFC 4666 §3.1 and §3.6.1: header
    /// version 1, class 9 (RKM), type 1 (REG REQ), length 20; Routing Key (0x0207, length 12) holding only the
    /// Local-RK-Identifier (0x020a, length 8, value 1).
    @Test("REG REQ octets missing the DPC: ERR Unsupported Message Class, not Missing Parameter (§4.4.1)")
    func registrationUnsupportedBeforeDecoding() {
        var d = Self.with([], up: [Self.a])
        let octets: [UInt8] = [1, 0, 9, 1, 0, 0, 0, 20, 0x02, 0x07, 0, 12, 0x02, 0x0a, 0, 8, 0, 0, 0, 1]
        #expect(throws: M3UADecodingError.self) { try M3UAMessage(decoding: octets) }
        let sent = d.feed(.receivedOctets(octets, on: Self.a, stream: 0)).sent
        #expect(sent.map(\.errorCode) == [.unsupportedMessageClass])
    }

    @Test("malformed octets: ERR with the codec's code and the first 40 octets, e.g. 0x01 for version 2 (§3.8.1)")
    func malformedOctets() {
        var d = Self.with([Self.a])
        let octets: [UInt8] = [2, 0, 3, 1, 0, 0, 0, 8]
        #expect(d.feed(.receivedOctets(octets, on: Self.a, stream: 0))
            == [.send(M3UAMessage(.err, [.errorCode(.invalidVersion), .diagnosticInformation(octets)]), on: Self.a, stream: 0)])
        let missingStatus: [UInt8] = [1, 0, 0, 1, 0, 0, 0, 8]  // NTFY without its mandatory Status
        #expect(d.feed(.receivedOctets(missingStatus, on: Self.a, stream: 0)).sent
            == [M3UAMessage(.err, [.errorCode(.missingParameter), .diagnosticInformation(missingStatus)])])
    }

    @Test("an ERR from the ASP is reported, never answered (§3.8.1)")
    func errReported() {
        var d = Self.with([], up: [Self.a])
        let err = M3UAMessage(.err, [.errorCode(.protocolError)])
        #expect(d.feed(.received(err, on: Self.a, stream: 0)) == [.errorReceived(.protocolError, err, from: Self.a)])
    }
}
