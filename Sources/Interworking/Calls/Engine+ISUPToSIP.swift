import ISUP
import SIPI

/// ISUP → SIP calls (digest B.1): the gateway is the ISUP terminating side and the SIP UAC.
extension InterworkingEngine {
    /// IAM received: seize the circuit, collect the number (en bloc toward the NNI, ST 769 §7.3.2), wait for COT
    /// when asked, route, and send one INVITE.
    mutating func receiveIAM(_ iam: ISUPMessage, trunk: Int, route: SignallingRoute) {
        guard let cic = iam.cic else { return }
        let key = CircuitKey(trunk: trunk, cic: cic.value)
        switch circuits[trunk].seizeIncoming(cic, testCall: iam.callingPartysCategory == 0x0D, at: now) {
        case .accepted:
            break
        case .dualSeizure(let weControl):
            // Q.764 §2.10.1.4: the controlling exchange completes its own call and ignores the IAM; the other
            // backs off, re-attempts its call on another circuit and takes the incoming one.
            if weControl {
                out.append(.observe(.discarded("dual seizure on CIC \(cic): we control it, IAM ignored")))
                return
            }
            if let id = byCircuit[key], var outgoing = calls[id] {
                byCircuit[key] = nil
                reattempt(&outgoing)
                store(outgoing)
            }
        case .unequipped(let actions), .locallyBlocked(let actions):
            apply(actions, trunk: trunk)
            return
        case .busy(let actions):
            // Q.764 §2.9.5: an IAM on a busy circuit is unexpected: the call on it goes, the circuit is reset.
            if let id = byCircuit[key], var existing = calls[id] {
                isupLegLost(&existing)
                if existing.releasedBy == nil { existing.releasedBy = .isup }
                releaseSIP(&existing, cause: 41)
                store(existing)
            }
            apply(actions, trunk: trunk)
            return
        case .resetInProgress:
            out.append(.observe(.discarded("IAM on CIC \(cic) while its reset is unacknowledged")))
            return
        }
        var call = newCall(.isupToSIP, trunk: trunk, cic: cic)
        call.isup.iam = iam
        call.isup.state = .collecting
        call.record.isupCalled = iam.calledPartyNumber?.digits.description
        call.record.isupCalling = iam.callingPartyNumber?.digits.description
        byCircuit[key] = call.id
        var iam = iam
        switch CompatibilityVerdict.forParameters(of: iam) {
        case .release(let cause):
            releaseISUP(&call, cause: cause, by: .gateway)
            store(call)
            return
        case .discard:
            releaseISUP(&call, cause: CauseIndicators(value: 110), by: .gateway)
            store(call)
            return
        case .process(let discarding, let notify):
            for code in discarding { iam.removeOptional(code) }
            call.isup.iam = iam
            if let notify { confusion(notify, cic: cic, trunk: trunk) }
        }
        if let refusal = admission(trunk: trunk, peer: nil) {
            refuseISUP(&call, refusal)
            return
        }
        // Q.764 §2.1.8: continuity check required on this circuit (01) or on a previous one (10): wait for COT.
        let continuity = iam.indicators(.natureOfConnectionIndicators)?["continuityCheckIndicator"] ?? 0
        if continuity == 1 || continuity == 2 {
            call.isup.awaitingContinuity = true
            start(.t8, after: configuration.timers.t8.duration, for: &call)
        }
        if let t11 = configuration.timers.t11 { start(.t11, after: t11.duration, for: &call) }
        out.append(.observe(.callStarted(call.id, .isupToSIP, trunk: configuration.trunks[trunk].name,
                                         peer: "")))
        digitsArrived(&call)
        store(call)
    }

    /// Digits arrived (IAM or SAM): complete by ST or by the route's length → INVITE (once no COT is awaited);
    /// otherwise T10 once the minimum is there, T35 before (Q.764 §2.1.2, RFC 3578 §2).
    mutating func digitsArrived(_ call: inout Call) {
        guard call.isup.state == .collecting, let number = call.isup.iam?.calledPartyNumber else { return }
        let digits = number.digits.description.filter { $0 != "F" }
        let global = try? configuration.trunks[call.trunk].numbering.sipI(fromTDM: number, as: .called)
        let route = global.flatMap { RouteConfiguration.longest(configuration.routes.toSIP, prefix: \.prefix,
                                                                matching: $0.digits.description) }
        let length = global?.digits.count ?? digits.count
        if number.digits.endsWithST || (route?.completeLength).map({ length >= $0 }) == true {
            call.isup.numberComplete = true
        }
        cancel(.t10, for: &call)
        cancel(.t35, for: &call)
        if call.isup.numberComplete {
            if !call.isup.awaitingContinuity { routeCall(&call, global: global) }
        } else if length >= (route?.minimumLength ?? 1) {
            start(.t10, after: configuration.timers.t10.duration, for: &call)
        } else {
            start(.t35, after: configuration.timers.t35.duration, for: &call)
        }
    }

    /// The number is complete: ENUM first when configured, else the route table. `global` is the called number
    /// already translated, when the caller has it.
    mutating func routeCall(_ call: inout Call, global known: PartyNumber? = nil) {
        guard let iam = call.isup.iam, let number = iam.calledPartyNumber else {
            releaseISUP(&call, cause: CauseIndicators(value: 28), by: .gateway)
            return
        }
        let global: PartyNumber
        do throws(NumberingError) {
            if let known { global = known } else {
                global = try configuration.trunks[call.trunk].numbering.sipI(fromTDM: number, as: .called)
            }
        } catch {
            releaseISUP(&call, cause: CauseIndicators(value: UInt8(clamping: error.outcome.isupCause)), by: .gateway)
            return
        }
        if let enumLookup = configuration.routes.enumLookup {
            let id = LookupID(nextIdentifier + 1)
            nextIdentifier += 1
            lookups[id] = call.id
            out.append(.lookup(id, number: global.digits.description, zone: enumLookup.zone))
            out.append(.startTimer(.lookup(id), after: enumLookup.timeout.duration))
            return
        }
        routeByTable(&call, global: global)
    }

    mutating func routeByTable(_ call: inout Call, global: PartyNumber, uri: String? = nil) {
        guard let route = RouteConfiguration.longest(configuration.routes.toSIP, prefix: \.prefix,
                                                     matching: global.digits.description),
              let peer = configuration.peers.firstIndex(where: { $0.name == route.peer })
        else {
            releaseISUP(&call, cause: CauseIndicators(value: configuration.policy.noRoute.cause), by: .gateway)
            return
        }
        sendInvite(&call, peer: peer, called: global, uri: uri)
    }

    /// ENUM answered (RFC 6116): a SIP URI of a configured peer's domain routes there; anything else falls back to
    /// the route table.
    mutating func lookupAnswered(_ id: LookupID, _ answer: LookupAnswer) {
        guard let callID = lookups.removeValue(forKey: id), var call = calls[callID],
              call.isup.state == .collecting, let number = call.isup.iam?.calledPartyNumber,
              let global = try? configuration.trunks[call.trunk].numbering.sipI(fromTDM: number, as: .called)
        else { return }
        out.append(.cancelTimer(.lookup(id)))
        if case .uri(let uri) = answer, let parsed = try? NNIPhoneURI(parsing: uri),
           let peer = configuration.peers.firstIndex(where: { $0.domain.lowercased() == parsed.host.lowercased() }) {
            sendInvite(&call, peer: peer, called: global, uri: uri)
        } else {
            routeByTable(&call, global: global)
        }
        store(call)
    }

    /// IAM → INVITE (digest B.1.1, ST 769 §7.3): Request-URI and To from the called number in the NNI's global form,
    /// From/PAI/Privacy from the calling number, SDP offer for the trunk's media endpoint, the IAM encapsulated
    /// toward a SIP-I peer (its numbers in the SIP-I form).
    mutating func sendInvite(_ call: inout Call, peer: Int, called: PartyNumber, uri: String? = nil) {
        let peerConfig = configuration.peers[peer]
        call.peer = peer
        call.record.peer = peerConfig.name
        if downPeers.contains(peer) {
            let cause = configuration.policy.peerDown.cause
            out.append(.observe(.callRefused(.isupToSIP, cause: cause, reason: "peer down", call: call.id)))
            releaseISUP(&call, cause: CauseIndicators(value: cause), by: .gateway)
            return
        }
        if let refusal = admission(trunk: nil, peer: peer) {
            out.append(.observe(.callRefused(.isupToSIP, cause: refusal.cause, reason: "admission", call: call.id)))
            releaseISUP(&call, cause: CauseIndicators(value: refusal.cause), by: .gateway)
            return
        }
        guard var iam = call.isup.iam else { return }
        let numbering = configuration.trunks[call.trunk].numbering
        let domains = IdentityDomains(own: configuration.sip.domain, peer: peerConfig.domain)
        let identity: CallingIdentity
        do throws(NumberingError) {
            var calling: PartyNumber? = nil
            if let number = iam.callingPartyNumber { calling = try numbering.sipI(fromTDM: number, as: .calling) }
            identity = try CallingIdentity(callingParty: calling, numbering: numbering, domains: domains)
            iam.calledPartyNumber = called
            iam.callingPartyNumber = calling
        } catch {
            releaseISUP(&call, cause: CauseIndicators(value: UInt8(clamping: error.outcome.isupCause)), by: .gateway)
            return
        }
        let requestURI = uri ?? domains.requestURI(userPart: "+" + called.digits.description).description
        let callID = identifier() + "@" + configuration.sip.domain
        let fromTag = identifier()
        var headers = [SIPHeader("Via", newVia()), SIPHeader("Max-Forwards", "70")]
        headers += identity.headers(fromTag: fromTag)
        headers += [
            SIPHeader("To", "<\(requestURI)>"), SIPHeader("Call-ID", callID), SIPHeader("CSeq", "1 INVITE"),
            SIPHeader("Contact", localContact),
            SIPHeader("Allow", "INVITE, ACK, CANCEL, BYE, PRACK, UPDATE, INFO, OPTIONS"),
            SIPHeader("Supported", "100rel, timer"),
            SIPHeader("Session-Expires", "\(configuration.policy.sessionExpires.duration.components.seconds)"),
            SIPHeader("Min-SE", "\(configuration.policy.minSessionExpires.duration.components.seconds)"),
            SIPHeader("User-Agent", configuration.sip.userAgent),
        ]
        if peerConfig.profile == .sipI {
            headers.append(SIPHeader("Accept", "application/sdp, application/ISUP, multipart/mixed"))
        }
        var invite = SIPMessage(startLine: .request(method: "INVITE", uri: requestURI), headers: headers)
        let offer = localSDP(call: call, answering: nil)
        attach(isup: iam, sdp: offer, to: &invite, peer: peer)
        call.sip.invite = invite
        call.sip.offer = offer
        call.sip.remote = peerConfig.address
        call.sip.state = .calling
        call.sip.dialog = nil
        call.isup.state = .setup
        call.record.sipCallID = callID
        call.record.sipFrom = identity.from
        call.record.sipTo = requestURI
        call.sip.localTag = fromTag
        bySIPCallID[callID] = call.id
        call.isup.iam = nil
        sendRequest(invite, to: peerConfig.address, call: call.id)
    }

    /// Sends the call's INVITE again as a new transaction (RFC 3261 §8.1.3.5 after 415/422, §8.1.3.4 after 3xx):
    /// same Call-ID and From tag, a higher CSeq, a new branch; `edit` changes what the response asked for.
    mutating func resendInvite(_ call: inout Call, edit: (inout SIPMessage) -> Void) {
        guard var invite = call.sip.invite, let cseq = invite.header("cseq").flatMap(CSeq.init(parsing:)) else { return }
        invite.setHeader("via", newVia())
        invite.setHeader("cseq", "\(cseq.number + 1) INVITE")
        edit(&invite)
        call.sip.invite = invite
        call.sip.inviteSequence = cseq.number + 1
        call.sip.dialog = nil
        call.sip.provisionalReceived = false
        call.sip.state = .calling
        sendRequest(invite, to: call.sip.remote, call: call.id)
    }

    /// ISUP messages in the forward direction on an I→S call (digest B.1.2).
    mutating func forwardMessage(_ message: ISUPMessage, call: inout Call) {
        switch message.type {
        case .sam:
            guard call.isup.state == .collecting, !call.isup.numberComplete, var iam = call.isup.iam,
                  var called = iam.calledPartyNumber, let subsequent = message.number(.subsequentNumber)
            else {
                // RFC 3578 §2.2: a SAM after the INVITE went out is ignored.
                out.append(.observe(.discarded("SAM after the number was complete")))
                return
            }
            for i in 0..<subsequent.digits.count where called.digits.count < AddressSignals.capacity {
                called.digits.append(subsequent.digits[i])
            }
            iam.calledPartyNumber = called
            call.isup.iam = iam
            call.record.isupCalled = called.digits.description
            digitsArrived(&call)
        case .cot:
            guard call.isup.awaitingContinuity else { return }
            cancel(.t8, for: &call)
            call.isup.awaitingContinuity = false
            // Q.764 §2.1.8: continuity indicator 0 = failed → the call is not completed (cause 41 toward ISUP after
            // the re-test the switch runs; we release).
            if (message[.continuityIndicators]?.value.first ?? 0) & 0x01 == 0 {
                releaseISUP(&call, cause: CauseIndicators(value: 41), by: .isup)
            } else if call.isup.numberComplete {
                routeCall(&call)
            }
        default:
            callMessage(message, call: &call)
        }
    }

    /// The messages both directions treat alike: REL (RLC at once, the SIP side released, digest B.1.2), RLC,
    /// SUS/RES, and the call-related rest, carried in INFO.
    mutating func callMessage(_ message: ISUPMessage, call: inout Call) {
        switch message.type {
        case .rel:
            releasedByISUP(&call, rel: message)
            releaseSIP(&call, cause: message.causeIndicators?.value ?? 16, rel: message)
        case .rlc:
            rlcReceived(&call)
        case .sus, .res:
            suspendResume(message, call: &call)
        default:
            passInDialog(message, call: &call)
        }
    }

    /// SUS/RES after answer go in INFO (digest B.1.2); a suspension runs T2 (by the user, Q.764 §2.6.2, 3 min) or
    /// T6 (by the network) until its RES, and the call is released when it expires.
    mutating func suspendResume(_ message: ISUPMessage, call: inout Call) {
        guard call.isup.state == .answered else {
            out.append(.observe(.discarded("\(message.type.acronym) before answer")))
            return
        }
        let byUser = (message[.suspendResumeIndicators]?.value.first ?? 0) & 0x01 == 0
        if message.type == .sus {
            start(byUser ? .t2 : .t6, after: (byUser ? configuration.timers.t2 : configuration.timers.t6).duration, for: &call)
        } else {
            cancel(.t2, for: &call)
            cancel(.t6, for: &call)
        }
        passInDialog(message, call: &call)
    }

    /// RLC after our REL (Q.764 §2.3.1): T1 and T5 stop, the circuit is idle.
    mutating func rlcReceived(_ call: inout Call) {
        guard call.isup.state == .releasing else {
            out.append(.observe(.discarded("RLC while no REL was sent")))
            return
        }
        circuitIdle(&call)
    }

    /// A call-related ISUP message without a SIP counterpart: an INFO once the dialog allows it (digest A.4), else
    /// discarded.
    mutating func passInDialog(_ message: ISUPMessage, call: inout Call) {
        guard configuration.peers[call.peer].profile == .sipI, call.sip.dialog?.remoteTag != nil,
              [.early, .confirmed, .awaitingACK].contains(call.sip.state),
              var info = dialogRequest("INFO", call: &call)
        else {
            out.append(.observe(.discarded("\(message.type.acronym) with no dialog to carry it")))
            return
        }
        attach(isup: message, sdp: nil, to: &info, peer: call.peer)
        sendRequest(info, to: call.sip.remote, call: call.id)
    }

    /// S→I: our outgoing call lost a dual seizure (Q.764 §2.10.1.4): the IAM goes again on another circuit.
    mutating func reattempt(_ call: inout Call) {
        guard var iam = call.isup.iam, let cic = circuits[call.trunk].seizeOutgoing() else {
            call.isup.state = .idle
            releaseSIP(&call, cause: configuration.policy.noCircuit.cause)
            return
        }
        iam.cic = cic
        call.cic = cic
        call.isup.iam = iam
        call.record.cic = cic.value
        byCircuit[CircuitKey(trunk: call.trunk, cic: cic.value)] = call.id
        sendISUP(iam, trunk: call.trunk)
        start(.t7, after: configuration.timers.t7.duration, for: &call)
    }
}
