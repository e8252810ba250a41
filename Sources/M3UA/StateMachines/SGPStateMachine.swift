/// The SGP side accepting ASPs (RFC 4666 §4.3.4): answers ASPUP, ASPAC, ASPIA, ASPDN and BEAT with their acks,
/// keeps the state of each ASP and of each AS (§4.3.2, with T(r) and the AS-PENDING queue), notifies AS state
/// changes (§4.3.4.5) and Loadshare shortages (§3.8.2), answers DAUD from its destination table (§4.5.3) and routes DATA to the ASs.
public struct SGPStateMachine: M3UAStateMachine, Sendable {
    /// What the SGP knows of one ASP.
    public struct ASPRecord: Hashable, Sendable {
        /// ASP-DOWN, or ASP-INACTIVE / ASP-ACTIVE (active in at least one AS).
        public internal(set) var state: ASPState = .down
        /// From ASPUP (RFC 4666 §3.5.1), quoted in NTFY Alternate ASP Active and ASP Failure (§3.8.2).
        public internal(set) var identifier: UInt32?
    }

    public let configuration: SGPConfiguration
    public private(set) var asps: [AssociationID: ASPRecord] = [:]
    public private(set) var applicationServers: [UInt32: ApplicationServer]
    /// The SS7 network as the SGP sees it; a DAUD for a point code it has no entry for gets ERR 0x14.
    public var destinations = DestinationTable(defaultStatus: nil)

    public init(configuration: SGPConfiguration) {
        self.configuration = configuration
        applicationServers = Dictionary(
            uniqueKeysWithValues: configuration.applicationServers.map { ($0.routingContext, ApplicationServer(configuration: $0)) })
    }

    /// RFC 4666 §4.4.1: this SGP has no dynamic registration.
    public var unsupportedClasses: Set<MessageClass> { [.rkm] }

    public mutating func handle(_ event: M3UAEvent, at now: ContinuousClock.Instant) -> [M3UAAction] {
        switch event {
        case .transportUp(let a):
            // A new association where one was up is an SCTP restart (RFC 4666 §4.3.1, RI): the old ASP failed.
            let out = failed(a)
            asps[a] = ASPRecord()
            return out
        case .transportDown(let a): return failed(a)
        case .received(let message, let a, let stream): return receive(message, from: a, stream: stream)
        case .receivedOctets(let octets, let a, let stream): return handle(octets: octets, on: a, stream: stream, at: now)
        case .timerFired(.recovery(let rc)): return recoveryExpired(rc)
        case .sendData(let data): return route(data)
        case .destinationAvailability(let range, let available): return announce(range, available: available)
        default: return []
        }
    }

    // MARK: - Received messages

    private mutating func receive(_ message: M3UAMessage, from a: AssociationID, stream: UInt16) -> [M3UAAction] {
        let record = asps[a] ?? ASPRecord()
        asps[a] = record
        // RFC 4666 §4.3.1: an ASP-DOWN ASP may come up, go down, beat or report errors; anything else from it is
        // an Unexpected Message (and only BEAT ACK, ASPDN ACK and ERR may be sent to it).
        if record.state == .down, ![.aspup, .aspdn, .beat, .err].contains(message.type) {
            return reply(message.error(.unexpectedMessage), on: a)
        }
        switch message.type {
        case .aspup: return aspUp(message, from: a)
        case .aspac: return aspActive(message, from: a)
        case .aspia: return aspInactive(message, from: a)
        case .aspdn: return [send(M3UAMessage(.aspdnAck), on: a)] + goDown(a)
        case .beat: return [send(message.beatAck, on: a, stream: stream)]
        case .err: return [.reporting(message, from: a)]
        case .daud: return destinations.answer(audit: message).map { send($0, on: a, stream: stream) }
        case .data: return data(message, from: a, stream: stream)
        // RFC 4666 §4.4.1: an SGP without dynamic registration answers RKM with "Unsupported Message Class".
        case _ where message.type.messageClass == .rkm: return reply(message.error(.unsupportedMessageClass), on: a)
        default: return reply(message.error(.unexpectedMessage), on: a)
        }
    }

    /// RFC 4666 §4.3.4.1: ASPUP ACK and ASP-INACTIVE; an ASPUP from an ASP-ACTIVE ASP is also answered with ERR
    /// "Unexpected Message" and takes it out of every AS. Then (§4.3.4.5, SHOULD) a NTFY with the state of each
    /// AS, unless the AS changed state and notified every ASP already.
    private mutating func aspUp(_ message: M3UAMessage, from a: AssociationID) -> [M3UAAction] {
        var out = [send(M3UAMessage(.aspupAck), on: a)]
        if asps[a]?.state == .active { out += reply(message.error(.unexpectedMessage), on: a) }
        asps[a]?.identifier = message.aspIdentifier
        deactivate(a, in: allContexts)
        out += changeState(of: a, to: .inactive)
        let before = applicationServers.mapValues(\.state)
        out += update(allContexts)
        for rc in allContexts where applicationServers[rc]?.state == before[rc] {
            if let status = applicationServers[rc]?.state.notifyStatus { out.append(ntfy(status, rc: rc, to: a)) }
        }
        return out
    }

    /// RFC 4666 §4.3.4.3: the Routing Contexts (all ASs when none is given) must be known (else ERR 0x19 with
    /// them) and the Traffic Mode Type must be the AS's (else ERR 0x05); then ASPAC ACK, the ASP joins each AS,
    /// and in Override the ASP it replaces gets NTFY "Alternate ASP Active" and goes ASP-INACTIVE in that AS.
    private mutating func aspActive(_ message: M3UAMessage, from a: AssociationID) -> [M3UAAction] {
        let contexts = message.routingContexts.isEmpty ? allContexts : message.routingContexts
        let unknown = contexts.filter { applicationServers[$0] == nil }
        guard unknown.isEmpty, !contexts.isEmpty else {
            return reply(message.error(.invalidRoutingContext, routingContexts: unknown), on: a)
        }
        if let mode = message.trafficModeType, contexts.contains(where: { applicationServers[$0]?.configuration.trafficMode != mode }) {
            return reply(message.error(.unsupportedTrafficModeType), on: a)
        }
        var out = [send(M3UAMessage(.aspacAck, message.parameters.filter { $0.tag != .infoString }), on: a)]
        var replaced = Set<AssociationID>()
        for rc in contexts where applicationServers[rc]?.active.contains(a) == false {
            if applicationServers[rc]?.configuration.trafficMode == .override {
                for old in applicationServers[rc]?.active ?? [] {
                    applicationServers[rc]?.active.removeAll { $0 == old }
                    replaced.insert(old)
                    out.append(ntfy(.alternateASPActive, rc: rc, to: old, asp: asps[a]?.identifier))
                }
            }
            applicationServers[rc]?.active.append(a)
        }
        out += changeState(of: a, to: .active)
        for old in replaced.sorted() where !isActive(old) { out += changeState(of: old, to: .inactive) }
        return out + update(contexts)
    }

    /// RFC 4666 §4.3.4.4: ASPIA ACK, and the ASP leaves the ASs named (all when none).
    private mutating func aspInactive(_ message: M3UAMessage, from a: AssociationID) -> [M3UAAction] {
        let contexts = message.routingContexts.isEmpty ? allContexts : message.routingContexts
        let unknown = contexts.filter { applicationServers[$0] == nil }
        guard unknown.isEmpty else { return reply(message.error(.invalidRoutingContext, routingContexts: unknown), on: a) }
        let out = [send(M3UAMessage(.aspiaAck, message.parameters.filter { $0.tag != .infoString }), on: a)]
        deactivate(a, in: contexts)
        return out + (isActive(a) ? [] : changeState(of: a, to: .inactive)) + update(contexts)
    }

    /// RFC 4666 §3.3.1, §1.4.7: DATA on stream 0 → ERR 0x09; an unknown Routing Context → ERR 0x19; DATA from an
    /// ASP not active in the AS → ERR "Unexpected Message" (§3.8.1: MAY) and discarded; otherwise delivered.
    private func data(_ message: M3UAMessage, from a: AssociationID, stream: UInt16) -> [M3UAAction] {
        if stream == M3UAStream.management { return reply(message.error(.invalidStreamIdentifier), on: a) }
        let rc = message.routingContexts.first
        if let rc, applicationServers[rc] == nil { return reply(message.error(.invalidRoutingContext), on: a) }
        let activeHere = rc.map { applicationServers[$0]?.active.contains(a) == true } ?? isActive(a)
        guard activeHere, let data = message.protocolData else { return reply(message.error(.unexpectedMessage), on: a) }
        return [.deliver(data, routingContext: rc, from: a)]
    }

    // MARK: - ASP and AS state

    /// ASPDN (RFC 4666 §4.3.4.2, acked even when already ASP-DOWN) or a lost association: ASP-DOWN everywhere.
    private mutating func goDown(_ a: AssociationID) -> [M3UAAction] {
        deactivate(a, in: allContexts)
        return changeState(of: a, to: .down) + update(allContexts)
    }

    /// The association is lost (SCTP CDI, RFC 4666 §4.3.1): ASP-DOWN, and the other ASPs of each AS it belonged
    /// to get NTFY "ASP Failure" with its identifier (§3.8.2: "an ASP has been unavailable", whether it was
    /// ASP-ACTIVE or ASP-INACTIVE). An ASP that is up belongs to every AS here (ASPUP names none, §3.5.1).
    private mutating func failed(_ a: AssociationID) -> [M3UAAction] {
        guard let record = asps[a] else { return [] }
        let identifier = record.identifier
        let servedIn = record.state == .down ? [] : allContexts
        var out = goDown(a)
        asps[a] = nil
        for rc in servedIn {
            for other in upASPs where other != a { out.append(ntfy(.aspFailure, rc: rc, to: other, asp: identifier)) }
        }
        return out
    }

    /// Takes the ASP out of the active lists of these ASs.
    private mutating func deactivate(_ a: AssociationID, in contexts: [UInt32]) {
        for rc in contexts { applicationServers[rc]?.active.removeAll { $0 == a } }
    }

    private var allContexts: [UInt32] { applicationServers.keys.sorted() }

    private func isActive(_ a: AssociationID) -> Bool { applicationServers.values.contains { $0.active.contains(a) } }

    private var upASPs: [AssociationID] { asps.filter { $0.value.state != .down }.keys.sorted() }

    private mutating func changeState(of a: AssociationID, to new: ASPState) -> [M3UAAction] {
        guard asps[a] != nil, asps[a]?.state != new else { return [] }
        asps[a]?.state = new
        return [.aspStateChanged(a, new)]
    }

    /// Applies RFC 4666 §4.3.2 to one AS: reports a change, NTFYs every ASP that is up (§4.3.4.5), starts T(r)
    /// on entering AS-PENDING and stops it on leaving, and delivers the queue on recovery.
    private mutating func update(_ contexts: [UInt32]) -> [M3UAAction] {
        var out = [M3UAAction]()
        for rc in contexts {
            guard let server = applicationServers[rc] else { continue }
            let new = server.next(up: upASPs.count)
            if new != server.state { out += enter(new, rc: rc) }
            out += shortage(rc)
        }
        return out
    }

    /// RFC 4666 §3.8.2: once per shortage, NTFY "Insufficient ASP Resources Active in AS" to the ASPs that are
    /// up but not active in a Loadshare AS running below n, so that layer management can activate one.
    private mutating func shortage(_ rc: UInt32) -> [M3UAAction] {
        guard let server = applicationServers[rc], server.short != server.announcedShortage else { return [] }
        applicationServers[rc]?.announcedShortage = server.short
        guard server.short else { return [] }
        return upASPs.filter { !server.active.contains($0) }.map { ntfy(.insufficientASPResources, rc: rc, to: $0) }
    }

    private mutating func enter(_ new: ASState, rc: UInt32) -> [M3UAAction] {
        let old = applicationServers[rc]?.state
        applicationServers[rc]?.state = new
        var out: [M3UAAction] = [.asStateChanged(routingContext: rc, new)]
        if let status = new.notifyStatus { out += upASPs.map { ntfy(status, rc: rc, to: $0) } }
        if new == .pending { out.append(.startTimer(.recovery(routingContext: rc), after: configuration.timers.tR)) }
        if old == .pending {
            if new == .active { out.append(.cancelTimer(.recovery(routingContext: rc))) }
            let queued = applicationServers[rc]?.queue ?? []
            applicationServers[rc]?.queue = []
            for data in queued { out += new == .active ? route(data, in: rc) : [.undeliverable(data)] }
        }
        return out
    }

    /// T(r) expired (RFC 4666 §4.3.2): AS-INACTIVE or AS-DOWN, and the queue is discarded.
    private mutating func recoveryExpired(_ rc: UInt32) -> [M3UAAction] {
        guard applicationServers[rc]?.state == .pending else { return [] }
        return enter(ApplicationServer.recovered(up: upASPs.count), rc: rc)
    }

    // MARK: - Traffic and destinations toward the ASPs

    /// DATA from the SS7 side to the AS whose Routing Key holds its DPC (the only AS when there is one):
    /// carried when AS-ACTIVE, queued when AS-PENDING (RFC 4666 §4.3.2), undeliverable otherwise.
    private mutating func route(_ data: ProtocolData) -> [M3UAAction] {
        let servers = applicationServers.values
        guard let rc = (servers.first { $0.configuration.pointCodes.contains(data.dpc) }
            ?? (servers.count == 1 ? servers.first : nil))?.routingContext
        else { return [.undeliverable(data)] }
        return route(data, in: rc)
    }

    private mutating func route(_ data: ProtocolData, in rc: UInt32) -> [M3UAAction] {
        switch applicationServers[rc]?.state {
        case .active?:
            let message = M3UAMessage(.data, [.routingContext([rc]), .protocolData(data)])
            let stream = M3UAStream.data(sls: data.sls, outboundStreams: configuration.outboundStreams)
            return (applicationServers[rc]?.carriers(sls: data.sls) ?? []).map { send(message, on: $0, stream: stream) }
        case .pending?:
            applicationServers[rc]?.queue.append(data)
            return []
        default: return [.undeliverable(data)]
        }
    }

    /// RFC 4666 §4.5.1, §4.5.2: DUNA or DAVA to every ASP-ACTIVE ASP, with the Routing Contexts it is active in.
    private mutating func announce(_ range: MaskedPointCode, available: Bool) -> [M3UAAction] {
        destinations.set(range, DestinationStatus(available: available))
        return upASPs.compactMap { a in
            let contexts = applicationServers.values.filter { $0.active.contains(a) }.map(\.routingContext).sorted()
            guard !contexts.isEmpty else { return nil }
            return send(M3UAMessage(available ? .dava : .duna, [.routingContext(contexts), .affectedPointCode([range])]), on: a)
        }
    }

    // MARK: - Sending

    private func send(_ message: M3UAMessage, on a: AssociationID, stream: UInt16 = M3UAStream.management) -> M3UAAction {
        .send(message, on: a, stream: stream)
    }

    private func reply(_ error: M3UAMessage?, on a: AssociationID) -> [M3UAAction] {
        error.map { [send($0, on: a)] } ?? []
    }

    /// RFC 4666 §3.8.2: Status, the ASP Identifier of the other ASP when there is one, the Routing Context.
    private func ntfy(_ status: NotifyStatus, rc: UInt32, to a: AssociationID, asp: UInt32? = nil) -> M3UAAction {
        send(M3UAMessage(.ntfy, [.status(status)] + (asp.map { [.aspIdentifier($0)] } ?? []) + [.routingContext([rc])]), on: a)
    }
}
