/// Several associations serving the same Application Server(s) from the ASP side (RFC 4666 §4.3.4.3, §5.2):
/// in Loadshare every ASP is activated and DATA is spread by SLS, an SLS staying on its association while that
/// association is active; in Override the first ASP is activated and the others wait as standby (ASP-INACTIVE),
/// one of them taking over when no ASP is active or about to be.
public struct ASPGroup: M3UAStateMachine, Sendable {
    public struct Configuration: Codable, Hashable, Sendable {
        public var associations: [AssociationID]
        /// Loadshare or Override (RFC 4666 §3.7.1); also sent in each ASPAC.
        public var trafficMode: TrafficModeType
        /// Shared by every association: Routing Contexts, point codes, timers (the Traffic Mode is the group's).
        public var asp: ASPConfiguration

        public init(associations: [AssociationID], trafficMode: TrafficModeType, asp: ASPConfiguration = ASPConfiguration()) {
            self.associations = associations
            self.trafficMode = trafficMode
            self.asp = asp
        }
    }

    public let configuration: Configuration
    public private(set) var members: [AssociationID: ASPStateMachine]
    private var distributor = SLSDistributor()

    public init(configuration: Configuration) {
        self.configuration = configuration
        var asp = configuration.asp
        asp.trafficMode = configuration.trafficMode
        members = Dictionary(uniqueKeysWithValues: configuration.associations.map {
            ($0, ASPStateMachine(association: $0, configuration: asp))
        })
    }

    /// Some active ASP can reach the DPC (calls to an unavailable DPC are refused with cause 34).
    public func isAvailable(_ pc: UInt32, user: ServiceIndicator = .isup) -> Bool {
        members.values.contains { $0.isAvailable(pc, user: user) }
    }

    public var activeAssociations: [AssociationID] { members.filter { $0.value.state == .active }.keys.sorted() }

    public mutating func handle(_ event: M3UAEvent, at now: ContinuousClock.Instant) -> [M3UAAction] {
        let out: [M3UAAction]
        switch event {
        case .activate:
            out = configuration.associations.enumerated().flatMap { n, a in
                members[a]!.set(goal: configuration.trafficMode == .override && n > 0 ? .standby : .active)
            }
        case .deactivate, .shutdown: out = configuration.associations.flatMap { members[$0]!.handle(event, at: now) }
        case .manage(let a, _): out = members[a]?.handle(event, at: now) ?? []
        case .sendData(let data): out = send(data, at: now)
        case .transportUp(let a), .transportDown(let a), .received(_, let a, _), .receivedOctets(_, let a, _),
            .timerFired(.ack(let a)), .timerFired(.beat(let a)), .timerFired(.reconnect(let a)):
            out = members[a]?.handle(event, at: now) ?? []
        case .timerFired(.recovery), .destinationAvailability: out = []
        }
        return out + failOver()
    }

    /// Override: DATA on the active ASP. Loadshare: on the SLS's association among the active ones.
    private mutating func send(_ data: ProtocolData, at now: ContinuousClock.Instant) -> [M3UAAction] {
        let active = activeAssociations
        let carrier = configuration.trafficMode == .loadshare
            ? distributor.association(for: data.sls, among: active) : active.first
        guard let carrier else { return [.undeliverable(data)] }
        return members[carrier]!.handle(.sendData(data), at: now)
    }

    /// Override fail-over (RFC 4666 §5.2.2): when no ASP is active or on its way to ASP-ACTIVE over a live
    /// association, the first standby that is ASP-INACTIVE is asked to activate. Once another ASP carries the
    /// traffic, an ASP whose association was lost becomes a standby: on its return it does not take the traffic
    /// back (its ASPAC would move the AS away under the DATA already in flight on the new active ASP).
    private mutating func failOver() -> [M3UAAction] {
        guard configuration.trafficMode == .override else { return [] }
        let live = { (m: ASPStateMachine) in m.state == .active || (m.goal == .active && m.transport == .up) }
        var out: [M3UAAction] = []
        if !members.values.contains(where: live),
            let standby = configuration.associations.first(where: {
                members[$0]?.goal == .standby && members[$0]?.state == .inactive
            })
        {
            out = members[standby]!.set(goal: .active)
        }
        guard members.values.contains(where: live) else { return out }
        for a in configuration.associations where members[a]!.goal == .active && members[a]!.transport != .up {
            out += members[a]!.set(goal: .standby)
        }
        return out
    }
}
