import DequeModule
import Interworking
import ISUP
import M3UA
import SIPI

/// A SIP capture converted to ISUP (`isup-pcap`): each INVITE dialog between two SIP parties runs through two
/// gateways, one facing each party in the other's place, with the template's trunk between them. The calling
/// party's messages go to its gateway as they are; the called party's go to the other gateway rebound to the dialog
/// that gateway opened (its Call-ID, tags, Via and CSeq), so its answers are the called party's own. The ISUP the
/// gateways exchange is what the daemon would send its switch.
struct SIPDialogBinding {
    /// The Call-ID of the twin gateway's dialog toward the called party, once it sent its INVITE.
    var twinCallID: String?
    /// The twin's latest request per method (what a called party's response is rebound to).
    var twinRequests: [String: SIPMessage] = [:]
}

extension TraceConverter {
    /// A SIP message of the capture: to the gateway facing its sender.
    mutating func receive(sip bytes: [UInt8], route: SIPRoute, record: Int) {
        statistics.sipMessages += 1
        switch Result(catching: { () throws(SIPParseError) -> SIPMessage in try SIPMessage(parsing: bytes) }) {
        case .success(let message): receive(message, route: route, record: record)
        case .failure(let error):
            statistics.unreadable += 1
            out.append(.unreadable(UnreadableRecord(record: record, reason: "SIP: \(error)")))
        }
    }

    mutating func receive(_ message: SIPMessage, route: SIPRoute, record: Int) {
        let transport: SIPEndpoint.Transport = route.transport == .tcp ? .tcp : .udp
        let source = SIPEndpoint(host: route.sourceAddress, port: Int(route.sourcePort), transport: transport)
        let destination = SIPEndpoint(host: route.destinationAddress, port: Int(route.destinationPort), transport: transport)
        guard let callID = message.header("call-id") else {
            statistics.sipMessagesIgnored += 1
            return
        }
        if sipCalls[callID] == nil {
            guard message.method == "INVITE", message.header("to").flatMap({ NameAddress($0).tag }) == nil else {
                statistics.sipMessagesIgnored += 1
                return
            }
            openSIPCall(callID, invite: message, from: source, to: destination)
        }
        guard let origin = sipCalls[callID]?.origin else { return }
        let fromCaller = sides[origin].party?.host == source.host && sides[origin].party?.port == source.port
        let side = fromCaller ? origin : origin ^ 1
        let line = ConvertedMessage(
            time: timestamp(now), from: fromCaller ? .originatingSwitch : .terminatingSwitch,
            to: fromCaller ? .originatingGateway : .terminatingGateway, signalling: .sip,
            type: message.method ?? message.statusCode.map(String.init) ?? "?", summary: summary(message.summaryLine),
            record: record, cause: message.headers("reason").lazy.compactMap(Q850Reason.init(header:)).first?.cause,
            inResponseTo: message.method == nil ? Self.cseqMethod(message) : nil)
        sipCalls[callID]!.call.messages.append(line)
        guard let fed = fromCaller ? message : rebind(message, of: callID) else {
            statistics.sipMessagesIgnored += 1
            return
        }
        run(sides[side].engine.handle(.sip(fed, from: sides[side].party ?? source), at: now), from: side)
    }

    mutating func openSIPCall(_ callID: String, invite: SIPMessage, from source: SIPEndpoint, to destination: SIPEndpoint) {
        let key = SIPPair(caller: source, called: destination)
        let pair: Int
        if let known = sipPairs[key] ?? sipPairs[SIPPair(caller: destination, called: source)] {
            pair = known
        } else {
            pair = sides.count / 2
            sipPairs[key] = pair
            for (index, (party, other)) in [(source, destination), (destination, source)].enumerated() {
                let configuration = gateways.configuration(facing: party, insteadOf: other, mirrored: index == 1)
                var side = ConversionSide(
                    engine: InterworkingEngine(configuration: configuration, mappings: mappings, instance: "sip\(pair)\(index)-"),
                    switchPC: configuration.trunks[0].circuits.opc, address: other)
                side.party = party
                sides.append(side)
                run(sides[sides.count - 1].engine.start(at: now, resetCircuits: false), from: sides.count - 1)
            }
        }
        let origin = pair * 2 + (sides[pair * 2].party == source ? 0 : 1)
        statistics.calls += 1
        let uri = if case .request(_, let uri) = invite.startLine { uri } else { "" }
        var call = ConvertedCall(number: statistics.calls, opc: 0, dpc: 0, cic: 0,
                                 called: Self.user(of: uri), calling: invite.header("from").map { Self.user(of: String(NameAddress($0).uri)) } ?? nil)
        call.captured = .sip
        call.parties = ["\(source.host):\(source.port)", "\(destination.host):\(destination.port)"]
        call.sipCallID = callID
        sipCalls[callID] = OpenCall(call: call, origin: origin)
        sipBindings[callID] = SIPDialogBinding()
        awaitingSIPDialog[origin ^ 1, default: []].append(callID)
        awaitingSIPCircuit[origin, default: []].append(callID)
    }

    /// The called party's message in the dialog the twin gateway opened toward it: a response takes the Via,
    /// From, Call-ID and CSeq of the twin's request of its method (and the To, keeping the party's tag); a request
    /// is addressed to the twin's Contact, with the twin's Call-ID and the dialog's From and To the other way round.
    func rebind(_ message: SIPMessage, of callID: String) -> SIPMessage? {
        guard let binding = sipBindings[callID], let twinCallID = binding.twinCallID,
              let invite = binding.twinRequests["INVITE"] else { return nil }
        var rebound = message
        func replace(_ name: String, with values: [String]) {
            rebound.headers.removeAll { $0.hasName(name) }
            rebound.headers.insert(contentsOf: values.map { SIPHeader(name, $0) }, at: 0)
        }
        let partyTag = message.method == nil ? message.header("to").flatMap { NameAddress($0).tag }
            : message.header("from").flatMap { NameAddress($0).tag }
        let tagged = { (value: String?) -> String in
            guard let value else { return "" }
            return NameAddress(value).tag == nil ? value + (partyTag.map { ";tag=\($0)" } ?? "") : value
        }
        if message.method == nil {
            guard let method = Self.cseqMethod(message), let request = binding.twinRequests[method] else { return nil }
            replace("cseq", with: request.headers("cseq"))
            replace("to", with: [tagged(request.header("to"))])
            replace("from", with: request.headers("from"))
            replace("call-id", with: [twinCallID])
            replace("via", with: request.headers("via"))
        } else {
            guard let contact = invite.header("contact") else { return nil }
            rebound.startLine = .request(method: message.method!, uri: String(NameAddress(contact).uri))
            replace("to", with: invite.headers("from"))
            replace("from", with: [tagged(invite.header("to"))])
            replace("call-id", with: [twinCallID])
        }
        return rebound
    }

    /// SIP a gateway of a SIP capture sent its party: kept with the call (the twin's requests also bind the dialog).
    mutating func sentToParty(_ message: SIPMessage, by side: Int) {
        statistics.sipMessagesSent += 1
        guard let engineCallID = message.header("call-id") else { return }
        var callID = sipCalls[engineCallID] != nil ? engineCallID : twinDialogs[engineCallID]
        if callID == nil, message.method == "INVITE", let waiting = awaitingSIPDialog[side]?.popFirst() {
            callID = waiting
            twinDialogs[engineCallID] = waiting
            sipBindings[waiting]?.twinCallID = engineCallID
        }
        guard let callID, let origin = sipCalls[callID]?.origin else { return }
        if let method = message.method, side != origin { sipBindings[callID]?.twinRequests[method] = message }
        let toCaller = side == origin
        sipCalls[callID]!.call.messages.append(ConvertedMessage(
            time: timestamp(now), from: toCaller ? .originatingGateway : .terminatingGateway,
            to: toCaller ? .originatingSwitch : .terminatingSwitch, signalling: .sip,
            type: message.method ?? message.statusCode.map(String.init) ?? "?", summary: summary(message.summaryLine),
            inResponseTo: message.method == nil ? Self.cseqMethod(message) : nil))
    }

    /// ISUP one gateway of a SIP capture sent the other: written out, delivered, kept with its call; after the
    /// RLC the call is handed over once the dialogs had time to end.
    mutating func relayISUP(_ data: ProtocolData, routingContext: UInt32?, by side: Int) -> [Action] {
        let twin = side ^ 1, pair = side / 2
        let endpoint = { (s: Int) in IPv4Endpoint(address: 0x0A01_0000 | UInt32(pair & 0xFF) << 8 | UInt32(s % 2 + 1), port: 2905) }
        statistics.isupMessagesSent += 1
        out.append(.isup(ConvertedISUP(time: timestamp(now), data: data, routingContext: routingContext,
                                       source: endpoint(side), destination: endpoint(twin))))
        guard let message = try? data.isup() else { return [] }
        let cic = message.cic?.value ?? 0
        let key = CallKey(pair: pair, cic: cic)
        if message.type == .iam, let callID = awaitingSIPCircuit[side]?.popFirst() {
            circuitCalls[key] = callID
            sipCalls[callID]?.call.opc = data.opc
            sipCalls[callID]?.call.dpc = data.dpc
            sipCalls[callID]?.call.cic = cic
        }
        if let callID = circuitCalls[key], let origin = sipCalls[callID]?.origin {
            let fromOrigin = side == origin
            sipCalls[callID]!.call.messages.append(ConvertedMessage(
                time: timestamp(now), from: fromOrigin ? .originatingGateway : .terminatingGateway,
                to: fromOrigin ? .terminatingGateway : .originatingGateway, signalling: .isup,
                type: message.type.acronym, summary: summary(message.summaryLine), cause: message.causeIndicators?.value))
            if message.type == .rlc {
                circuitCalls[key] = nil
                pendingCloses.append((now + Self.dialogGrace, callID))
            }
        } else {
            statistics.circuitMessages += 1
            out.append(.circuit(ConvertedMessage(time: timestamp(now), from: .originatingGateway, to: .terminatingGateway,
                                                 signalling: .isup, type: message.type.acronym, summary: summary(message.summaryLine)),
                                opc: data.opc, dpc: data.dpc, cic: cic))
        }
        let route = SignallingRoute(opc: data.opc, dpc: data.dpc, sls: data.sls, networkIndicator: data.ni,
                                    routingContext: routingContext)
        return sides[twin].engine.handle(.isup(message, from: route), at: now)
    }

    /// RFC 3261 Timer J/K scale (64·T1): after its RLC, a call's last SIP messages (200 to BYE, ACK) still come.
    static let dialogGrace = Duration.seconds(32)

    mutating func closeSIPCall(_ callID: String, complete: Bool) {
        guard var open = sipCalls.removeValue(forKey: callID) else { return }
        if let twin = sipBindings.removeValue(forKey: callID)?.twinCallID { twinDialogs[twin] = nil }
        for side in [open.origin, open.origin ^ 1] {
            awaitingSIPDialog[side]?.removeAll { $0 == callID }
            awaitingSIPCircuit[side]?.removeAll { $0 == callID }
        }
        open.call.complete = complete
        out.append(.call(open.call))
    }

    /// Hands over the SIP calls whose grace after RLC has passed by `instant`.
    mutating func closeDue(at instant: Instant) {
        while let first = pendingCloses.first, first.at <= instant {
            pendingCloses.removeFirst()
            closeSIPCall(first.callID, complete: true)
        }
    }

    static func cseqMethod(_ message: SIPMessage) -> String? {
        message.header("cseq")?.split(separator: " ").last.map(String.init)
    }

    /// The user part of a SIP or tel URI (`+390612345678`), without parameters.
    static func user(of uri: String) -> String? {
        guard let colon = uri.firstIndex(of: ":") else { return nil }
        let rest = uri[uri.index(after: colon)...]
        let user = rest.prefix { $0 != "@" && $0 != ";" && $0 != ">" }
        return user.isEmpty ? nil : String(user)
    }
}

/// The two SIP parties of a dialog, the caller first.
struct SIPPair: Hashable {
    var caller: SIPEndpoint
    var called: SIPEndpoint
}
