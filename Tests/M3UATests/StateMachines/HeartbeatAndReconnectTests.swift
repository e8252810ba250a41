import M3UA
import Testing

/// BEAT (RFC 4666 §4.3.4.6) and the ASP's reconnection after a loss, on the virtual clock.
@Suite struct HeartbeatAndReconnectTests {
    static let a: AssociationID = 1

    /// T(beat) 1 s, back-off 1 s doubling up to 8 s.
    static func driver() -> Driver<ASPStateMachine> {
        var c = ASPConfiguration()
        c.timers.beat = 1
        c.timers.reconnectInitial = 1
        c.timers.reconnectMaximum = 8
        var d = Driver(ASPStateMachine(association: a, configuration: c))
        d.feed(.activate)
        d.feed(.transportUp(a))
        d.feed(.received(M3UAMessage(.aspupAck), on: a, stream: 0))
        d.feed(.received(M3UAMessage(.aspacAck), on: a, stream: 0))
        return d
    }

    @Test("a BEAT every T(beat) with fresh Heartbeat Data while the peer answers (§4.3.4.6, digest E.10)")
    func beatsWhilePeerAnswers() {
        var d = Self.driver()
        var data: [[UInt8]] = []
        for _ in 0..<5 {
            let beats = d.advance(by: .seconds(1)).sent
            #expect(beats.map(\.type) == [.beat])
            data += beats.compactMap { $0.heartbeatData.map(Array.init) }
            d.feed(.received(M3UAMessage(.beatAck, beats.first?.parameters ?? []), on: Self.a, stream: 0))
        }
        #expect(data == [[0, 0, 0, 1], [0, 0, 0, 2], [0, 0, 0, 3], [0, 0, 0, 4], [0, 0, 0, 5]])
        #expect(d.machine.state == .active)
    }

    @Test("silence for 2·T(beat) after coming up: association dead at exactly 2 s (§4.3.4.6)")
    func deadAfterTwoBeats() {
        var d = Self.driver()
        #expect(d.advance(by: .seconds(1)).sentTypes == [.beat])
        let actions = d.advance(by: .seconds(1))
        #expect(actions.prefix(2) == [.associationDead(Self.a), .disconnect(Self.a)])
        #expect(actions.contains(.aspStateChanged(Self.a, .down)))
        #expect(actions.contains(.startTimer(.reconnect(Self.a), after: .seconds(1))))
        #expect(d.elapsed == .seconds(2))
    }

    @Test("any other message counts as a sign of life: dead 2·T(beat) after the last one (§4.3.4.6)")
    func deadlineFollowsLastMessage() {
        var d = Self.driver()
        d.advance(by: .milliseconds(1500))
        d.feed(.received(M3UAMessage(.ntfy, [.status(.asActive)]), on: Self.a, stream: 0))
        // BEATs at 2 s and 3 s; the deadline is 1.5 + 2 = 3.5 s.
        #expect(d.advance(by: .milliseconds(1999)).sentTypes == [.beat, .beat])
        #expect(d.advance(by: .milliseconds(1)).first == .associationDead(Self.a))
        #expect(d.elapsed == .milliseconds(3500))
    }

    @Test("reconnect back-off 1, 2, 4, 8, 8 s, reset once the association is up again")
    func backoff() throws {
        // Each attempt fails at once; the attempts fall at 1, 1+2, 3+4, 7+8 and 15+8 s.
        var e = Self.driver()
        e.feed(.transportDown(Self.a))
        var times: [Duration] = []
        while times.count < 5 {
            let due = try #require(e.timers[.reconnect(Self.a)])
            e.advance(by: e.now.duration(to: due))
            times.append(e.elapsed)
            e.feed(.transportDown(Self.a))
        }
        #expect(times == [.seconds(1), .seconds(3), .seconds(7), .seconds(15), .seconds(23)])
        e.advance(by: .seconds(8))
        e.feed(.transportUp(Self.a))
        #expect(e.machine.transport == .up)
        e.feed(.transportDown(Self.a))
        #expect(e.timers[.reconnect(Self.a)].map { e.now.duration(to: $0) } == .seconds(1))
    }

    @Test("after the link comes back the ASP starts again with ASPUP (§4.3.1, §4.3.4.1)")
    func recoveryStartsWithASPUP() {
        var d = Self.driver()
        d.feed(.transportDown(Self.a))
        #expect(d.advance(by: .seconds(1)) == [.connect(Self.a)])
        #expect(d.feed(.transportUp(Self.a)).sentTypes == [.aspup])
    }

    @Test("loss forgets SSNM and NTFY state (§4.5: nothing known of the destinations after a restart)")
    func lossResetsLearntState() {
        var d = Self.driver()
        d.feed(.received(M3UAMessage(.duna, [.affectedPointCode([MaskedPointCode(300)])]), on: Self.a, stream: 0))
        d.feed(.received(M3UAMessage(.ntfy, [.status(.asActive), .routingContext([7])]), on: Self.a, stream: 0))
        #expect(!d.machine.destinations.isAvailable(300))
        d.feed(.transportDown(Self.a))
        #expect(d.machine.destinations.isAvailable(300))
        #expect(d.machine.asStates.isEmpty)
    }

    @Test("shutdown while waiting to reconnect cancels the back-off timer")
    func shutdownWhileWaiting() {
        var d = Self.driver()
        d.feed(.transportDown(Self.a))
        #expect(d.feed(.shutdown) == [.cancelTimer(.reconnect(Self.a))])
        #expect(d.machine.transport == .closed)
        #expect(d.advance(by: .seconds(60)).isEmpty)
    }
}
