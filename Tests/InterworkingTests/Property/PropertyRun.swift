import ISUP
import Interworking
import OracleSupport
import SIPI

/// One seeded property run: `events` random steps against the engine (a realistic mix of valid and invalid ISUP,
/// SIP, maintenance, network changes and clock advances, many of them answering what the engine sent), then the
/// network settles and the invariants are checked. The same seed and count give the same run, so a failure can be
/// replayed and shrunk by running fewer steps.
struct PropertyRun {
    var network = PropertyNetwork()
    var random: SplitMix64
    /// One line per step, for the failure report.
    var log: [String] = []
    /// CICs the switch sent an IAM on, most recent last (SAM, COT and REL go there more often).
    var recentCICs: [Int] = []

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Runs `events` steps, settles, and returns what is wrong (empty when the invariants hold) with the steps' log.
    static func run(seed: UInt64, events: Int) -> (violations: [String], log: [String]) {
        var run = PropertyRun(seed: seed)
        for _ in 0..<events { run.step() }
        run.log.append("settle")
        run.network.settle()
        return (run.network.violations(), run.log)
    }

    // MARK: Random helpers

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T? { items.randomElement(using: &random) }

    /// A CIC: usually a recent one, else any equipped one, now and then an unequipped one.
    mutating func cic() -> Int {
        if chance(50), let recent = pick(Array(recentCICs.suffix(8))) { return recent }
        return chance(5) ? pick([0, 32, 40, 4095])! : int(1...31)
    }

    // MARK: Steps

    mutating func step() {
        let kinds: [(weight: Int, step: (inout PropertyRun) -> Void)] = [
            (12, { $0.iam() }), (4, { $0.sam() }), (3, { $0.cot() }), (12, { $0.callControlFromSwitch() }),
            (2, { $0.unknownMessageType() }), (4, { $0.garbledISUP() }), (5, { $0.circuitSupervisionFromSwitch() }),
            (12, { $0.answerEngineISUP() }), (10, { $0.invite() }), (2, { $0.retransmitInvite() }),
            (3, { $0.cancel() }), (14, { $0.answerEngineRequest() }), (10, { $0.inDialogRequest() }),
            (2, { $0.ackOfFailure() }), (4, { $0.malformedSIP() }), (2, { $0.maintenance() }),
            (3, { $0.networkChange() }), (15, { $0.advanceClock() }),
        ]
        var roll = int(0...(kinds.map(\.weight).reduce(0, +) - 1))
        for kind in kinds {
            if roll < kind.weight {
                kind.step(&self)
                return
            }
            roll -= kind.weight
        }
    }

    mutating func isup(_ message: ISUPMessage, _ note: String = "") {
        log.append("ISUP \(message.type.acronym) CIC \(message.cic?.value ?? -1) \(note)")
        network.feed(.isup(message, from: Scenario.switchRoute))
    }

    /// A SIP message as the transport would deliver it: what libosip2 does not parse never reaches the engine.
    mutating func sip(_ message: SIPMessage, from source: SIPEndpoint = Fixture.peerAddress, _ note: String = "") {
        let line = "SIP \(message.kind) \(message.header("cseq") ?? "-") \(message.header("call-id") ?? "-") from \(source.host) \(note)"
        guard let wire = try? message.serialized(), let parsed = try? SIPMessage(parsing: wire) else {
            log.append(line + " (refused by libosip2, not fed)")
            return
        }
        log.append(line)
        network.feed(.sip(parsed, from: source))
    }

    mutating func event(_ event: Event) {
        log.append("\(event)")
        network.feed(event)
    }
}
