import M3UA
import Testing

/// The ASP group and the SGP driven against each other in-process (no sockets): bring-up, Loadshare over SLS,
/// Override fail-over, link cut and recovery, heartbeat loss, and SSNM reaching the availability table.
@Suite struct ASPToSGPTests {
    static let one: AssociationID = 1
    static let two: AssociationID = 2

    static func pump(_ mode: TrafficModeType, beat: Double? = nil) -> Pump<ASPGroup, SGPStateMachine> {
        var asp = ASPConfiguration()
        asp.routingContexts = [7]
        asp.aspIdentifier = 42
        asp.outboundStreams = 4
        asp.timers.beat = beat
        let group = ASPGroup(configuration: ASPGroup.Configuration(associations: [one, two], trafficMode: mode, asp: asp))
        var sgpConfiguration = SGPConfiguration(applicationServers: [
            ApplicationServerConfiguration(routingContext: 7, trafficMode: mode, pointCodes: [1]),
        ])
        sgpConfiguration.timers.recovery = 3
        let sgp = SGPStateMachine(configuration: sgpConfiguration)
        var p = Pump(group, sgp)
        p.feed(.left, .activate)
        return p
    }

    static func data(sls: UInt8) -> ProtocolData {
        ProtocolData(opc: 1, dpc: 2, si: .isup, ni: 2, sls: sls, userProtocolData: [sls, 0, 1])
    }

    /// The association each SLS 0–15 is carried on, as the SGP receives it.
    static func carriers(_ p: inout Pump<ASPGroup, SGPStateMachine>) -> [AssociationID?] {
        (0..<16).map { sls in
            p.feed(.left, .sendData(data(sls: UInt8(sls)))).of(.right).compactMap {
                if case .deliver(_, 7, let from) = $0 { from } else { nil }
            }.first
        }
    }

    @Test("Loadshare bring-up: both ASPs ASP-ACTIVE at both ends, AS-ACTIVE (§4.3.4.1, §4.3.4.3)")
    func loadshareBringUp() {
        let p = Self.pump(.loadshare)
        #expect(p.left.activeAssociations == [Self.one, Self.two])
        #expect(p.right.applicationServers[7]?.state == .active)
        #expect(p.right.applicationServers[7]?.active == [Self.one, Self.two])
        #expect(p.left.members[Self.one]?.asStates[7] == .active)
    }

    @Test("Loadshare: an SLS always on the same association while it is up; a cut moves only its SLSs")
    func loadshareBySLS() {
        var p = Self.pump(.loadshare)
        let first = Self.carriers(&p)
        #expect(first == (0..<16).map { $0 % 2 == 0 ? Self.one : Self.two })
        #expect(Self.carriers(&p) == first)
        p.cut(Self.one)
        let after = Self.carriers(&p)
        #expect(after == Array(repeating: Self.two, count: 16))
        p.restore(Self.one)
        p.advance(by: .seconds(1))
        #expect(p.left.activeAssociations == [Self.one, Self.two])
        // SLSs keep association 2 while it stays up; nothing moves back.
        #expect(Self.carriers(&p) == after)
    }

    @Test("Loadshare from the SGP: DATA per SLS to one ASP, the same one each time")
    func loadshareFromSGP() {
        var p = Self.pump(.loadshare)
        let pd = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 5, userProtocolData: [5, 0, 1])
        let first = p.feed(.right, .sendData(pd)).of(.left).filter { if case .deliver = $0 { true } else { false } }
        let second = p.feed(.right, .sendData(pd)).of(.left).filter { if case .deliver = $0 { true } else { false } }
        #expect(first.count == 1)
        #expect(first == second)
    }

    /// Issue 8: layer management drives one association at a time (RFC 4666 §4.3.4): ASPIA, standby, ASPDN and back.
    @Test("Layer management per association: inactive, down, back active; Override hands over to the standby")
    func layerManagementPerAssociation() {
        var p = Self.pump(.loadshare)
        p.feed(.left, .manage(Self.two, .inactive))
        #expect(p.left.members[Self.two]?.state == .inactive)
        #expect(p.right.asps[Self.two]?.state == .inactive)
        #expect(Self.carriers(&p) == Array(repeating: Self.one, count: 16))
        p.feed(.left, .manage(Self.two, .down))
        #expect(p.left.members[Self.two]?.state == .down)
        #expect(p.right.asps[Self.two] == nil || p.right.asps[Self.two]?.state == .down)
        p.feed(.left, .manage(Self.two, .active))
        p.advance(by: .seconds(1))
        #expect(p.left.activeAssociations == [Self.one, Self.two])

        var o = Self.pump(.override)
        o.feed(.left, .manage(Self.one, .standby))
        #expect(o.left.activeAssociations == [Self.two], "the standby took over")
        #expect(o.right.applicationServers[7]?.active == [Self.two])
    }

    @Test("Override: the first ASP active, the second standby (ASP-INACTIVE) (§4.3.4.3)")
    func overrideBringUp() {
        let p = Self.pump(.override)
        #expect(p.left.activeAssociations == [Self.one])
        #expect(p.left.members[Self.two]?.state == .inactive)
        #expect(p.left.members[Self.two]?.goal == .standby)
        #expect(p.right.applicationServers[7]?.active == [Self.one])
    }

    @Test("Override fail-over: the active link is cut, the standby activates and the AS recovers (§5.2.2)")
    func overrideFailOver() {
        var p = Self.pump(.override)
        let actions = p.cut(Self.one)
        #expect(actions.of(.right).contains(.asStateChanged(routingContext: 7, .pending)))
        #expect(actions.of(.right).contains(.asStateChanged(routingContext: 7, .active)))
        #expect(p.left.activeAssociations == [Self.two])
        #expect(p.right.applicationServers[7]?.active == [Self.two])
        #expect(Self.carriers(&p) == Array(repeating: Self.two, count: 16))
    }

    @Test("Override: the standby takes over on NTFY AS-PENDING before the SGP's T(r) (§5.2.2)")
    func overrideTakeoverOnNotify() {
        var p = Self.pump(.override)
        p.blackhole(Self.one)
        let actions = p.feed(.right, .transportDown(Self.one))
        #expect(actions.of(.left).contains(.notified(.asPending, routingContexts: [7], from: Self.two)))
        #expect(actions.of(.right).contains(.cancelTimer(.recovery(routingContext: 7))))
        #expect(p.left.members[Self.two]?.state == .active)
        #expect(p.right.applicationServers[7]?.active == [Self.two])
    }

    @Test("Override: SS7 DATA held while the AS is pending reaches the standby once its ASPAC gets through (§4.3.2)")
    func overrideQueueThroughStandby() {
        var p = Self.pump(.override)
        p.blackhole(Self.one)
        p.blackhole(Self.two)
        p.feed(.right, .transportDown(Self.one))
        let pd = ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 3, userProtocolData: [3, 0, 1])
        #expect(p.feed(.right, .sendData(pd)).of(.left).isEmpty)
        // The ASP learns of the loss; its standby's ASPAC is lost, then retransmitted under T(ack) at 2 s,
        // before the SGP's T(r) (3 s) expires.
        p.feed(.left, .transportDown(Self.one))
        p.restore(Self.two)
        let actions = p.advance(by: .seconds(2))
        #expect(actions.of(.left).contains(.deliver(pd, routingContext: 7, from: Self.two)))
        #expect(p.right.applicationServers[7]?.state == .active)
    }

    @Test("Override: the recovered primary comes back as the standby and does not take the traffic back (§4.3.4.3)")
    func overrideDoesNotRevert() {
        var p = Self.pump(.override)
        p.cut(Self.one)
        p.restore(Self.one)
        let actions = p.advance(by: .seconds(1))
        #expect(!actions.of(.left).contains(.notified(.alternateASPActive, routingContexts: [7], from: Self.two)))
        #expect(p.left.members[Self.one]?.state == .inactive)
        #expect(p.left.members[Self.one]?.goal == .standby)
        #expect(p.left.activeAssociations == [Self.two])
        #expect(p.right.applicationServers[7]?.active == [Self.two])
        // and it is the standby again: the second link cut hands the traffic back to it.
        p.cut(Self.two)
        #expect(p.left.activeAssociations == [Self.one])
    }

    @Test("link cut and recovery with back-off: attempts at 1, 3 and 7 s, active again on the third")
    func cutAndRecovery() {
        var p = Self.pump(.loadshare)
        p.cut(Self.two)
        #expect(p.right.asps[Self.two] == nil)
        let connects = { (log: [(PumpSide, M3UAAction)]) in log.of(.left).filter { $0 == .connect(Self.two) }.count }
        #expect(connects(p.advance(by: .seconds(1))) == 1)
        #expect(connects(p.advance(by: .seconds(2))) == 1)
        p.restore(Self.two)
        #expect(connects(p.advance(by: .seconds(3))) == 0)
        #expect(p.left.activeAssociations == [Self.one])
        #expect(connects(p.advance(by: .seconds(1))) == 1)
        #expect(p.left.activeAssociations == [Self.one, Self.two])
        #expect(p.right.asps[Self.two]?.state == .active)
    }

    @Test("peer restart: the ASP comes back on a new association; the SGP fails the old ASP, the AS pends and recovers (§4.3.1)")
    func peerRestart() {
        let p = Self.pump(.override)
        var asp = p.left.configuration.asp
        asp.trafficMode = .override
        // The active ASP restarts on association 1; the standby on 2 is not part of this pump.
        var restarted = Pump(ASPStateMachine(association: Self.one, configuration: asp), p.right)
        let log = restarted.feed(.left, .activate).of(.right)
        #expect(log.contains(.aspStateChanged(Self.one, .down)))
        #expect(log.contains(.asStateChanged(routingContext: 7, .pending)))
        #expect(log.contains(.cancelTimer(.recovery(routingContext: 7))))
        #expect(log.contains(.asStateChanged(routingContext: 7, .active)))
        #expect(restarted.right.applicationServers[7]?.active == [Self.one])
        #expect(restarted.left.state == .active)
    }

    @Test("heartbeat loss: a silent peer is declared dead after 2·T(beat) and the ASP reconnects (§4.3.4.6)")
    func heartbeatLoss() {
        var p = Self.pump(.loadshare, beat: 1)
        #expect(p.advance(by: .seconds(5)).of(.left).filter { $0 == .associationDead(Self.one) }.isEmpty)
        p.blackhole(Self.one)
        let actions = p.advance(by: .seconds(2)).of(.left)
        #expect(actions.contains(.associationDead(Self.one)))
        #expect(p.left.activeAssociations == [Self.two])
        p.restore(Self.one)
        p.advance(by: .seconds(2))
        #expect(p.left.activeAssociations == [Self.one, Self.two])
    }

    @Test("DUNA and DAVA from the SGP drive isAvailable at the ASP; DAUD is answered from the SGP's table")
    func availability() {
        var p = Self.pump(.override)
        #expect(p.left.isAvailable(300))
        p.feed(.right, .destinationAvailability(MaskedPointCode(300), available: false))
        #expect(!p.left.isAvailable(300))
        #expect(p.left.isAvailable(301))
        p.feed(.right, .destinationAvailability(MaskedPointCode(300), available: true))
        #expect(p.left.isAvailable(300))
        p.right.destinations.set(MaskedPointCode(400), DestinationStatus(available: false))
        let daud = M3UAMessage(.daud, [.routingContext([7]), .affectedPointCode([MaskedPointCode(400)])])
        p.feed(.right, .received(daud, on: Self.one, stream: 0))
        #expect(!p.left.isAvailable(400))
    }

    @Test("nothing is available once no ASP is active")
    func unavailableWhenDown() {
        var p = Self.pump(.loadshare)
        p.cut(Self.one)
        p.cut(Self.two)
        #expect(!p.left.isAvailable(300))
    }
}
