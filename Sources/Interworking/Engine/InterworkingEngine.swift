import ISUP
import M3UA
import SIPI

/// The interworking engine: Q.1912.5 call control between ISUP circuits and SIP(-I) dialogs, with the RFC 3261
/// transaction layer, Q.764 circuit supervision, routing and call records. A pure value: fed events at instants the
/// shell supplies, it answers with actions (`../shared/design.md`, "Functional core").
public struct InterworkingEngine: Sendable {
    public internal(set) var configuration: EngineConfiguration {
        didSet { (viaPrefix, localContact) = Self.ownHeaders(configuration.sip.address) }
    }
    /// The top Via of the requests the gateway sends up to its branch, and their Contact, written once per
    /// configuration.
    private(set) var viaPrefix: String
    private(set) var localContact: String
    let causes: CauseMapper
    let sdp = ST769SDPProfile()

    var transactions: TransactionLayer
    var circuits: [CircuitGroup]
    var calls = CallTable()
    /// Calls by (trunk, CIC) and by SIP Call-ID.
    var byCircuit: [CircuitKey: CallID] = [:]
    var bySIPCallID: [String: CallID] = [:]
    /// Point codes M3UA reported unavailable (DUNA), associations lost, peers found down.
    var unavailableDestinations: Set<UInt32> = []
    var lostAssociations: Set<String> = []
    /// Set by `.drain`: no new call is admitted.
    var draining = false
    var downPeers: Set<Int> = []
    /// The calls' client transactions (branch and method: an INVITE and its CANCEL share the branch, §9.1), to bring
    /// a response or a failure to its call.
    var requestsInFlight: [TransactionID: CallID] = [:]
    /// Keep-alive OPTIONS in flight, by their transaction, to the peer they probe.
    var keepAlives: [TransactionID: Int] = [:]
    /// Pending ENUM lookups and the calls waiting for them.
    var lookups: [LookupID: CallID] = [:]
    /// Call attempts per trunk and per peer in the current one-second window (for `maxCallsPerSecond`).
    var attempts: [String: (second: Int64, count: Int)] = [:]

    var nextIdentifier: UInt64 = 0
    /// Distinguishes this engine's tags, branches and Call-IDs from another instance's (the shell picks it).
    let instance: String
    var now: Instant = .zero
    var out: [Action] = []

    /// - Parameters:
    ///   - mappings: the loaded `Mappings/` tables (cause mapping profiles).
    ///   - instance: a token unique to this run (e.g. random hex), part of every generated identifier.
    public init(configuration: EngineConfiguration, mappings: Mappings, instance: String = "0") {
        self.configuration = configuration
        (viaPrefix, localContact) = Self.ownHeaders(configuration.sip.address)
        self.causes = CauseMapper(mappings)
        self.transactions = TransactionLayer(timers: configuration.sipTimers)
        self.circuits = configuration.trunks.map { CircuitGroup($0.circuits) }
        self.instance = instance
    }

    /// Feeds one event; the actions come back in the order the shell must execute them.
    public mutating func handle(_ event: Event, at now: Instant) -> [Action] {
        self.now = now
        // A fresh small buffer each time: the one returned is the shell's, and keeping its capacity would allocate
        // a copy as large as the largest event ever needed, past the allocator's fast path.
        out.reserveCapacity(8)
        switch event {
        case .isup(let message, let route): receiveISUP(message, from: route)
        case .undecodableISUP(let octets, let route, let error): receiveUndecodableISUP(octets, from: route, error: error)
        case .sip(let message, let source):
            if peer(for: source) == nil, message.method == nil || configuration.policy.unknownSource == .drop {
                // Only configured peers are served (issue 8): no transaction, no dialog.
                out.append(.observe(.discarded("SIP \(message.kind) from unknown source \(source)")))
            } else {
                feedTransactions(.received(message, from: source, id: message.method == nil ? ownClientTransaction(of: message) : nil))
            }
        case .sipSendFailed(let message, let destination): sendFailed(message, to: destination)
        case .timer(let timer): fire(timer)
        case .peer(let name, let up): peerChanged(name, up: up)
        case .destination(let pointCode, let available): destinationChanged(pointCode, available: available)
        case .association(let name, let up): associationChanged(name, up: up)
        case .lookup(let id, let answer): lookupAnswered(id, answer)
        case .maintenance(let request): maintenance(request)
        case .drain(let cause): drain(cause: cause)
        }
        defer { out = [] }
        return out
    }

    /// Starts the engine's own supervision: the keep-alive OPTIONS of the peers that have one (ST 769 §7.7.1.2)
    /// and, with `resetCircuits`, GRS on every trunk (Q.764 §2.9.3.2), so no circuit is used until the switch
    /// agrees. A daemon whose associations come up later resets the circuits on `.association(_, up: true)`.
    public mutating func start(at now: Instant, resetCircuits: Bool = true) -> [Action] {
        self.now = now
        if resetCircuits { for trunk in circuits.indices { apply(circuits[trunk].start(at: now), trunk: trunk) } }
        for (peer, config) in configuration.peers.enumerated() where config.keepAliveInterval != nil { sendKeepAlive(peer) }
        defer { out = [] }
        return out
    }

    // MARK: Read access (metrics, control, tests)

    /// Calls in progress.
    public var activeCalls: Int { calls.count }
    /// Live SIP transactions.
    public var activeTransactions: Int { transactions.count }
    /// The live SIP transactions, by identifier (diagnostics).
    public var transactionIDs: [TransactionID] { transactions.ids }
    /// One line per call in progress, by call ID: direction, CIC, the states of its ISUP and SIP legs, its timers.
    public var callSummaries: [String] {
        calls.values.sorted { $0.id < $1.id }.map { call in
            "\(call.id) \(call.direction.rawValue) CIC \(call.cic.map { "\($0.value)" } ?? "-") ISUP \(call.isup.state) SIP \(call.sip.state)"
                + " timers \(call.timers.map(\.rawValue).sorted())"
        }
    }
    /// The circuit group of a trunk by name.
    public func circuitGroup(_ trunk: String) -> CircuitGroup? {
        configuration.trunks.firstIndex { $0.name == trunk }.map { circuits[$0] }
    }

    // MARK: Identifiers

    mutating func identifier() -> String {
        nextIdentifier += 1
        return "\(instance)\(String(nextIdentifier, radix: 16))"
    }

    mutating func newCallID() -> CallID {
        nextIdentifier += 1
        return CallID(nextIdentifier)
    }

    /// RFC 3261 §8.1.1.7: branches start with the magic cookie.
    mutating func branch() -> String { "z9hG4bK" + identifier() }
}

/// A circuit of a trunk.
struct CircuitKey: Hashable, Sendable {
    var trunk: Int
    var cic: Int
}
