import ISUP
import SIPI

/// SIP → ISUP calls (digest B.2): the gateway is the SIP UAS and the ISUP originating side.
extension InterworkingEngine {
    /// The configured peer a message came from (by host: a peer may send from several ports over UDP, and from
    /// the other hosts of its `sources`).
    func peer(for source: SIPEndpoint) -> Int? {
        let host = source.host.lowercased()
        return configuration.peers.firstIndex { $0.address.host == source.host }
            ?? configuration.peers.firstIndex { $0.address.host.lowercased() == host || $0.sources.contains { $0.lowercased() == host } }
    }

    /// A new INVITE (no To tag, unknown Call-ID): checks, route to a trunk, a circuit, then the IAM (B.2.1).
    mutating func receiveInvite(_ invite: SIPMessage, peer: Int, source: SIPEndpoint, transaction: TransactionID) {
        let callID = invite.header("call-id") ?? ""
        if let refusal = sessionTimerRefusal(invite) {
            var response = invite.response(422, toTag: identifier())
            response.headers.append(SIPHeader("Min-SE", refusal))
            respond(response, on: transaction)
            return
        }
        var refusedBeforeRoute: (status: Int, cause: UInt8, reason: String)?
        var body: SIPIBody?
        do {
            body = try SIPIBody(parsing: invite)
        } catch {
            if !Self.isupPartIsOptional(invite) {
                var response = invite.response(415, toTag: identifier())
                response.headers.append(SIPHeader("Accept", "application/sdp, application/ISUP, multipart/mixed"))
                respond(response, on: transaction)
                out.append(.observe(.callRefused(.sipToISUP, cause: 79, reason: error.description, call: nil)))
                return
            }
        }
        let uri: NNIPhoneURI?
        do {
            var parsed = try NNIPhoneURI(parsing: Dialog.requestURI(of: invite))
            try checkCalledNumber(&parsed, invite: invite, peer: peer)
            uri = parsed
        } catch {
            uri = nil
            refusedBeforeRoute = (error.outcome.sipStatus, UInt8(clamping: error.outcome.isupCause), error.description)
        }
        let digits = uri.map { String($0.user.drop { $0 == "+" }) } ?? ""
        let trunk = uri == nil ? nil : RouteConfiguration.longest(configuration.routes.toISUP, prefix: \.prefix, matching: digits)
            .flatMap { route in configuration.trunks.firstIndex { $0.name == route.trunk } }
        guard let trunk, refusedBeforeRoute == nil else {
            let refusal = refusedBeforeRoute ?? (configuration.policy.noRoute.sipStatus, configuration.policy.noRoute.cause, "no route")
            var response = invite.response(refusal.status, toTag: identifier())
            response.headers.append(SIPHeader("Reason", ReasonHeader.q850(refusal.cause)))
            // ST 769 Annex A (st769-2 §4): on SIP-I the refusal carries a REL with the cause too.
            attach(isup: Self.rel(refusal.cause), sdp: nil, to: &response, peer: peer)
            respond(response, on: transaction)
            out.append(.observe(.callRefused(.sipToISUP, cause: refusal.cause, reason: refusal.reason, call: nil)))
            return
        }
        var call = newCall(.sipToISUP, trunk: trunk, cic: nil)
        call.peer = peer
        call.record.peer = configuration.peers[peer].name
        call.record.sipCallID = callID
        call.record.sipFrom = invite.header("from").map { String(NameAddress($0).uri) }
        call.record.sipTo = Dialog.requestURI(of: invite)
        call.sip.invite = invite
        call.sip.inviteTransaction = transaction
        call.sip.remote = source
        call.sip.localTag = identifier()
        call.sip.dialog = Dialog(uasWith: invite, localTag: call.sip.localTag)
        call.sip.state = .calling
        call.sip.offer = body?.sdp ?? Self.sdpPart(of: invite)
        call.sip.peerSupports100rel = Self.tokens(invite.headers("supported") + invite.headers("require")).contains("100rel")
        call.isup.state = .idle
        bySIPCallID[callID] = call.id
        countAttempt("peer:" + configuration.peers[peer].name)
        if let refusal = admission(trunk: trunk, peer: peer) {
            refuseSIP(&call, refusal)
            return
        }
        guard let cic = circuits[trunk].seizeOutgoing() else {
            refuseSIP(&call, configuration.policy.noCircuit)
            return
        }
        let iam: ISUPMessage
        do {
            iam = try buildIAM(invite: invite, body: body, uri: uri!, trunk: trunk, cic: cic)
        } catch {
            circuits[trunk].releaseToIdle(cic)
            refuseSIP(&call, CallPolicy.Refusal(sipStatus: error.outcome.sipStatus, cause: UInt8(clamping: error.outcome.isupCause)))
            return
        }
        call.cic = cic
        call.record.cic = cic.value
        call.record.isupCalled = iam.calledPartyNumber?.digits.description
        call.record.isupCalling = iam.callingPartyNumber?.digits.description
        call.isup.iam = iam
        call.isup.state = .setup
        byCircuit[CircuitKey(trunk: trunk, cic: cic.value)] = call.id
        sendISUP(iam, trunk: trunk)
        start(.t7, after: configuration.timers.t7.duration, for: &call)
        out.append(.observe(.callStarted(call.id, .sipToISUP, trunk: configuration.trunks[trunk].name,
                                         peer: configuration.peers[peer].name)))
        store(call)
    }

    /// ST 769 Annex A on the Request-URI of an incoming INVITE, after its syntax (A.1.1 a): the user part classified
    /// with the numbering plan (A.1.1 c, A.1.2 a–h); then, when this network is the destination, the domain
    /// (A.1.1 d), the routing number a national peer must use (A.1.2 c), the service enabled for the originating
    /// operator, named by the domain of its P-Asserted-Identity (A.1.2 "not enabled"), and the identity the routing
    /// number names (A.2.1). Whether the number is a subscriber here (A.2.2) is the switch's to say: it releases
    /// with cause 63. The user part becomes the classified form (a lower-case routing digit `c`, accepted when
    /// configured, is the ISUP digit C: ST769-2 GEN-04).
    func checkCalledNumber(_ uri: inout NNIPhoneURI, invite: SIPMessage, peer: Int) throws(NumberingError) {
        guard let plan = configuration.numbering else { return }
        let number = try plan.classify(userPart: uri.user)
        uri.user = number.userPart
        guard let destination = configuration.destination else { return }
        _ = try destination.operatorIdentity(domain: uri.host, policy: plan.annexA)
        let origin = invite.header("p-asserted-identity").flatMap { try? NNIPhoneURI(parsing: NameAddress($0).uri).host }
        try destination.check(number, origin: origin ?? "", fromISC: configuration.peers[peer].internationalSwitchingCentre,
                              policy: plan.annexA) { _ in true }
        if let psap = plan.nueTowardPSAP(number) { uri.user = psap }
    }

    /// INVITE → IAM (digest B.2.1, A.5): the encapsulated IAM is the template; the Request-URI gives the called
    /// number, P-Asserted-Identity and Privacy the calling number when the template has none; link-local fields
    /// are re-derived for the outgoing circuit. Numbers go from the NNI's global form to the trunk's.
    func buildIAM(invite: SIPMessage, body: SIPIBody?, uri: NNIPhoneURI, trunk: Int, cic: CIC) throws(NumberingError) -> ISUPMessage {
        let numbering = configuration.trunks[trunk].numbering
        let calledSIPI = try numbering.sipINumber(userPart: uri.user, layout: ParameterCatalogue.calledLayout,
                                                  indicators: ["internalNetworkNumber": 1])
        var iam: ISUPMessage
        if let template = body?.isup, template.type == .iam {
            iam = template
        } else {
            let clearMode = Self.sdpPart(of: invite).map { String(decoding: $0, as: UTF8.self).uppercased().contains("CLEARMODE") } ?? false
            iam = ISUPMessage(type: .iam, parameters: [
                Parameter(code: .natureOfConnectionIndicators, value: [0x01]),
                Parameter(code: .forwardCallIndicators, value: [0x48, 0x00]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [clearMode ? 0x02 : 0x03]),
            ])
        }
        iam.cic = cic
        // One satellite hop for the IP leg, no continuity check on the outgoing circuit (B.2.1, A.5 step 3).
        var nci = iam.indicators(.natureOfConnectionIndicators)
        nci?["continuityCheckIndicator"] = 0
        if let nci { iam.set(.natureOfConnectionIndicators, nci.encoded()) }
        iam.calledPartyNumber = try numbering.tdm(fromSIPI: calledSIPI, as: .called)
        let pai = invite.header("p-asserted-identity")
        var calling: PartyNumber
        if let template = iam.callingPartyNumber {
            calling = template
        } else {
            calling = try CallingIdentity.callingPartyNumber(assertedIdentity: pai, privacy: invite.header("privacy"),
                                                             numbering: numbering)
        }
        iam.callingPartyNumber = try numbering.tdm(fromSIPI: calling, as: .calling)
        if body == nil, let from = invite.header("from"),
           let additional = CallingIdentity.additionalCallingNumber(from: from, assertedIdentity: pai, numbering: numbering) {
            var generic = try numbering.tdm(fromSIPI: additional, as: .calling)
            generic.numberQualifier = 6
            iam.set(.genericNumber, generic.encoded())
        }
        return iam
    }

    /// A SIP → ISUP call refused before the IAM: the final response with Reason, nothing on the ISUP side.
    mutating func refuseSIP(_ call: inout Call, _ refusal: CallPolicy.Refusal) {
        out.append(.observe(.callRefused(.sipToISUP, cause: refusal.cause, reason: "admission", call: call.id)))
        call.releasedBy = .gateway
        call.record.isupCause = refusal.cause
        finalResponse(&call, status: refusal.sipStatus, cause: refusal.cause, rel: nil)
        store(call)
    }

    /// ISUP messages in the backward direction on an S→I call (digest B.1.2 right column, B.1.3, B.1.4).
    mutating func backwardMessage(_ message: ISUPMessage, call: inout Call) {
        // Q.764 §2.9.1.4: the first backward message closes the dual-seizure window of the circuit; the IAM is
        // no longer needed for a re-attempt.
        if let cic = call.cic { circuits[call.trunk].backwardMessageReceived(cic) }
        call.isup.iam = nil
        switch message.type {
        case .acm, .cpg:
            guard [.setup, .alerting].contains(call.isup.state),
                  [.calling, .early].contains(call.sip.state) else {
                passInDialog(message, call: &call)
                return
            }
            if message.type == .acm {
                cancel(.t7, for: &call)
                start(.t9, after: configuration.timers.t9.duration, for: &call)
                call.isup.state = .alerting
            }
            if call.record.alerting == nil { call.record.alerting = now }
            let mapped = ProvisionalMapping.response(to: message)
            sendProvisional(&call, status: mapped.status, withSDP: mapped.withSDP, isup: message)
        case .anm, .con:
            guard [.setup, .alerting].contains(call.isup.state) else {
                out.append(.observe(.discarded("\(message.type.acronym) after answer")))
                return
            }
            cancel(.t7, for: &call)
            cancel(.t9, for: &call)
            call.isup.state = .answered
            call.record.answer = now
            out.append(.observe(.callAnswered(call.id, setup: now - call.record.seizure)))
            sendAnswer(&call, isup: message)
        default:
            callMessage(message, call: &call)
        }
    }

    /// RFC 4028 §8: a Session-Expires below our Min-SE gets 422 with it (the value returned).
    func sessionTimerRefusal(_ invite: SIPMessage) -> String? {
        guard let value = invite.header("session-expires"),
              let seconds = Int64(value.split(separator: ";").first?.trimmingWhitespace() ?? "") else { return nil }
        let minimum = configuration.policy.minSessionExpires.duration.components.seconds
        return seconds < minimum ? "\(minimum)" : nil
    }

    /// The SDP of a message: its application/sdp part.
    static func sdpPart(of message: SIPMessage) -> [UInt8]? {
        message.parts.first { $0.mediaType == "application/sdp" }?.bytes
    }

    /// RFC 3204 §3: an ISUP part marked `handling=optional` is ignored when it cannot be used.
    static func isupPartIsOptional(_ message: SIPMessage) -> Bool {
        let multipart = message.contentType?.type.hasPrefix("multipart/") ?? false
        guard let part = message.parts.first(where: { $0.mediaType == "application/isup" }) else { return false }
        let disposition = part.header("content-disposition") ?? (multipart ? nil : message.header("content-disposition"))
        return disposition.map { NameAddress.parameter("handling", in: Substring($0))?.lowercased() == "optional" } ?? false
    }

    /// Option tags of Supported/Require values (RFC 3261 §20.37), lower-cased.
    static func tokens(_ values: [String]) -> Set<String> {
        Set(values.flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace().lowercased() })
    }
}
