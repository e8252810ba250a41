import ISUP

/// The circuits of one trunk toward one switch, under Q.764 circuit supervision: selection for outgoing calls,
/// incoming seizure with dual-seizure resolution, blocking and unblocking (single and group, maintenance and
/// hardware failure oriented), reset and group reset, the circuit group query and unequipped CICs.
///
/// A pure value: it is fed received messages, maintenance commands and timer expiries at instants the shell supplies,
/// and answers with `CircuitAction`s. The call control calls `seizeOutgoing`, `seizeIncoming`, `backwardMessageReceived`,
/// `releaseStarted` and `releaseToIdle` as its calls progress.
///
/// Invariant: `seizeOutgoing` never offers a circuit that is busy, blocked either way, resetting, awaiting an RLC or
/// reported unequipped by the switch.
public struct CircuitGroup: Sendable {
    public let configuration: CircuitGroupConfiguration
    /// The equipped CICs, ascending.
    let equipped: [Int]
    var circuits: [Int: CircuitState]
    /// Requests sent and not yet acknowledged, repeated under their timers.
    var outstanding: [RequestKey: OutstandingRequest] = [:]
    /// For `leastRecentlyReleased`: when each circuit last went idle, as a running count.
    private var releaseStamps: [Int: UInt64] = [:]
    private var releaseCounter: UInt64 = 0
    /// For `roundRobin`: the circuit seized last.
    private var lastSeized: Int?

    /// Q.850 cause 41 (temporary failure) in `releaseCall`: the circuit was reset or blocked under the call, which
    /// may be re-attempted elsewhere.
    public static let circuitLostCause: UInt8 = 41

    public init(_ configuration: CircuitGroupConfiguration) {
        self.configuration = configuration
        equipped = Set(configuration.cics.flatMap(\.cics)).sorted()
        circuits = Dictionary(uniqueKeysWithValues: equipped.map { ($0, CircuitState()) })
    }

    // MARK: - Read access

    /// The state of an equipped circuit; nil for an unequipped CIC (outside every configured range).
    public func state(of cic: CIC) -> CircuitState? { circuits[cic.value] }

    public var equippedCICs: [CIC] { equipped.map { CIC($0) } }

    /// The circuits `seizeOutgoing` could offer now.
    public var idleCount: Int { circuits.values.count { $0.isSelectable } }

    /// Equipped circuits per call state.
    public var countsByCallState: [CallState: Int] {
        circuits.values.reduce(into: [:]) { $0[$1.call, default: 0] += 1 }
    }

    /// Equipped circuits satisfying a predicate (e.g. `{ !$0.blocking.isEmpty }` for the blocked ones).
    public func count(where predicate: (CircuitState) -> Bool) -> Int { circuits.values.count(where: predicate) }

    // MARK: - Call control

    /// An idle circuit, not blocked locally or remotely, chosen by the selection policy; with the dual-seizure
    /// preference, among the circuits this exchange controls first (Q.764 §2.9.1.4). The circuit becomes
    /// `outgoingSeized`. Nil when no circuit is selectable (the call control answers congestion, cause 34).
    public mutating func seizeOutgoing() -> CIC? {
        guard let chosen = selectOutgoing() else { return nil }
        lastSeized = chosen
        circuits[chosen]?.call = .outgoingSeized
        return CIC(chosen)
    }

    /// The circuit `seizeOutgoing` takes, scanned in place without building the pool (a trunk of 4,000 CICs with a
    /// few busy ones is the common case).
    private func selectOutgoing() -> Int? {
        let passes = configuration.selection.preferControlledCircuits ? [true, false] : [false]
        for controlledOnly in passes {
            let selectable = { (n: Int) in
                circuits[n]?.isSelectable == true && (!controlledOnly || configuration.weControl(n))
            }
            let chosen: Int? = switch configuration.selection.order {
            case .ascending: equipped.first(where: selectable)
            case .descending: equipped.last(where: selectable)
            case .roundRobin:
                equipped.first { $0 > lastSeized ?? Int.min && selectable($0) } ?? equipped.first(where: selectable)
            case .leastRecentlyReleased:
                equipped.lazy.filter(selectable).min { (releaseStamps[$0] ?? 0, $0) < (releaseStamps[$1] ?? 0, $1) }
            }
            if let chosen { return chosen }
        }
        return nil
    }

    /// The first backward message of our outgoing call arrived: the dual-seizure window is closed.
    public mutating func backwardMessageReceived(_ cic: CIC) {
        guard circuits[cic.value]?.call == .outgoingSeized else { return }
        circuits[cic.value]?.call = .outgoingBusy
    }

    /// A REL was sent or received on the call: the circuit awaits the RLC (a transient state for CQR).
    public mutating func releaseStarted(_ cic: CIC) {
        guard let call = circuits[cic.value]?.call, call.carriesCall else { return }
        circuits[cic.value]?.call = .releasing
    }

    /// The REL/RLC exchange is over: the circuit is idle again. A circuit under reset stays under reset.
    public mutating func releaseToIdle(_ cic: CIC) {
        var ignored = [CircuitAction]()
        update(cic.value, &ignored) { if $0.call != .resetting { $0.call = .idle } }
    }

    /// An IAM arrived on `cic` (Q.764 §2.8.2.3, §2.9.1.4, §2.9.5, §2.12). `testCall`: its calling party's category
    /// is 13, test call (Q.763 §3.11), which a locally blocked circuit accepts and which unblocks nothing.
    public mutating func seizeIncoming(_ cic: CIC, testCall: Bool = false, at now: Instant) -> IncomingSeizure {
        let n = cic.value
        guard let state = circuits[n] else { return .unequipped(unequippedReply(n)) }
        switch state.call {
        case .resetting:
            return .resetInProgress
        case .outgoingSeized:
            if configuration.weControl(n) { return .dualSeizure(weControl: true) }
            circuits[n]?.call = .incomingBusy
            return .dualSeizure(weControl: false)
        case .incomingBusy, .outgoingBusy, .releasing:
            return .busy([.maintenanceAlert("\(configuration.name): IAM on busy CIC \(n), circuit reset (Q.764 §2.9.5)")]
                + reset(cic, at: now))
        case .idle:
            break
        }
        if !testCall, !state.blocking.isDisjoint(with: [.localMaintenance, .localHardware]) {
            return .locallyBlocked(resignalLocalBlocking([n], kinds: [.maintenance, .hardwareFailure], at: now))
        }
        let clears = !testCall && state.blocking.contains(.remoteMaintenance)
        circuits[n]?.call = .incomingBusy
        circuits[n]?.unequippedAtRemote = false
        if clears { circuits[n]?.blocking.remove(.remoteMaintenance) }
        return .accepted(clearedRemoteBlocking: clears)
    }

    // MARK: - Shared helpers

    /// Applies a change to an equipped circuit and reports it with `.stateChanged` when it changed anything.
    mutating func update(_ n: Int, _ out: inout [CircuitAction], _ change: (inout CircuitState) -> Void) {
        guard let old = circuits[n] else { return }
        var new = old
        change(&new)
        guard new != old else { return }
        if old.call != .idle && new.call == .idle {
            releaseCounter += 1
            releaseStamps[n] = releaseCounter
        }
        circuits[n] = new
        out.append(.stateChanged(CIC(n), new))
    }

    /// Clears the call on a circuit that a reset or a hardware blocking takes away: the call control is told, the
    /// circuit goes to `call` (idle, or resetting).
    mutating func clearCall(_ n: Int, to call: CallState, _ out: inout [CircuitAction]) {
        guard let state = circuits[n] else { return }
        if state.call.hasCall { out.append(.releaseCall(CIC(n), cause: Self.circuitLostCause)) }
        update(n, &out) { $0.call = call }
    }

    /// Q.764 §2.12: a message for a CIC that is not ours is answered with UCIC and reported.
    func unequippedReply(_ n: Int) -> [CircuitAction] {
        [.send(.circuit(.ucic, n)),
         .maintenanceAlert("\(configuration.name): message for unequipped CIC \(n), UCIC sent (Q.764 §2.12)")]
    }

    func alert(_ text: String) -> CircuitAction { .maintenanceAlert("\(configuration.name): \(text)") }
}

extension CallState {
    /// A call is set up or being set up on the circuit.
    var carriesCall: Bool { self == .incomingBusy || self == .outgoingSeized || self == .outgoingBusy }
    /// The call control holds a call for this circuit (being set up, up, or being released).
    var hasCall: Bool { carriesCall || self == .releasing }
}
