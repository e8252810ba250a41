import FuzzSupport
import ISUP
import Interworking
import M3UA
import SIPI

/// The shell around the engine for one fuzz input: a virtual clock, the running timers, what the engine sent,
/// and the invariants checked after every step.
struct EngineRun {
    var engine: InterworkingEngine
    var now = Instant.zero
    var timers: [Interworking.TimerID: Instant] = [:]
    /// The SIP messages the engine sent, newest last (the peer answers or continues one of them).
    var sipSent: [SIPMessage] = []
    var pendingLookups: [LookupID] = []
    /// IAMs and INVITEs fed: no more calls than these can exist or end.
    var attempts = 0
    var recorded: Set<UInt64> = []
    var peerCSeq = 100

    init(enumLookup: Bool) {
        engine = InterworkingEngine(configuration: Network.configuration(enumLookup: enumLookup),
                                    mappings: repositoryMappings, instance: "f")
    }

    mutating func feed(_ event: Event) {
        switch event {
        case .isup(let m, _) where m.type == .iam: attempts += 1
        case .sip(let m, _) where m.method == "INVITE": attempts += 1
        default: break
        }
        execute(engine.handle(event, at: now))
    }

    /// Moves the clock to `end`, firing every timer due on the way in order (ties by name, for determinism).
    mutating func advance(to end: Instant) {
        while let (id, due) = timers.filter({ $0.value <= end }).min(by: Self.firesFirst) {
            timers[id] = nil
            now = max(now, due)
            execute(engine.handle(.timer(id), at: now))
        }
        now = max(now, end)
    }

    /// Expiry order; timers due at the same instant by name (a dictionary's order differs between runs).
    static func firesFirst(_ a: (key: Interworking.TimerID, value: Instant), _ b: (key: Interworking.TimerID, value: Instant)) -> Bool {
        a.value != b.value ? a.value < b.value : "\(a.key)" < "\(b.key)"
    }

    /// Fires the timers in order until the `n`th next one (by due time) has fired.
    mutating func fireNextTimer(_ n: Int) {
        let due = timers.values.sorted()
        guard !due.isEmpty else { return }
        advance(to: due[n % due.count])
    }

    mutating func execute(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .sendISUP(let data, _):
                guard data.opc == Network.ownPointCode, data.dpc == Network.switchPointCode else {
                    violated("ISUP sent with the wrong routing label: OPC \(data.opc) DPC \(data.dpc)")
                }
                do {
                    guard try data.isup() != nil else { violated("ISUP sent that is not ISUP (SI \(data.si))") }
                } catch {
                    violated("the engine sent ISUP that does not decode: \(error)")
                }
            case .sendSIP(let message, _):
                do {
                    sipSent.append(try SIPMessage(parsing: message.serialized()))
                    if sipSent.count > 16 { sipSent.removeFirst() }
                } catch {
                    violated("the engine sent SIP that libosip2 refuses: \(error)\n\(message)")
                }
            case .startTimer(let id, let after): timers[id] = now + after
            case .cancelTimer(let id): timers[id] = nil
            case .lookup(let id, _, _): pendingLookups.append(id)
            case .record(let record):
                guard recorded.insert(record.callID).inserted else { violated("call \(record.callID) has two records") }
            case .observe: break
            }
        }
        checkInvariants()
    }

    func checkInvariants() {
        guard engine.activeCalls + recorded.count <= attempts else {
            violated("\(engine.activeCalls) active calls and \(recorded.count) records from \(attempts) IAMs/INVITEs")
        }
        let group = engine.circuitGroup("switch-a")!
        let busy = group.count { [.incomingBusy, .outgoingBusy, .outgoingSeized].contains($0.call) }
        guard busy <= engine.activeCalls else { violated("\(busy) busy circuits with \(engine.activeCalls) calls") }
    }

    /// After the input: up to two quiet hours, then the switch releases every circuit (REL, cause 16) and up to two
    /// more hours pass. Circuit supervision timers repeat for ever, so the expiries are bounded. Every call must then
    /// have ended — a call that the switch's REL and the timers cannot end is a leak — and no circuit is left busy.
    /// Each quiet period ends early once no call is left: only an IAM or an INVITE makes a call, and only a call
    /// makes a circuit busy, so nothing the rest of it would fire can change the outcome.
    mutating func drain() {
        quiet(for: .seconds(7200))
        for cic in 1...31 {
            if let rel = try? ISUPMessage(decoding: [UInt8(cic), 0] + ISUPTemplates.rel(cause: 16)) {
                feed(.isup(rel, from: Network.switchRoute))
            }
        }
        quiet(for: .seconds(7200))
        guard engine.activeCalls == 0 else { violated("\(engine.activeCalls) calls left after the switch released every circuit") }
        let group = engine.circuitGroup("switch-a")!
        let busy = group.count { [.incomingBusy, .outgoingBusy, .outgoingSeized].contains($0.call) }
        guard busy == 0 else { violated("\(busy) circuits busy with no call") }
    }

    mutating func quiet(for duration: Duration) {
        let end = now + duration
        for _ in 0..<5_000 {
            guard engine.activeCalls > 0 else { return }  // the clock stays: what is due later fires later
            guard let next = timers.values.min(), next <= end else { break }
            advance(to: next)
        }
        now = max(now, end)
    }
}
