/// The ASP side of one association toward an SGP (RFC 4666 §4.3.4), or an IPSP in Single Exchange toward
/// another IPSP (§4.3.3, §5.5.1). Layer management sets a goal (active, inactive, standby, down); the machine
/// opens the association, sends ASPUP, ASPAC, ASPIA or ASPDN one at a time under T(ack) until the ASP state
/// meets the goal, beats, and reconnects with a bounded exponential back-off after a loss.
public struct ASPStateMachine: M3UAStateMachine, Sendable {
    /// What layer management wants of this ASP.
    public enum Goal: String, Codable, CaseIterable, Hashable, Sendable {
        case down
        case inactive
        /// ASP-INACTIVE, taking over (ASPAC) when the SGP reports the AS pending: the standby of an Override AS
        /// (RFC 4666 §4.3.4.3, §5.2.2 "Backup Override").
        case standby
        case active

        init(_ state: ASPState) {
            switch state {
            case .down: self = .down
            case .inactive: self = .inactive
            case .active: self = .active
            }
        }

        var aspState: ASPState {
            switch self {
            case .down: .down
            case .inactive, .standby: .inactive
            case .active: .active
            }
        }
    }

    /// The association as the ASP drives it.
    public enum Transport: Hashable, Sendable {
        case closed
        /// `connect` asked; `attempt` counts the failed attempts before it.
        case connecting(attempt: Int)
        /// The reconnect timer runs before attempt number `attempt`.
        case waiting(attempt: Int)
        case up
    }

    public let association: AssociationID
    public var configuration: ASPConfiguration
    public private(set) var state: ASPState = .down
    public private(set) var transport: Transport = .closed
    public private(set) var goal: Goal = .down
    /// The ASPSM/ASPTM request awaiting its ack under T(ack).
    public private(set) var pending: M3UAMessage?
    /// AS states as the SGP notified them (RFC 4666 §4.3.4.5), by Routing Context (0 when none was given).
    public private(set) var asStates: [UInt32: ASState] = [:]
    /// Destinations as SSNM reports them (RFC 4666 §4.5).
    public private(set) var destinations = DestinationTable()
    private var heartbeat: Heartbeat

    public init(association: AssociationID, configuration: ASPConfiguration = ASPConfiguration()) {
        self.association = association
        self.configuration = configuration
        heartbeat = Heartbeat(association: association, interval: configuration.timers.tBeat)
    }

    public mutating func handle(_ event: M3UAEvent, at now: ContinuousClock.Instant) -> [M3UAAction] {
        switch event {
        case .activate: return set(goal: .active)
        case .deactivate: return set(goal: .inactive)
        case .shutdown: return set(goal: .down)
        case .manage(association, let goal): return set(goal: goal)
        case .sendData(let data): return send(data)
        case .transportUp(association) where transport != .up:
            transport = .up
            return heartbeat.start(at: now) + advance()
        case .transportDown(association): return lost()
        case .timerFired(.reconnect(association)):
            guard case .waiting(let attempt) = transport else { return [] }
            transport = .connecting(attempt: attempt)
            return [.connect(association)]
        case .timerFired(.ack(association)):
            guard let pending, transport == .up else { return [] }
            return [send(pending), .startTimer(.ack(association), after: configuration.timers.tAck)]
        case .timerFired(.beat(association)):
            guard let next = heartbeat.fired(at: now) else {
                return [.associationDead(association), .disconnect(association)] + lost()
            }
            return next
        case .received(let message, association, let stream):
            heartbeat.heard(at: now)
            return receive(message, stream: stream)
        case .receivedOctets(let octets, association, let stream):
            return handle(octets: octets, on: association, stream: stream, at: now)
        default: return []
        }
    }

    /// What the interworking layer asks before sending to a DPC: this ASP carries traffic and SSNM has not
    /// reported the destination (or its ISUP) unavailable.
    public func isAvailable(_ pc: UInt32, user: ServiceIndicator = .isup) -> Bool {
        state == .active && destinations.isAvailable(pc, user: user)
    }

    // MARK: - Layer management and the transport

    /// Sets what layer management wants of this ASP and starts moving toward it.
    mutating func set(goal: Goal) -> [M3UAAction] {
        self.goal = goal
        switch (goal, transport) {
        case (.down, .waiting):
            transport = .closed
            return [.cancelTimer(.reconnect(association))]
        case (.down, .connecting):
            transport = .closed
            return [.disconnect(association)]
        case (.down, .up) where state == .down && pending == nil: return close()
        case (.down, _): return advance()
        case (_, .closed):
            transport = .connecting(attempt: 0)
            return [.connect(association)]
        default: return advance()
        }
    }

    /// The association is gone (RFC 4666 §4.3.1: SCTP CDI/RI → ASP-DOWN): forget the peer's state and, unless
    /// shutting down, reconnect after initial · 2^attempt seconds, bounded.
    private mutating func lost() -> [M3UAAction] {
        var out = heartbeat.stop()
        if pending != nil { out.append(.cancelTimer(.ack(association))) }
        pending = nil
        out += changeState(to: .down)
        asStates.removeAll()
        destinations.reset()
        let failed: Int
        switch transport {
        case .connecting(let attempt): failed = attempt
        case .up: failed = 0
        case .closed, .waiting: return out
        }
        guard goal != .down else {
            transport = .closed
            return out
        }
        transport = .waiting(attempt: failed + 1)
        return out + [.startTimer(.reconnect(association), after: configuration.timers.reconnectDelay(attempt: failed))]
    }

    /// Closes the association on the way down (layer management asked for ASP-DOWN).
    private mutating func close() -> [M3UAAction] {
        transport = .closed
        return heartbeat.stop() + [.disconnect(association)]
    }

    /// Sends the next request toward the goal when none is outstanding.
    private mutating func advance() -> [M3UAAction] {
        guard transport == .up, pending == nil else { return [] }
        let target = goal.aspState
        let request: M3UAMessage
        switch (state, target) {
        case (.down, .down): return []
        case (.down, _):
            request = M3UAMessage(.aspup, configuration.aspIdentifier.map { [.aspIdentifier($0)] } ?? [])
        case (.inactive, .active):
            request = M3UAMessage(.aspac, (configuration.trafficMode.map { [.trafficModeType($0)] } ?? []) + contexts)
        case (.active, .inactive): request = M3UAMessage(.aspia, contexts)
        case (_, .down): request = M3UAMessage(.aspdn)
        default: return []
        }
        pending = request
        return [send(request), .startTimer(.ack(association), after: configuration.timers.tAck)]
    }

    private var contexts: [M3UAParameter] {
        let all = configuration.allRoutingContexts
        return all.isEmpty ? [] : [.routingContext(all)]
    }

    private mutating func changeState(to new: ASPState) -> [M3UAAction] {
        guard new != state else { return [] }
        state = new
        return [.aspStateChanged(association, new)]
    }

    private func send(_ message: M3UAMessage, stream: UInt16 = M3UAStream.management) -> M3UAAction {
        .send(message, on: association, stream: stream)
    }

    private func reply(_ error: M3UAMessage?) -> [M3UAAction] { error.map { [send($0)] } ?? [] }

    /// RFC 4666 §4.3.1: no DATA unless ASP-ACTIVE.
    private func send(_ data: ProtocolData) -> [M3UAAction] {
        guard state == .active else { return [.undeliverable(data)] }
        let stream = M3UAStream.data(sls: data.sls, outboundStreams: configuration.outboundStreams)
        return [send(configuration.dataMessage(data), stream: stream)]
    }

    // MARK: - Received messages

    private mutating func receive(_ message: M3UAMessage, stream: UInt16) -> [M3UAAction] {
        switch message.type {
        case .aspupAck: return acknowledged(.aspup, reaching: .inactive)
        case .aspacAck: return acknowledged(.aspac, reaching: .active)
        case .aspiaAck: return acknowledged(.aspia, reaching: .inactive)
        case .aspdnAck: return acknowledged(.aspdn, reaching: .down)
        // RFC 4666 §4.3.4.6: a BEAT is answered in any state, echoing its parameters on the same stream.
        case .beat: return [send(message.beatAck, stream: stream)]
        case .beatAck: return []
        case .ntfy: return notified(message)
        case .err: return [.reporting(message, from: association)] + refused(by: message)
        case .data: return data(message, stream: stream)
        case .daud: return destinations.answer(audit: message).map { send($0, stream: stream) }
        case .duna, .dava, .drst, .scon, .dupu:
            return destinations.apply(message).map { .destinationChanged($0) }
        case let type where configuration.role == .ipsp && Self.peerRequests.contains(type): return peerRequest(message)
        default:
            // RFC 4666 §3.8.1 "Unexpected Message": a defined message this side does not expect (an SGP never
            // sends ASPUP/ASPAC/ASPIA/ASPDN to an ASP, and RKM is not run here).
            return reply(message.error(.unexpectedMessage))
        }
    }

    /// The ack of the outstanding request: the ASP state it leads to (RFC 4666 §4.3.4.1–§4.3.4.4). An ack for
    /// nothing outstanding changes nothing.
    private mutating func acknowledged(_ request: M3UAMessageType, reaching new: ASPState) -> [M3UAAction] {
        guard pending?.type == request else { return [] }
        pending = nil
        let out = [.cancelTimer(.ack(association))] + changeState(to: new)
        return out + (new == .down && goal == .down ? close() : advance())
    }

    /// RFC 4666 §4.3.4.5. AS-State_Change is recorded per Routing Context; "Alternate ASP Active" means an
    /// Override ASP took over, so this one is ASP-INACTIVE and becomes the standby; a standby takes over with
    /// ASPAC when the AS goes pending (§5.2.2).
    private mutating func notified(_ message: M3UAMessage) -> [M3UAAction] {
        guard let status = message.status else {
            return reply(message.error(.missingParameter))
        }
        var out: [M3UAAction] = [.notified(status, routingContexts: message.routingContexts, from: association)]
        if let asState = ASState(notifying: status) {
            for rc in message.routingContexts.isEmpty ? [0] : message.routingContexts where asStates[rc] != asState {
                asStates[rc] = asState
                out.append(.asStateChanged(routingContext: rc, asState))
            }
            if goal == .standby, asState == .pending {
                goal = .active
                out += advance()
            }
        } else if status == .alternateASPActive, state == .active {
            goal = .standby
            out += changeState(to: .inactive)
        }
        return out
    }

    /// RFC 4666 §3.8.1: an ERR that refuses the outstanding ASPAC (unknown Routing Context, unsupported Traffic
    /// Mode, management blocking, no AS configured) ends its retransmission; the ASP stays ASP-INACTIVE.
    private mutating func refused(by error: M3UAMessage) -> [M3UAAction] {
        let refusals: Set<M3UAErrorCode> = [
            .invalidRoutingContext, .unsupportedTrafficModeType, .refusedManagementBlocking, .noConfiguredASForASP,
        ]
        guard pending?.type == .aspac, let code = error.errorCode, refusals.contains(code) else { return [] }
        pending = nil
        goal = .inactive
        return [.cancelTimer(.ack(association))]
    }

    /// RFC 4666 §1.4.7: DATA on stream 0 is answered with ERR "Invalid Stream Identifier"; §3.8.1: a Routing
    /// Context not configured with ERR "Invalid Routing Context"; §4.3.1 and the §3.8.1 example: DATA while not
    /// ASP-ACTIVE is silently discarded.
    private func data(_ message: M3UAMessage, stream: UInt16) -> [M3UAAction] {
        if stream == M3UAStream.management {
            return reply(message.error(.invalidStreamIdentifier))
        }
        let known = configuration.allRoutingContexts
        if let rc = message.routingContexts.first, !known.isEmpty, !known.contains(rc) {
            return reply(message.error(.invalidRoutingContext))
        }
        guard state == .active, let data = message.protocolData else { return [] }
        return [.deliver(data, routingContext: message.routingContexts.first, from: association)]
    }

    /// The requests an IPSP peer may send (RFC 4666 §4.3.4.1–§4.3.4.4).
    private static let peerRequests: Set<M3UAMessageType> = [.aspup, .aspac, .aspia, .aspdn]

    /// IPSP Single Exchange (RFC 4666 §4.3, §5.5.1): the peer may start any exchange; this side acks it, and the
    /// one ASP state of the association follows. An ASPUP while ASP-ACTIVE is acked and also answered with ERR
    /// "Unexpected Message", and the ASP goes ASP-INACTIVE (§4.3.4.1); an ASPAC while ASP-DOWN is refused with
    /// "Unexpected Message" (§4.3.4.3); an ASPDN is acked in any state (§4.3.4.2).
    private mutating func peerRequest(_ request: M3UAMessage) -> [M3UAAction] {
        var out = [M3UAAction]()
        let new: ASPState
        switch request.type {
        case .aspup:
            out.append(send(M3UAMessage(.aspupAck)))
            if state == .active, let err = request.error(.unexpectedMessage) { out.append(send(err)) }
            new = .inactive
        case .aspac:
            guard state != .down else { return reply(request.error(.unexpectedMessage)) }
            out.append(send(M3UAMessage(.aspacAck, request.parameters.filter { $0.tag != .infoString })))
            new = .active
        case .aspia:
            out.append(send(M3UAMessage(.aspiaAck, request.parameters.filter { $0.tag != .infoString })))
            new = .inactive
        default:
            out.append(send(M3UAMessage(.aspdnAck)))
            new = .down
        }
        // The peer's exchange settles the association's state: an own request it answers is withdrawn, and a
        // goal the peer's request overtakes follows it (upward: this side does not undo the peer's ASPUP or
        // ASPAC; downward: the peer's ASPIA or ASPDN is accepted, and the peer closes the association).
        if pending != nil {
            pending = nil
            out.append(.cancelTimer(.ack(association)))
        }
        let raising = new.rank > state.rank
        if raising ? goal.aspState.rank < new.rank : goal.aspState.rank > new.rank {
            goal = Goal(new)
        }
        return out + changeState(to: new) + advance()
    }
}
