import ISUP
import Interworking
import SIPI

/// How a well-behaved switch and peer answer what the engine sends (used by the generator to answer one message, and
/// by `settle` to answer everything), and the settling itself.
extension PropertyNetwork {
    /// The switch's acknowledgement of a circuit request or a REL (Q.764 §2.3, §2.8, §2.9.3); nil for anything else.
    static func acknowledgement(of message: ISUPMessage) -> ISUPMessage? {
        guard let cic = message.cic?.value else { return nil }
        switch message.type {
        case .rel, .rsc: return Fixture.message(.rlc, cic: cic)
        case .blo: return Fixture.message(.bla, cic: cic)
        case .ubl: return Fixture.message(.uba, cic: cic)
        case .grs:
            guard let range = message.rangeAndStatus?.range else { return nil }
            return Fixture.message(.gra, cic: cic, [Parameter(code: .rangeAndStatus,
                                                              value: RangeAndStatus(range: range, statusBits: []).encoded())])
        case .cgb, .cgu:
            return Fixture.message(message.type == .cgb ? .cgba : .cgua, cic: cic, message.parameters)
        case .iam: return Fixture.rel(cic: cic, cause: 17)
        default: return nil
        }
    }

    /// The peer's answers to a SIP message of the engine: a final response to a request (487 to the INVITE a CANCEL
    /// cancels), ACK for a 2xx to an INVITE, PRACK for a reliable provisional.
    func answers(to message: SIPMessage) -> [SIPMessage] {
        if let method = message.method {
            switch method {
            case "ACK": return []
            case "INVITE": return [Scenario.response(486, "Busy Here", to: message)]
            case "CANCEL":
                let invite = message.header("via").flatMap { engineInvites[$0] }
                return [Scenario.response(200, "OK", to: message)] + (invite.map { [Scenario.response(487, "Request Terminated", to: $0)] } ?? [])
            default: return [Scenario.response(200, "OK", to: message)]
            }
        }
        guard let status = message.statusCode, message.header("cseq")?.hasSuffix("INVITE") == true else { return [] }
        if (200..<300).contains(status) {
            return [peerRequest("ACK", dialogOf: message, peerIsCallee: false, cseq: 1)]
        }
        if status > 100, status < 200, let rseq = message.header("rseq") {
            var prack = peerRequest("PRACK", dialogOf: message, peerIsCallee: false, cseq: 1000 + serial)
            prack.headers.append(SIPHeader("RAck", "\(rseq) 1 INVITE"))
            return [prack]
        }
        return []
    }

    /// A request of the peer in the dialog of an engine message, with a branch of its own.
    func peerRequest(_ method: String, dialogOf message: SIPMessage, peerIsCallee: Bool, cseq: Int,
                     body: String? = nil) -> SIPMessage {
        var request = Scenario.peerRequest(method, dialogOf: message, peerIsCallee: peerIsCallee, cseq: cseq, body: body)
        request.setHeader("via", "SIP/2.0/UDP \(Fixture.peerAddress.host):5060;branch=z9hG4bKpr\(serial)x\(cseq)\(method)")
        return request
    }

    /// Answers everything the engine sent since the last call, and what it sends in return, until it is quiet.
    mutating func answerEverything() {
        for _ in 0..<200 where !unansweredISUP.isEmpty || !unansweredSIP.isEmpty {
            let isup = unansweredISUP, sip = unansweredSIP
            unansweredISUP = []
            unansweredSIP = []
            for message in isup {
                if let answer = Self.acknowledgement(of: message) { feed(.isup(answer, from: Scenario.switchRoute)) }
            }
            for message in sip {
                serial += 1
                for answer in answers(to: message) { feed(.sip(answer, from: Fixture.peerAddress)) }
            }
        }
    }

    /// The network settles: no new calls; the signalling routes and peers come back, the switch clears the calls on
    /// its busy circuits (REL), then the switch and the peer only answer what the engine sends while the clock runs
    /// from one timer expiry to the next, until no timer is left (or `limit` has passed). What the engine sent before
    /// is taken as lost: its own retransmissions must recover.
    mutating func settle(limit: Duration = .seconds(4 * 3600)) {
        unansweredISUP = []
        unansweredSIP = []
        feed(.association("stp", up: true))
        feed(.destination(pointCode: Fixture.switchPointCode, available: true))
        for peer in ["olo", "plain"] { feed(.peer(peer, up: true)) }
        answerEverything()
        if let group = engine.circuitGroup("switch-a") {
            for cic in group.equippedCICs where [.incomingBusy, .outgoingSeized, .outgoingBusy].contains(group.state(of: cic)?.call) {
                feed(.isup(Fixture.rel(cic: cic.value, cause: 16), from: Scenario.switchRoute))
            }
        }
        let deadline = now + limit
        answerEverything()
        while let due = nextDue, due <= deadline {
            advance(to: due)
            answerEverything()
        }
    }
}
