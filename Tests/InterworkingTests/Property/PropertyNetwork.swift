import ISUP
import Interworking
import SIPI

/// The world around the engine in a property run: a virtual clock with the timers the engine started, everything the
/// engine sent (kept so that later events can answer it), the records and the calls it started. Unlike `Scenario` it
/// records no issue itself: what goes wrong is collected in `problems`, so that a failing run can be shrunk.
struct PropertyNetwork {
    var engine: InterworkingEngine
    var now: Instant = .zero
    /// Running timers with when they fire, in the order they were started (ties fire in that order: reproducible).
    var timers: [(id: Interworking.TimerID, due: Instant)] = []
    /// ISUP and SIP the engine sent and the settling network has not answered yet.
    var unansweredISUP: [ISUPMessage] = []
    var unansweredSIP: [SIPMessage] = []
    /// What the engine sent during the run, newest last (bounded), for the generator to answer or to talk in.
    var isupRequests: [ISUPMessage] = []
    var sipRequests: [SIPMessage] = []
    var sipResponses: [SIPMessage] = []
    /// The engine's INVITEs by top Via (for the 487 after a CANCEL).
    var engineInvites: [String: SIPMessage] = [:]
    /// INVITEs the peer sent (for CANCEL and retransmissions).
    var peerInvites: [SIPMessage] = []
    var records: [CallRecord] = []
    var started: [UInt64] = []
    /// Invariant violations seen while running (bad output), checked with the end state by `violations()`.
    var problems: [String] = []
    /// The engine's SIP as libosip2 re-parsed it, by serialization (retransmissions are parsed once).
    var reparsed: [[UInt8]: SIPMessage] = [:]
    /// A counter for the peer's branches and Call-IDs.
    var serial = 0

    static let historyLimit = 40

    init() {
        engine = InterworkingEngine(configuration: Fixture.configuration(), mappings: Fixture.mappings, instance: "p")
        run(engine.start(at: now))
    }

    mutating func feed(_ event: Event) { run(engine.handle(event, at: now)) }

    /// Moves the clock to `end`, firing every timer due on the way, earliest first.
    mutating func advance(to end: Instant) {
        while let next = timers.indices.filter({ timers[$0].due <= end }).min(by: { timers[$0].due < timers[$1].due }) {
            let (id, due) = timers.remove(at: next)
            now = max(now, due)
            feed(.timer(id))
        }
        now = max(now, end)
    }

    /// The earliest pending timer expiry.
    var nextDue: Instant? { timers.map(\.due).min() }

    mutating func run(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .sendISUP(let data, _):
                guard let message = try? data.isup() else {
                    problems.append("the engine sent ISUP that does not decode: \(data)")
                    continue
                }
                unansweredISUP.append(message)
                remember(message, in: &isupRequests)
            case .sendSIP(let message, _):
                do {
                    let wire = try message.serialized()
                    let reparsed = try self.reparsed[wire] ?? SIPMessage(parsing: wire)
                    self.reparsed[wire] = reparsed
                    unansweredSIP.append(reparsed)
                    if reparsed.method == "INVITE", let via = reparsed.header("via") { engineInvites[via] = reparsed }
                    if reparsed.method != nil {
                        remember(reparsed, in: &sipRequests)
                    } else {
                        remember(reparsed, in: &sipResponses)
                    }
                } catch {
                    problems.append("the engine sent SIP that libosip2 refuses: \(error)\n\(message)")
                }
            case .startTimer(let id, let after):
                timers.removeAll { $0.id == id }
                timers.append((id, now + after))
            case .cancelTimer(let id):
                timers.removeAll { $0.id == id }
            case .lookup:
                problems.append("a lookup without ENUM configured")
            case .record(let record):
                records.append(record)
            case .observe(.callStarted(let id, _, _, _)):
                started.append(id.rawValue)
            case .observe:
                break
            }
        }
    }

    private func remember<T>(_ element: T, in history: inout [T]) {
        history.append(element)
        if history.count > Self.historyLimit { history.removeFirst() }
    }

    mutating func nextSerial() -> Int {
        serial += 1
        return serial
    }

    // MARK: The invariants

    /// What is wrong once the network has settled: calls, transactions or timers left, circuits not idle, calls
    /// without exactly one record, bad output seen on the way.
    func violations() -> [String] {
        var found = problems
        if engine.activeCalls != 0 { found.append("\(engine.activeCalls) call(s) left: " + engine.callSummaries.joined(separator: "; ")) }
        if engine.activeTransactions != 0 {
            found.append("\(engine.activeTransactions) transaction(s) left: \(engine.transactionIDs.map { "\($0)" }.sorted())")
        }
        if !timers.isEmpty { found.append("timers still running: \(timers.map { "\($0.id)" }.sorted())") }
        if let group = engine.circuitGroup("switch-a") {
            let busy = group.equippedCICs.filter { group.state(of: $0)?.call != .idle }
            if !busy.isEmpty {
                found.append("circuits not idle: " + busy.map { "\($0.value):\(group.state(of: $0)!.call)" }.joined(separator: " "))
            }
        }
        var counts = [UInt64: Int]()
        for record in records { counts[record.callID, default: 0] += 1 }
        for (id, count) in counts.sorted(by: { $0.key < $1.key }) where count != 1 {
            found.append("call \(id): \(count) records")
        }
        for id in started where counts[id] == nil { found.append("call \(id) started, no record") }
        for record in records where record.release < record.seizure {
            found.append("call \(record.callID): released before its seizure")
        }
        return found
    }
}
