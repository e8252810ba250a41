import ISUP
import Interworking
import Testing

/// Issue 8, control endpoint: what the engine lets a reload change, its list of calls in progress, and the
/// refusals it reports for the metrics.
@Suite struct ReconfigurationTests {
    /// A new route table applies to the next call: without the route to "39" the same IAM is released with the
    /// no-route cause (RFC 3398 §7.2.4.1: 1, the default `policy.noRoute`).
    @Test func routesApplyToTheNextCall() throws {
        var s = Scenario()
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        _ = try s.expectSIP("INVITE")
        try s.engine.reconfigure(Fixture.configuration { $0.routes.toSIP.removeAll { $0.prefix == "39" } })
        s.isup(Fixture.iam(cic: 7, called: "0612345678F"))
        let rel = try s.expectISUP(.rel, cause: 1)
        #expect(rel.cic == CIC(7))
        #expect(s.engine.configuration.routes.toSIP.map(\.prefix) == ["39033"])
    }

    /// What holds circuits, transactions and supervision is refused, named, and left as it was.
    @Test(arguments: ["sip", "sipTimers", "trunks", "peers (names and order)"])
    func fixedPartsAreRefused(_ part: String) {
        let changed = Fixture.configuration { c in
            switch part {
            case "sip": c.sip.domain = "other.it"
            case "sipTimers": c.sipTimers.t1 = .milliseconds(100)
            case "trunks": c.trunks[0].circuits.cics = [CICRange(1, 15)!]
            default: c.peers.swapAt(0, 1)
            }
        }
        var engine = InterworkingEngine(configuration: Fixture.configuration(), mappings: Fixture.mappings)
        let error = #expect(throws: ReconfigurationRefusal.self) { try engine.reconfigure(changed) }
        #expect(error?.description == "\(part) changed: restart the daemon to apply")
        #expect(engine.configuration == Fixture.configuration())
    }

    /// The call in progress as the control endpoint lists it: direction, trunk, CIC, peer, leg states, no number.
    @Test func callStatusesListTheCallsInProgress() throws {
        var s = Scenario()
        s.now = Instant(.seconds(3))
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        _ = try s.expectSIP("INVITE")
        let status = try #require(s.engine.callStatuses.first)
        #expect(s.engine.callStatuses.count == 1)
        #expect(status.direction == .isupToSIP && status.trunk == "switch-a" && status.cic == 5 && status.peer == "olo")
        #expect(status.isupState == "setup" && status.sipState == "calling")
        #expect(status.seizure == Instant(.seconds(3)) && status.answer == nil)
        #expect(s.engine.peerIsUp("olo") == true && s.engine.peerIsUp("nobody") == nil)
    }

    /// A peer over its limit refuses the I→S call by admission: the observation names the call whose record
    /// follows, so a metric counts the attempt once.
    @Test func admissionRefusalNamesItsCall() throws {
        var s = Scenario(Fixture.configuration { $0.peers[0].limits = Limits(maxCalls: 0) })
        s.isup(Fixture.iam(cic: 5, called: "0612345678F"))
        try s.expectISUP(.rel, cause: 42)
        s.isup(Fixture.message(.rlc, cic: 5))
        let record = try #require(s.records.first)
        let refused = s.observations.compactMap { observation -> CallID? in
            if case .callRefused(.isupToSIP, 42, _, let call) = observation { call } else { nil }
        }
        #expect(refused.map(\.rawValue) == [record.callID])
    }
}
